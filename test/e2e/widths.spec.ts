/// <reference lib="dom" />
/**
 * The screens a person works in, at 1440, 1280 and 1024 px wide, in light and dark colours:
 * names and values keep their room (empty columns give way first, text is cut at a word's end,
 * with the whole value on hover), the detail's lifecycle shows every step, and the status bar
 * stays one line. Screenshots of each are saved for review in test-results/screenshots/widths.
 */
import { expect, type Page } from '@playwright/test';
import { leadList, openApp, press, SCREENSHOTS, test } from './support/app';

const WIDTHS = [1440, 1280, 1024] as const;
const HEIGHT: Record<(typeof WIDTHS)[number], number> = { 1440: 900, 1280: 800, 1024: 768 };

/** Elements under `selector`, on screen, whose text runs past their box (cut mid-word). */
async function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((nodes) =>
    nodes
      .filter((node) => {
        const box = node as HTMLElement;
        const rect = box.getBoundingClientRect();
        const onScreen = rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0;
        return (
          onScreen &&
          getComputedStyle(box).visibility !== 'hidden' &&
          box.scrollWidth > box.clientWidth + 1
        );
      })
      .map((node) => node.textContent ?? ''),
  );
}

/**
 * Opens an insight from its sidebar button (a busy machine can hold the two keys of `g p` further
 * apart than the chord allows; the chords are tested in their own specs).
 */
async function openInsight(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
}

/** Closes a dialog and gives the keyboard back to the list. */
async function closeToList(page: Page): Promise<void> {
  await press(page, 'Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('#lead-list').focus();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/widths/${name}.png` });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`list, detail, pipeline, duplicates and settings at 1440, 1280 and 1024 px, ${scheme}`, async ({
    page,
    app,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, app);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT[width] });
      await press(page, 'Home');
      // A lead far enough down the list to have sales values (statuses and ratings).
      await press(page, 'j', 'j');
      await expect(leadList(page).getByRole('option').first()).toBeVisible();
      await expect(page.locator('.detail-pane article.detail')).toBeVisible();
      await shoot(page, `list-${width}-${scheme}`);

      // Every rating keeps a place beside its status, and nothing is cut mid-word.
      const ratings = await leadList(page)
        .locator('.stage-cell .rating')
        .evaluateAll((nodes) =>
          nodes.map((node) => {
            const own = node.getBoundingClientRect();
            const cell = (node.closest('.stage-cell') as HTMLElement).getBoundingClientRect();
            return { width: own.width, inside: own.right <= cell.right + 1 };
          }),
        );
      expect(ratings.length).toBeGreaterThan(0);
      for (const rating of ratings)
        expect(rating).toEqual({ width: expect.any(Number), inside: true });
      expect(Math.min(...ratings.map((rating) => rating.width))).toBeGreaterThan(15);
      expect(
        await cutTexts(page, '.lead-row .cell, .lead-row .status-pill, .lead-row .rating'),
      ).toEqual([]);
      // A value cut to fit ends after a whole word, and is whole on hover and when read out.
      const fitted = await leadList(page)
        .locator('.stage-cell [title]')
        .evaluateAll((nodes) =>
          nodes
            .filter((node) => node.querySelector('[aria-hidden="true"]'))
            .map((node) => ({
              whole: node.getAttribute('title') ?? '',
              shown: node.querySelector('[aria-hidden="true"]')?.textContent ?? '',
              read: node.querySelector('.visually-hidden')?.textContent ?? '',
            })),
        );
      if (width === 1024) expect(fitted.length).toBeGreaterThan(0);
      for (const { whole, shown, read } of fitted) {
        expect(read).toBe(whole);
        expect(shown).toMatch(/\S…$/);
        const kept = shown.slice(0, -1);
        expect(whole.startsWith(kept)).toBe(true);
        // What follows the words kept is a space or a punctuation mark, never a letter.
        expect(whole.slice(kept.length)).toMatch(/^[\s,:;.-]/);
      }
      // The status bar is one line.
      const bar = await page.locator('.status-bar').boundingBox();
      expect(bar?.height ?? 0).toBeLessThan(30);

      // The detail: every lifecycle step shows whole.
      expect(await cutTexts(page, '.lifecycle li')).toEqual([]);
      await page.locator('.detail-pane').screenshot({
        path: `${SCREENSHOTS}/widths/detail-${width}-${scheme}.png`,
      });

      await openInsight(page, /^Pipeline/);
      await expect(
        page.getByRole('dialog', { name: 'Pipeline' }).locator('g.funnel-step'),
      ).toHaveCount(5);
      await shoot(page, `pipeline-${width}-${scheme}`);
      await closeToList(page);

      await openInsight(page, /^Possible duplicates/);
      await expect(
        page
          .getByRole('dialog', { name: 'Possible duplicates' })
          .locator('.duplicate-pair')
          .first(),
      ).toBeVisible();
      await shoot(page, `duplicates-${width}-${scheme}`);
      await closeToList(page);

      await press(page, ',');
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      await shoot(page, `settings-${width}-${scheme}`);
      await press(page, 'Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }
  });
}
