/**
 * The whole lead on screen: Envoke's own example lead, seeded in the simulator as Envoke holds
 * it, shows what the contact wrote, their consent as a statement, its custom field under the
 * account's label, its interests, business unit, marketing user and salesperson. Screenshots at
 * 1440 and 1024 px are saved for review.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ENVOKE_EXAMPLE_LEAD } from '../support/envoke-example-lead';
import { currentLead, leadList, openApp, press, SCREENSHOTS, statusBar, test } from './support/app';

const details = (page: Page) => page.getByRole('complementary', { name: 'Lead details' });

/** On how many lines `text` is drawn inside `scope`: 1 when it is kept whole. */
async function linesHolding(scope: Locator, text: string): Promise<number> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
      nodes.push(node as Text);
    const start = nodes
      .map((node) => node.data)
      .join('')
      .indexOf(wanted);
    if (start < 0) throw new Error(`'${wanted}' is not shown`);
    const end = start + wanted.length;
    const range = document.createRange();
    let seen = 0;
    let started = false;
    for (const node of nodes) {
      const next = seen + node.data.length;
      if (!started && start < next) {
        range.setStart(node, start - seen);
        started = true;
      }
      if (started && end <= next) {
        range.setEnd(node, end - seen);
        break;
      }
      seen = next;
    }
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    return new Set(rects.map((rect) => Math.round(rect.top))).size;
  }, text);
}

/** Seeds Envoke's example lead, fetches it and opens it by a word of its company. */
async function openExampleLead(page: Page, app: Parameters<typeof openApp>[1], extra = {}) {
  const lead = await app.envoke.insert({ ...ENVOKE_EXAMPLE_LEAD, ...extra });
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Online', { timeout: 20_000 });
  await press(page, '/');
  await page.keyboard.type('Vandelay');
  await expect(leadList(page).locator(`[data-envoke-id="${lead.id}"]`)).toBeVisible();
  await press(page, 'Enter');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', lead.id);
  return lead;
}

