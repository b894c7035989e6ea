/**
 * The possible duplicates panel by keyboard alone: every pair is reached a page at a time, Enter
 * shows a pair, n dismisses it, and focus never leaves the panel, so Esc always closes it.
 */
import { expect, type Page } from '@playwright/test';
import { leadList, openApp, press, SCREENSHOTS, startApp, test } from './support/app';

const panel = (page: Page) => page.getByRole('dialog', { name: 'Possible duplicates' });
const current = (page: Page) => panel(page).locator('.duplicate-pair[aria-current=true]');
/** Focus is on something inside the panel (not on the page behind it). */
const focusInPanel = async (page: Page) => (await panel(page).locator(':focus').count()) > 0;

test('j and k page through every pair, n dismisses the current one, and Esc still closes', async ({
  page,
}) => {
  const app = await startApp(450);
  try {
    await openApp(page, app);
    await press(page, 'g', 'd');
    const range = panel(page).locator('.duplicates-range');
    await expect(range).toContainText(/^Pairs 1–50, more follow/);
    const sidebar = await page
      .getByRole('button', { name: /^Possible duplicates/ })
      .locator('.view-count')
      .textContent();
    await expect(range).toContainText(`${sidebar} leads have a possible duplicate`);
    await expect(current(page)).toHaveAttribute('data-pair', '0');
    expect(await focusInPanel(page)).toBe(true);

    for (let i = 0; i < 50; i++) await press(page, 'j');
    await expect(range).toContainText(/^Pairs 51–/);
    await expect(current(page)).toHaveAttribute('data-pair', '0');
    await page.screenshot({ path: `${SCREENSHOTS}/duplicates-page-2.png` });
    await press(page, 'k');
    await expect(range).toContainText(/^Pairs 1–50/);
    await expect(current(page)).toHaveAttribute('data-pair', '49');

    // Not a duplicate: the next pair takes its place, and the keys go on working.
    const dismissed = (await current(page).locator('.duplicate-reason').textContent()) ?? '';
    await press(page, 'n');
    await expect(current(page).locator('.duplicate-reason')).not.toHaveText(dismissed);
    await expect(panel(page).getByText(dismissed, { exact: true })).toHaveCount(0);
    expect(await focusInPanel(page)).toBe(true);
    // With the mouse too: focus stays on the panel's pairs, on the next pair's "Show both".
    const clicked = (await current(page).locator('.duplicate-reason').textContent()) ?? '';
    await current(page).getByRole('button', { name: 'Not a duplicate' }).click();
    await expect(current(page).locator('.duplicate-reason')).not.toHaveText(clicked);
    await expect(current(page).getByRole('button', { name: 'Show both' })).toBeFocused();

    // Enter shows the current pair in the list.
    await press(page, 'Enter');
    await expect(panel(page)).toBeHidden();
    await expect(leadList(page)).toHaveAccessibleName('Leads: Duplicate pair');
    await expect(leadList(page).getByRole('option')).toHaveCount(2);

    await press(page, 'g', 'd');
    await expect(current(page)).toBeVisible();
    await press(page, 'Escape');
    await expect(panel(page)).toBeHidden();
  } finally {
    await app.stop();
  }
});
