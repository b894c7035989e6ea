/**
 * axe-core in Chromium on every screen, light and dark: the list, the query bar, the pipeline and
 * every dialog (help, palette, settings and its question before dropping typed details, outbox,
 * new lead, the pickers and editors, a bulk editor, possible duplicates, the conflict resolver).
 * No serious or critical violation, one `main` landmark and one level-one heading. Visible words
 * must begin a control's name (label-content-name-mismatch, which axe leaves off by default).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  expectPending,
  openApp,
  press,
  statusBar,
  test,
  type TestApp,
} from './support/app';

interface Screen {
  name: string;
  /** Brings it up from the list. */
  open(page: Page, app: TestApp): Promise<void>;
  /** What shows it is open: a dialog's name, else a region's. */
  dialog?: string;
  region?: string;
  /** Back to the list (default: Escape, once the dialog is gone). */
  close?(page: Page): Promise<void>;
}

const keys =
  (...pressed: string[]) =>
  async (page: Page) => {
    await press(page, ...pressed);
  };

/**
 * Opens an insight from its sidebar button (a busy machine can hold two keys of a chord like
 * `g p` further apart than the chord allows; the chords are tested in their own specs).
 */
const fromSidebar = (name: RegExp) => async (page: Page) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
};

/** Closes a dialog and gives the keyboard back to the list. */
const closeToList = async (page: Page) => {
  await press(page, 'Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.locator('#lead-list').focus();
};

/** A conflict of the current lead: changed here while Envoke was away, and there meanwhile. */
async function makeConflict(page: Page, app: TestApp): Promise<void> {
  await app.envoke.setOffline(true);
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Offline', { timeout: 20_000 });
  const id = await currentEnvokeId(page);
  const base = await app.envoke.lead(id);
  await press(page, 'm', base?.marketing_rating === 'Hot' ? 'c' : 'h');
  await expectPending(page, 1);
  await app.envoke.edit(id, { marketing_rating: 'Warm' });
  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('1 conflict', { timeout: 20_000 });
  await press(page, 'r');
}

/** The screens in three groups, each checked on a fresh app (axe on a busy machine is slow). */
const GROUPS: Readonly<Record<string, readonly Screen[]>> = {
  'the list, help, palette, settings, outbox and new lead': [
    { name: 'list', open: async () => undefined },
    { name: 'help', open: keys('?'), dialog: 'Keyboard shortcuts' },
    { name: 'palette', open: keys('Control+k'), dialog: 'Commands' },
    {
      name: 'palette completing a query',
      open: async (page) => {
        await press(page, 'Control+k');
        await page.keyboard.type('status:pa');
      },
      dialog: 'Commands',
    },
    { name: 'settings', open: keys(','), dialog: 'Settings' },
    {
      name: 'settings asking before dropping typed details',
      open: async (page) => {
        await press(page, ',');
        await page.keyboard.type('someone');
        await press(page, 'Escape');
        await expect(page.getByText('The account details you typed are not saved.')).toBeVisible();
      },
      dialog: 'Settings',
      close: keys('Escape'),
    },
    { name: 'outbox', open: keys('p'), dialog: 'Outbox' },
    { name: 'new-lead form', open: keys('Shift+N'), dialog: 'New lead' },
  ],
  'the pickers and editors, one lead and bulk': [
    { name: 'opportunity picker', open: keys('o'), dialog: 'Opportunity' },
    { name: 'rating picker', open: keys('Shift+R'), dialog: 'Marketing rating' },
    { name: 'note editor', open: keys('n'), dialog: 'Marketing note' },
    {
      name: 'sale editor with a refused amount',
      open: async (page) => {
        await press(page, '$', 'Tab', 'Control+a');
        await page.keyboard.type('$1,000');
        await press(page, 'Enter');
        await expect(page.getByRole('dialog', { name: 'Sale' }).getByRole('alert')).toBeVisible();
      },
      dialog: 'Sale',
    },
    { name: 'salesperson editor', open: keys('a'), dialog: 'Salesperson' },
    {
      name: 'bulk editor',
      open: keys('x', 'j', 'x', 'o'),
      dialog: 'Opportunity · 2 selected leads',
      close: keys('Escape', 'Escape', 'Home'),
    },
  ],
  'the pipeline, query bar, possible duplicates and conflict resolver': [
    { name: 'pipeline', open: fromSidebar(/^Pipeline/), dialog: 'Pipeline', close: closeToList },
    {
      name: 'pipeline with a custom period',
      open: async (page) => {
        await fromSidebar(/^Pipeline/)(page);
        const panel = page.getByRole('dialog', { name: 'Pipeline' });
        await panel.getByRole('combobox', { name: 'Period' }).selectOption('custom');
        await panel.getByRole('textbox', { name: 'From' }).fill('2000-01-01');
        await expect(panel.locator('g.funnel-step')).toHaveCount(5);
      },
      dialog: 'Pipeline',
      close: closeToList,
    },
    {
      name: 'possible duplicates',
      open: fromSidebar(/^Possible duplicates/),
      dialog: 'Possible duplicates',
      close: closeToList,
    },
    {
      name: 'query bar',
      open: async (page) => {
        await press(page, 'Control+k');
        await page.keyboard.type('rating:lukewarm');
        await press(page, 'Enter');
      },
      region: 'Query',
      close: async (page) => {
        await page.getByRole('button', { name: 'Close the query' }).click();
        await page.locator('#lead-list').focus();
      },
    },
    { name: 'conflict resolver', open: makeConflict, dialog: 'Resolve conflict' },
  ],
};

/** Serious and critical violations, one line each with the elements they were found on. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
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
  for (const [group, screens] of Object.entries(GROUPS)) {
    test(`${group} pass axe in ${scheme} colours`, async ({ page, app }) => {
      // Each axe run takes seconds on a loaded two-core machine; a group has up to eight.
      test.setTimeout(480_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openApp(page, app);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

      const found: Record<string, string[]> = {};
      for (const screen of screens) {
        await screen.open(page, app);
        if (screen.dialog)
          await expect(page.getByRole('dialog', { name: screen.dialog })).toBeVisible();
        if (screen.region)
          await expect(page.getByRole('region', { name: screen.region })).toBeVisible();
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[screen.name] = violations;
        if (screen.close) await screen.close(page);
        else if (screen.dialog) await press(page, 'Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
      expect(found).toEqual({});
    });
  }
}
