/**
 * The scripted session at the biggest cache, under a Chromium trace: after the page opened and
 * the `j` presses, a one-letter search, a status key and a view switch, each timed until its
 * result is on screen, with a screenshot of each in .bench/ui/; then the long frames and tasks
 * the page and the trace recorded.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { CACHE_DIR } from './cache';
import { OPEN_TIMEOUT_MS, SELECTED_ROW, setStep, type CommandWatch } from './ui-browser';
import type { TracedTasks } from './ui-trace';

export const UI_SHOTS_DIR = join(CACHE_DIR, 'ui');

export interface LongEntry {
  type: 'longtask' | 'long-animation-frame';
  step: string;
  start: number;
  duration: number;
  /** For a long animation frame: its longest script and what invoked it. */
  script: string;
}

export interface SessionFigures {
  /** Wall time of each step until its result was on screen. */
  steps: { name: string; ms: number }[];
  /** Long tasks and long animation frames the page reported, longest first. */
  long: LongEntry[];
  /** The longest tasks on the renderer's main thread in the trace. */
  traced: TracedTasks;
  tracePath: string;
}

/** The long tasks and frames the page's probe kept, longest first. */
export async function longEntries(page: Page): Promise<LongEntry[]> {
  // Long animation frames are reported once they end: give the last one a frame to arrive.
  await page.waitForTimeout(500);
  return ((await page.evaluate('window.__leadTriageProbe.long')) as LongEntry[]).sort(
    (a, b) => b.duration - a.duration,
  );
}

/** The steps after the `j` presses: a one-letter search, a status key, a view switch. */
export async function restOfSession(
  page: Page,
  size: string,
  commands: CommandWatch,
): Promise<{ name: string; ms: number }[]> {
  const steps: { name: string; ms: number }[] = [];
  const timed = async (name: string, run: () => Promise<void>) => {
    await setStep(page, name);
    const started = performance.now();
    await run();
    steps.push({ name, ms: performance.now() - started });
    // The screenshot shows the step once everything it asked for is drawn (the detail too).
    await commands.settled();
    await page.screenshot({ path: join(UI_SHOTS_DIR, `${size}-${name}.png`) });
  };
  const list = page.getByRole('listbox', { name: /^Leads/ });
  await timed('search', async () => {
    // Answered once the host has sent the list for the search "m"; then its rows are drawn.
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/invoke/') &&
        /"search":"m"/.test(response.request().postData() ?? ''),
      { timeout: OPEN_TIMEOUT_MS },
    );
    await page.keyboard.press('/');
    await page.keyboard.type('m');
    await answered;
    await page.locator(`${SELECTED_ROW}[data-envoke-id]`).waitFor({ timeout: OPEN_TIMEOUT_MS });
    await page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
    );
  });
  // Escape clears the search; the list takes the keys again.
  await page.keyboard.press('Escape');
  await page.locator('#lead-list').focus();
  await commands.settled();
  await timed('status', async () => {
    const row = page.locator(SELECTED_ROW);
    const id = await row.getAttribute('data-envoke-id');
    await page.keyboard.press('4');
    await page
      .locator(`[role=option][data-envoke-id="${id}"]:not([data-sync=synced])`)
      .first()
      .waitFor({ state: 'attached', timeout: OPEN_TIMEOUT_MS });
  });
  await timed('view', async () => {
    const before = await list.getAttribute('aria-label');
    await page.keyboard.press(']');
    await page.waitForFunction(
      `document.querySelector('[role=listbox][aria-label^="Leads"]')?.getAttribute('aria-label') !== ${JSON.stringify(before)}`,
    );
    await page.locator(`${SELECTED_ROW}[data-envoke-id]`).waitFor({ timeout: OPEN_TIMEOUT_MS });
  });
  return steps;
}
