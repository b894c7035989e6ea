/**
 * The pipeline as a person reads it: a custom period in the app's own day format, an error that
 * clears the bars it no longer explains, and shares of the step before that say why they pass
 * 100% when they do.
 */
import { expect, type Page } from '@playwright/test';
import { openApp, press, SCREENSHOTS, test } from './support/app';

const panel = (page: Page) => page.getByRole('dialog', { name: 'Pipeline' });

test('a custom period that ends before it starts clears the bars and says so', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, 'g', 'p');
  await panel(page).getByRole('combobox', { name: 'Period' }).selectOption('custom');
  const from = panel(page).getByRole('textbox', { name: 'From' });
  const to = panel(page).getByRole('textbox', { name: 'To' });
  await from.fill('2000-01-01');
  await expect(panel(page).locator('g.funnel-step')).toHaveCount(5);

  await to.fill('1999-12-31');
  await expect(panel(page).getByRole('alert')).toHaveText(
    'The period ends before it starts: make From the earlier day.',
  );
  await expect(panel(page).locator('g.funnel-step')).toHaveCount(0);
  await expect(panel(page).locator('.pipeline-table')).toHaveCount(0);
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SCREENSHOTS}/pipeline-period-error.png` });

  // Days read as everywhere else in the app, never in the locale's order.
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await to.fill('12/31/2026');
  await expect(panel(page).getByRole('alert')).toHaveText(
    'To: write the day as YYYY-MM-DD, such as 2026-09-01.',
  );
  await to.fill('2030-01-01');
  await expect(panel(page).getByRole('alert')).toHaveCount(0);
  await expect(panel(page).locator('g.funnel-step')).toHaveCount(5);
  // Any share above 100% carries the mark its note explains.
  const shares = await panel(page).locator('.pipeline-table td:nth-child(3)').allTextContents();
  for (const share of shares)
    if (Number.parseInt(share, 10) > 100) {
      expect(share).toContain('†');
      await expect(panel(page).locator('.pipeline-note')).toBeVisible();
    }
});
