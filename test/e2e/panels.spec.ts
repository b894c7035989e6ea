/** Palette, help, settings, editors and the outbox, all by keyboard; screenshots of each view. */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  ratingOnKey,
  SCREENSHOTS,
  statusBar,
  test,
  writesTo,
} from './support/app';

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

test('palette, help, settings and the new-lead form work by keyboard; light and dark follow the system', async ({
  page,
  app,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, app);
  await page.screenshot({ path: `${SCREENSHOTS}/main-light.png` });

  await press(page, 'Control+k');
  await expect(dialog(page, 'Commands')).toBeVisible();
  await page.keyboard.type('sales active');
  await expect(dialog(page, 'Commands').getByRole('option')).toHaveCount(1);
  await expect(dialog(page, 'Commands').getByRole('option')).toContainText(
    'Make Sales the active stage',
  );
  await page.screenshot({ path: `${SCREENSHOTS}/palette.png` });
  await press(page, 'Enter');
  await expect(dialog(page, 'Commands')).toBeHidden();
  await expect(page.getByRole('button', { name: /Sales/, pressed: true })).toBeVisible();
  await expect(page.locator('.key-legend')).toContainText('3 Good');

  await press(page, '?');
  const help = dialog(page, 'Keyboard shortcuts');
  await expect(help).toContainText('Next lead');
  await expect(help).toContainText('Sales status: Contact attempted');
  await page.screenshot({ path: `${SCREENSHOTS}/help.png` });
  await press(page, 'Escape');
  await expect(help).toBeHidden();
  // A key that means nothing says so rather than doing nothing in silence.
  await press(page, 'q');
  await expect(page.getByText('“q” does nothing here. Press ? to see every key.')).toBeVisible();

  await press(page, ',');
  await expect(dialog(page, 'Settings')).toBeVisible();
  await expect(dialog(page, 'Settings')).toContainText('demo data');
  await page.screenshot({ path: `${SCREENSHOTS}/settings.png` });
  await press(page, 'Escape');
  await expect(dialog(page, 'Settings')).toBeHidden();
  // Focus came back to the list, so the keys work again.
  await expect(leadList(page)).toBeFocused();

  // A lead created from a view that leaves it out is shown among all leads, and selected.
  await press(page, ']', ']', ']', ']', ']');
  await expect(leadList(page)).toHaveAccessibleName('Leads: Won');
  await press(page, 'Shift+N');
  const form = dialog(page, 'New lead');
  await page.keyboard.type('not-an-email');
  await press(page, 'Enter');
  await expect(form.getByRole('alert')).toHaveText(
    '“not-an-email” is not an email address: it needs a name, an @ and a domain, such as ann@example.com.',
  );
  await press(page, 'Control+a');
  await page.keyboard.type('ann@northwind.example');
  await press(page, 'Tab', 'Tab', 'Tab');
  await page.keyboard.type('Northwind Test');
  await press(page, 'Enter');
  await expect(form).toBeHidden();
  await expect(leadList(page)).toHaveAccessibleName('Leads: All leads');
  await expect(currentLead(page)).toContainText('Northwind Test');
  await expect(leadList(page)).toBeFocused();

  const body = page.locator('body');
  await expect(body).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(body).toHaveCSS('background-color', 'rgb(22, 24, 29)');
  await page.screenshot({ path: `${SCREENSHOTS}/main-dark.png` });
});

