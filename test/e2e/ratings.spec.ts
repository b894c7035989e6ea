/**
 * Rating values come from the account: the keys, the rating picker and the palette offer the
 * values the account's leads carry (most used first), then the ones the person adds in settings.
 */
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
  test,
} from './support/app';

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });
const DOCUMENTED_SALES_RATINGS = ['Contacted: Good', 'Contacted: Bad', 'Unable to contact'];

async function pickerValues(page: Page, title: string): Promise<string[]> {
  const picker = dialog(page, title).getByRole('listbox');
  return picker.getByRole('option').locator('.picker-value').allTextContents();
}

test('the sales rating picker and keys offer the account’s own sales ratings; a number picks one', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  // A colleague rates a new lead in Envoke with a word of their own; the app pulls it in.
  await app.envoke.insert({
    contact: { email: 'new-rating@example.com', company: 'Voicemail Test' },
    sales_rating_status: 'Contact attempted',
    sales_rating: 'Left a voicemail',
  });
  await press(page, 'Shift+S');
  await expect(leadList(page)).toContainText('Voicemail Test', { timeout: 20_000 });
  await page.reload();
  await expect(leadList(page).getByRole('option').first()).toBeVisible();

  // On a lead of its own rating: a picker also offers the value the lead has now.
  await press(page, 'End');
  await expect(currentLead(page)).not.toContainText('Voicemail Test');
  await press(page, 's', 'Shift+R');
  const offered = await pickerValues(page, 'Sales rating');
  // The demo account's leads carry Envoke's documented sales ratings (never Hot/Warm/Cold) and
  // the colleague's word, used once, so last.
  expect([...offered].sort()).toEqual([...DOCUMENTED_SALES_RATINGS, 'Left a voicemail'].sort());
  expect(offered.at(-1)).toBe('Left a voicemail');
  await expect(dialog(page, 'Sales rating').getByRole('listbox')).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/picker-sales-rating.png` });

  await press(page, 'Escape', 'Home', 'Shift+R');
  const first = await currentEnvokeId(page);
  const second = offered[1] ?? '';
  await press(page, '2');
  await expect(dialog(page, 'Sales rating')).toBeHidden();

  // c sets a sales rating that starts with a c, and the legend says so; h and w take others.
  // The picker numbers them in the keys' order: 1 is h's, 2 w's, 3 c's.
  await press(page, 'j');
  const next = await currentEnvokeId(page);
  const onC = await ratingOnKey(page, 'c');
  expect(onC).toMatch(/^C/);
  expect(offered.slice(0, 3)).toEqual([
    await ratingOnKey(page, 'h'),
    await ratingOnKey(page, 'w'),
    onC,
  ]);
  await press(page, 'c');

  await expect
    .poll(async () => (await app.envoke.lead(first))?.sales_rating, { timeout: 20_000 })
    .toBe(second);
  await expect
    .poll(async () => (await app.envoke.lead(next))?.sales_rating, { timeout: 20_000 })
    .toBe(onC);
  await expectPending(page, 0);
});

test('a rating added in settings follows the account’s in the picker and the palette', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ',');
  const settings = dialog(page, 'Settings');
  await settings
    .getByRole('textbox', { name: 'Sales ratings you add (one per line)' })
    .fill('Left voicemail\nContacted: Good');
  await settings.getByRole('button', { name: 'Save rating values' }).click();
  await expect(settings).toContainText('Rating values saved.');
  await press(page, 'Escape');

  // On a lead of its own rating: a picker also offers the value the lead has now.
  await press(page, 'End');
  await expect(currentLead(page)).not.toContainText('Voicemail Test');
  await press(page, 's', 'Shift+R');
  const offered = await pickerValues(page, 'Sales rating');
  // The account's values first, then the added one; a value the account has is not repeated.
  expect(offered.slice(0, 3).sort()).toEqual([...DOCUMENTED_SALES_RATINGS].sort());
  expect(offered).toHaveLength(4);
  expect(offered[3]).toBe('Left voicemail');
  await press(page, 'Escape');

  await press(page, 'Control+k');
  await page.keyboard.type('voicemail');
  const palette = dialog(page, 'Commands');
  await expect(palette.getByRole('option')).toHaveText(['Sales rating: Left voicemail']);
  const id = await currentEnvokeId(page);
  await press(page, 'Enter');
  await expect
    .poll(async () => (await app.envoke.lead(id))?.sales_rating, { timeout: 20_000 })
    .toBe('Left voicemail');

  // Marketing keeps its own values, and h, w and c keep meaning Hot, Warm and Cold.
  await press(page, 'm', 'Shift+R');
  const marketing = await pickerValues(page, 'Marketing rating');
  expect([...marketing].sort()).toEqual(['Cold', 'Hot', 'Warm']);
  await press(page, 'Escape');
  expect([
    await ratingOnKey(page, 'h'),
    await ratingOnKey(page, 'w'),
    await ratingOnKey(page, 'c'),
  ]).toEqual(['Hot', 'Warm', 'Cold']);
});

test('the rating picker numbers the values in the order of h, w and c, and marks the lead’s own', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const onKeys = [
    await ratingOnKey(page, 'h'),
    await ratingOnKey(page, 'w'),
    await ratingOnKey(page, 'c'),
  ];
  // A lead rated with the value on w.
  await press(page, 'w');
  await expect(currentLead(page).locator('.rating')).toHaveText(onKeys[1] ?? '');
  await press(page, 'Shift+R');
  const picker = dialog(page, 'Marketing rating').getByRole('listbox');
  const options = picker.getByRole('option');
  expect((await pickerValues(page, 'Marketing rating')).slice(0, 3)).toEqual(onKeys);
  await expect(options.nth(0)).toContainText(/^1/);
  // The lead's value is the one selected and marked "now", shown as chosen.
  const now = options.filter({ hasText: onKeys[1] ?? '' });
  await expect(now).toHaveAttribute('aria-selected', 'true');
  await expect(now).toContainText('now');
  await expect(now).toHaveClass(/chosen/);
  await expect(options.filter({ has: page.locator('.picker-now') })).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/picker-rating-order.png` });
  await press(page, '3');
  await expect(currentLead(page).locator('.rating')).toHaveText(onKeys[2] ?? '');
});