test("Envoke's example lead shows its message, consent, custom field, interests and people", async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app);
  // The account's name, as Envoke's /v1/settings gives it, in the title bar and in Settings.
  await expect(page).toHaveTitle('Lead Triage — Envoke demo account');
  await press(page, ',');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toContainText('You are looking at demo data (Envoke demo account).');
  await press(page, 'Escape');
  await expect(settings).toBeHidden();
  await openExampleLead(page, app);
  const pane = details(page);

  const message = pane.getByRole('region', { name: 'They wrote' });
  await expect(message).toContainText(ENVOKE_EXAMPLE_LEAD.contact.feedback);
  // First: above the stages a salesperson works in.
  const [messageBox, stageBox] = await Promise.all([
    message.boundingBox(),
    pane.getByRole('region', { name: 'Marketing stage' }).boundingBox(),
  ]);
  expect(messageBox!.y).toBeLessThan(stageBox!.y);
  await expect(pane.locator('.consent')).toHaveText(
    /^Express consent since \d{4}-\d{2}-\d{2}: may be emailed \(Lead is interested in receiving our widget updates\)$/,
  );

  const custom = pane.getByRole('region', { name: 'Custom fields' });
  await expect(custom.locator('dt')).toHaveText(['Widget of interest']);
  await expect(custom.locator('dd')).toHaveText(['Gold Deluxe Model 5X33']);
  await expect(pane.getByRole('region', { name: 'Interests' }).getByRole('listitem')).toHaveText([
    'Business Products',
    'International',
    'Consumer',
  ]);
  await expect(
    pane.getByRole('region', { name: 'Autoresponders' }).getByRole('listitem'),
  ).toHaveText(['Marketing Sequence 1', 'Whitepaper Download']);
  const facts = pane.getByRole('region', { name: 'Lead' });
  await expect(facts).toContainText('Business unitB2B Widgets');
  await expect(facts).toContainText('Marketing userJane Manager');
  await expect(facts).toContainText('Rule ratingHot');
  await expect(pane.getByRole('region', { name: 'Opportunity and sale' })).toContainText(
    'Tom Salesman',
  );
  const contact = pane.getByRole('region', { name: 'Contact' });
  await expect(contact).toContainText('647-987-1234');
  await expect(contact).toContainText('401 Richmond Street West');
  await expect(contact).toContainText('Toronto, ON M5V 5K7');
  await expect(contact).toContainText('English (en)');
  await expect(pane.getByRole('region', { name: 'Timeline' })).toContainText(
    '2016-02-08 11:43Sale: Yes',
  );
  // Empty fields are folded away: the example has no website, address line 2 or create note.
  await expect(contact).not.toContainText('Website');
  await expect(facts).not.toContainText('Create note');

  // A phone number is never split at one of its dashes.
  const card = pane.locator('.contact-card');
  expect(await linesHolding(card, '647-987-1234')).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}/whole-lead-1440.png` });

  // "All fields" shows nested values under their labels, the custom field under the account's.
  await pane.getByText(/^All fields \(\d+\)$/).click();
  const all = pane.locator('.other-fields');
  await expect(all).toContainText('Widget of interestGold Deluxe Model 5X33');
  await expect(all).toContainText('Business unitB2B Widgets');
  await expect(all).toContainText('InterestsBusiness Products, International, Consumer');
  await pane.locator('.detail').evaluate((node) => node.parentElement?.scrollTo(0, 10_000));
  await page.screenshot({ path: `${SCREENSHOTS}/whole-lead-1440-end.png` });

  await page.setViewportSize({ width: 1024, height: 768 });
  await pane.locator('.detail').evaluate((node) => node.parentElement?.scrollTo(0, 0));
  // The narrow pane wraps between words, never inside a date or a number.
  await expect(pane.locator('.consent-statement')).toContainText('since 2016-02-05');
  expect(await linesHolding(pane.locator('.consent-statement'), '2016-02-05')).toBe(1);
  expect(await linesHolding(card, '2016-02-05 09:13:06')).toBe(1);
  expect(await linesHolding(card, '647-987-1234')).toBe(1);
  await page.screenshot({ path: `${SCREENSHOTS}/whole-lead-1024.png` });
  await pane.locator('.detail').evaluate((node) => node.parentElement?.scrollTo(0, 10_000));
  // A label of "All fields" is never cut inside a word, nested as it is.
  for (const label of ['Autoresponders', 'Interests', 'Widget of interest'])
    expect(await linesHolding(all.locator('dt', { hasText: label }), label), label).toBeLessThan(
      label.includes(' ') ? 3 : 2,
    );
  await page.screenshot({ path: `${SCREENSHOTS}/whole-lead-1024-end.png` });
});

test('a website opens in a new tab with no way back to the app; other schemes stay text', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await openExampleLead(page, app, {
    contact: { ...ENVOKE_EXAMPLE_LEAD.contact, website: 'www.vandelay.example' },
  });
  const link = details(page).getByRole('link', { name: 'www.vandelay.example' });
  await expect(link).toHaveAttribute('href', 'https://www.vandelay.example/');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
  const opened = page.context().waitForEvent('page');
  await link.click();
  const tab = await opened;
  expect(await tab.evaluate('window.opener')).toBeNull();
  await tab.close();
  expect(page.url()).not.toContain('vandelay');

  const other = await app.envoke.insert({
    contact: { email: 'js@link.example', company: 'Scheme Test', website: 'javascript:alert(1)' },
  });
  await press(page, 'Escape', 'Shift+S');
  await expect(statusBar(page)).toContainText('Online', { timeout: 20_000 });
  await press(page, '/');
  await page.keyboard.type('Scheme');
  await press(page, 'Enter');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', other.id);
  await expect(details(page).getByRole('region', { name: 'Contact' })).toContainText(
    'javascript:alert(1)',
  );
  await expect(details(page).getByRole('link', { name: /javascript/ })).toHaveCount(0);
});

test('search finds the example lead by a word it wrote, and the query by its custom field, completed', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const lead = await app.envoke.insert(ENVOKE_EXAMPLE_LEAD);
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Online', { timeout: 20_000 });
  const row = leadList(page).locator(`[data-envoke-id="${lead.id}"]`);

  // A word of what the contact wrote, in the search box.
  await press(page, '/');
  await page.keyboard.type('widgets');
  await expect(row).toBeVisible();
  await press(page, 'Escape', 'Escape');

  // The custom field in the palette: its key is completed from the account's fields.
  await press(page, 'Control+k');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await page.getByRole('combobox', { name: 'Type a command' }).fill('consent:express custom.wid');
  await expect(palette.getByRole('option').nth(1)).toContainText('custom.widget_name:');
  await expect(palette.getByRole('option').nth(1)).toContainText('Widget of interest');
  await press(page, 'Tab');
  await page.keyboard.type('"Gold Deluxe"');
  await expect(palette.getByRole('option').first()).toContainText(
    'Show leads matching: consent:express custom.widget_name:"Gold Deluxe"',
  );
  await press(page, 'Enter');
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/whole-lead-query.png` });
  for (const other of await leadList(page).getByRole('option').all()) {
    const id = (await other.getAttribute('data-envoke-id')) ?? '';
    const held = await app.envoke.lead(id);
    expect(held?.contact.custom_fields.widget_name ?? '', id).toMatch(/gold deluxe/i);
  }
});