test('note and sale editors save what was typed; bad money is refused with a reason; an editor opened right after a move starts from the lead’s note', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);

  await press(page, 'n');
  const note = dialog(page, 'Marketing note');
  await expect(note.getByRole('textbox')).toBeFocused();
  await press(page, 'Control+a');
  await page.keyboard.type('Call back');
  await press(page, 'Shift+Enter');
  await page.keyboard.type('in May');
  await press(page, 'Enter');
  await expect(note).toBeHidden();
  await expect(page.getByRole('region', { name: 'Marketing stage' })).toContainText(
    'Call back\nin May',
  );

  const sale = (await app.envoke.lead(id))?.sale ?? '';
  const steps = (1 - Math.max(0, ['None', 'Yes', 'Cancelled'].indexOf(sale)) + 3) % 3;
  await press(page, '$');
  const editor = dialog(page, 'Sale');
  for (let i = 0; i < steps; i++) await press(page, 'ArrowRight');
  await expect(editor.getByRole('option', { name: 'Yes' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await press(page, 'Tab', 'Control+a');
  await page.keyboard.type('$7,595');
  await press(page, 'Tab', 'Control+a');
  await page.keyboard.type('1200.50');
  await press(page, 'Enter');
  // The reason sits under the field in trouble, which is marked and takes the keyboard.
  const revenue = editor.getByRole('textbox', { name: 'Revenue' });
  await expect(revenue).toHaveAttribute('aria-invalid', 'true');
  await expect(revenue).toHaveAccessibleDescription(
    /Use a plain amount such as 7595\.00 for revenue, without a currency sign or commas/,
  );
  await expect(editor.getByRole('textbox', { name: 'Cost of goods sold' })).not.toHaveAttribute(
    'aria-invalid',
  );
  await expect(revenue).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/sale-editor.png` });
  await press(page, 'Control+a');
  await page.keyboard.type('−5');
  await press(page, 'Enter');
  await expect(editor.getByRole('alert')).toHaveText(
    'Use a plain amount such as 7595.00 for revenue: it cannot be negative.',
  );
  await press(page, 'Control+a');
  await page.keyboard.type('7595.00');
  await press(page, 'Enter');
  await expect(editor).toBeHidden();

  await expectPending(page, 0, 20_000);
  await expect
    .poll(async () => {
      const lead = await app.envoke.lead(id);
      return [
        lead?.marketing_rating_note,
        lead?.sale,
        Number(lead?.revenue),
        Number(lead?.cost_of_goods_sold),
      ];
    })
    .toEqual(['Call back\nin May', 'Yes', 7595, 1200.5]);

  // n pressed at once after j, before the detail pane has the lead: the editor must still show the
  // lead's own note, or saving would replace a note the person never saw.
  let target = 0;
  let existing = '';
  for (let position = 2; position < 20 && existing === ''; position++) {
    const row = leadList(page).locator(`[aria-posinset="${position}"]`);
    await expect(row).toHaveAttribute('data-envoke-id', /\d+/);
    const lead = await app.envoke.lead((await row.getAttribute('data-envoke-id')) ?? '');
    existing = lead?.marketing_rating_note ?? '';
    target = position;
  }
  expect(existing, 'a lead with a marketing note near the top').not.toBe('');
  await press(page, 'Home');
  for (let i = 2; i < target; i++) await press(page, 'j');
  await expect(currentLead(page)).toHaveAttribute('aria-posinset', String(target - 1));
  await press(page, 'j', 'n');
  await expect(dialog(page, 'Marketing note').getByRole('textbox')).toHaveValue(existing);
  await press(page, 'Escape');
});

test('bulk: status and rating keys change every selected lead', async ({ page, app }) => {
  await openApp(page, app);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    ids.push(await currentEnvokeId(page));
    await press(page, 'x', 'j');
  }
  await expect(page.getByText('3 leads selected')).toBeVisible();
  const cold = await ratingOnKey(page, 'c');
  await press(page, 'c');
  const current = await currentEnvokeId(page);
  // The lead under the cursor was not selected and stays as it was.
  expect(ids).not.toContain(current);
  await expectPending(page, 0, 20_000);
  await expect
    .poll(async () =>
      Promise.all(ids.map(async (id) => (await app.envoke.lead(id))?.marketing_rating)),
    )
    .toEqual([cold, cold, cold]);
  await press(page, 'Escape');
  await expect(page.getByText('3 leads selected')).toBeHidden();
  await expect(leadList(page).locator('.in-bulk')).toHaveCount(0);
});

test('outbox: a queued change is listed and discarded by keyboard, and never sent', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await app.envoke.setOffline(true);
  const id = await currentEnvokeId(page);
  const [h, w] = [await ratingOnKey(page, 'h'), await ratingOnKey(page, 'w')];
  const rating = (await app.envoke.lead(id))?.marketing_rating === h ? w : h;
  await press(page, rating === h ? 'h' : 'w');
  await expectPending(page, 1);

  await press(page, 'p');
  const outbox = dialog(page, 'Outbox');
  await expect(outbox.getByRole('option')).toHaveCount(1);
  await expect(outbox.getByRole('option')).toContainText(`Marketing rating: ${rating}`);
  await page.screenshot({ path: `${SCREENSHOTS}/outbox.png` });
  await press(page, 'd');
  await expect(outbox).toContainText('Press d again');
  await press(page, 'd');
  await expect(outbox).toContainText('Nothing waiting');
  await press(page, 'Escape');
  await expect(outbox).toBeHidden();
  await expectPending(page, 0);

  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Online', { timeout: 20_000 });
  expect(await writesTo(app, id)).toEqual([]);
  await expect(currentLead(page)).toHaveAttribute('data-sync', 'synced');
});

test('a remapped key works at once and after a reload; the old one is free', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ',');
  await page.getByRole('button', { name: 'Change the key for Next lead' }).focus();
  await press(page, 'Enter', 'l');
  await expect(dialog(page, 'Settings').getByRole('row', { name: /Next lead/ })).toContainText('l');
  await press(page, 'Escape');

  const first = await currentEnvokeId(page);
  await press(page, 'j');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);
  await press(page, 'l');
  await expect(currentLead(page)).not.toHaveAttribute('data-envoke-id', first);

  await page.reload();
  await expect(leadList(page).getByRole('option').first()).toBeVisible();
  await press(page, '?');
  await expect(
    dialog(page, 'Keyboard shortcuts').locator('.help-row', { hasText: 'Next lead' }),
  ).toContainText('l');
});
