/** A bulk selection only ever acts on leads the person can see. */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  test,
  writesTo,
} from './support/app';

const bulkNote = (page: Page) => page.locator('.bulk-note');

test('leads that leave the view leave the selection; the next key acts on the current lead only', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  // From "All leads" to "Marketing: new".
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', /\d+/);

  const first = await currentEnvokeId(page);
  await press(page, 'x', 'j');
  const second = await currentEnvokeId(page);
  expect(second).not.toBe(first);
  await press(page, 'x');
  await expect(bulkNote(page)).toContainText('2 leads selected');
  await page.screenshot({ path: `${SCREENSHOTS}/selection-banner.png` });

  // Deferred: both leave "Marketing: new" once the cursor moves, and so leave the selection,
  // and the person is told.
  await press(page, 'm', '4');
  await expect(page.getByText('Marked 2 leads Deferred')).toBeVisible();
  await expect(leadList(page).locator(`[data-envoke-id="${first}"]`)).toContainText(
    'moved to Deferred',
  );
  await press(page, 'j');
  await expect(page.getByText('2 leads left this view and the selection')).toBeVisible();
  await expect(leadList(page).locator(`[data-envoke-id="${first}"]`)).toHaveCount(0);
  await expect(leadList(page).locator(`[data-envoke-id="${second}"]`)).toHaveCount(0);
  await expect(bulkNote(page)).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/selection-left-view.png` });

  // `h` now rates the lead on screen, never the two hidden ones.
  const current = await currentEnvokeId(page);
  expect([first, second]).not.toContain(current);
  await press(page, 'h');
  await expectPending(page, 0, 20_000);
  await expect
    .poll(async () => (await app.envoke.lead(current))?.marketing_rating, { timeout: 20_000 })
    .toBe('Hot');
  for (const id of [first, second]) {
    const bodies = (await writesTo(app, id)).map((write) => write.body);
    expect(bodies).toEqual([{ marketing_rating_status: 'Deferred' }]);
  }

  // Undo the rating, then the bulk change: both leads come back, on Envoke too.
  await press(page, 'z');
  await expect(page.getByText(/^Undone:/)).toBeVisible();
  await press(page, 'z');
  await expect(leadList(page).locator(`[data-envoke-id="${first}"]`)).toHaveCount(1);
  await expect(leadList(page).locator(`[data-envoke-id="${second}"]`)).toHaveCount(1);
  for (const id of [first, second]) {
    await expect
      .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status, { timeout: 20_000 })
      .toBe('Unprocessed');
  }
});

test('switching views empties the selection and says so', async ({ page, app }) => {
  await openApp(page, app);
  await press(page, 'x', 'j', 'x', 'j', 'x');
  await expect(bulkNote(page)).toContainText('3 leads selected');
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await expect(page.getByText('3 leads left this view and the selection')).toBeVisible();
  await expect(bulkNote(page)).toHaveCount(0);
});

test('o, $ and a act on the whole selection and say how many; n says a note is for one lead', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const first = await currentEnvokeId(page);
  await press(page, 'x', 'j', 'x');
  const second = await currentEnvokeId(page);
  await press(page, 'j');
  const other = await currentEnvokeId(page);
  await expect(bulkNote(page)).toContainText('2 leads selected');

  // Opportunity: one picker for both; a number picks and saves.
  await press(page, 'o');
  const opportunity = page.getByRole('dialog', { name: 'Opportunity · 2 selected leads' });
  await expect(opportunity).toContainText('Sets the same value on 2 selected leads.');
  await page.screenshot({ path: `${SCREENSHOTS}/bulk-opportunity.png` });
  await press(page, '2');
  await expect(opportunity).toBeHidden();
  await expect(page.getByText(/^Marked 2 leads Yes/)).toBeVisible();

  // Sale: the outcome for both; amounts and notes are per lead, so they are not offered.
  await press(page, '$');
  const sale = page.getByRole('dialog', { name: 'Sale · 2 selected leads' });
  await expect(sale.getByLabel('Revenue')).toHaveCount(0);
  await press(page, '3');
  await expect(sale).toBeHidden();

  // Salesperson: typed once, set on both.
  await press(page, 'a');
  const salesperson = page.getByRole('dialog', { name: 'Salesperson · 2 selected leads' });
  await page.keyboard.type('Bulk Owner');
  await press(page, 'Enter');
  await expect(salesperson).toBeHidden();
  await expect(page.getByText(/^Marked 2 leads Bulk Owner/)).toBeVisible();

  // A note is the lead's own: the key says so and opens nothing.
  await press(page, 'n');
  await expect(page.getByText(/note is written for one lead at a time/)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await expectPending(page, 0, 20_000);
  for (const id of [first, second]) {
    const lead = await app.envoke.lead(id);
    expect([lead?.opportunity, lead?.sale, lead?.salesperson]).toEqual([
      'Yes',
      'Cancelled',
      'Bulk Owner',
    ]);
  }
  expect(await writesTo(app, other)).toEqual([]);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', other);
});
