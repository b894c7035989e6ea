/**
 * axe-core in Chromium on every screen, light and dark: no serious or critical violation, one
 * `main` landmark and one level-one heading.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { openApp, press, test } from './support/app';

interface Screen {
  name: string;
  /** Keys that open it from the list. */
  keys: string[];
  /** What shows it is open. */
  dialog?: string;
}

const SCREENS: readonly Screen[] = [
  { name: 'list', keys: [] },
  { name: 'help', keys: ['?'], dialog: 'Keyboard shortcuts' },
  { name: 'palette', keys: ['Control+k'], dialog: 'Commands' },
  { name: 'settings', keys: [','], dialog: 'Settings' },
  { name: 'outbox', keys: ['p'], dialog: 'Outbox' },
  { name: 'new-lead form', keys: ['Shift+N'], dialog: 'New lead' },
  { name: 'opportunity picker', keys: ['o'], dialog: 'Opportunity' },
  { name: 'rating picker', keys: ['Shift+R'], dialog: 'Marketing rating' },
];

/** Serious and critical violations, one line each with the elements they were found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ')}]` : ''}`,
          )
          .join('; ')}`,
    );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${scheme} colours`, async ({ page, app }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page, app);
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    const found: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await press(page, ...screen.keys);
      if (screen.dialog)
        await expect(page.getByRole('dialog', { name: screen.dialog })).toBeVisible();
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[screen.name] = violations;
      if (screen.dialog) {
        await press(page, 'Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
    }
    expect(found).toEqual({});
  });
}
