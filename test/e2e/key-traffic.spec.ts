/**
 * One refresh per change, counted at the bridge: a triage key (its push to Envoke included) and an
 * undo each cost the page at most three calls to the core, because the window paints from the
 * change's answer and passes its own change's event by. A second window on the same app still
 * sees the change: the event is for every window but the one that made it.
 */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  test,
} from './support/app';

/** The design's aim for one change of the person. */
const CALLS_AIM = 3;
const INVOKE = '/api/invoke/';

/** Counts the page's calls to the core; `quiet` waits until none has been in flight a while. */
function watchCalls(page: Page) {
  const names: string[] = [];
  let inFlight = 0;
  let lastChange = Date.now();
  const isCall = (url: string) => new URL(url).pathname.startsWith(INVOKE);
  page.on('request', (request) => {
    if (!isCall(request.url())) return;
    names.push(decodeURIComponent(new URL(request.url()).pathname.slice(INVOKE.length)));
    inFlight += 1;
    lastChange = Date.now();
  });
  const ended = (url: string) => {
    if (!isCall(url)) return;
    inFlight -= 1;
    lastChange = Date.now();
  };
  page.on('requestfinished', (request) => ended(request.url()));
  page.on('requestfailed', (request) => ended(request.url()));
  return {
    /** The calls made since the last `take`. */
    take(): string[] {
      return names.splice(0, names.length);
    },
    /** No call in flight, nor begun, for longer than the page's refresh and detail delays. */
    async quiet(): Promise<void> {
      const from = Date.now();
      while (inFlight > 0 || Date.now() - Math.max(lastChange, from) < 600)
        await page.waitForTimeout(50);
    },
  };
}

const row = (page: Page, id: string) => leadList(page).locator(`[data-envoke-id="${id}"]`);

async function marketingNew(page: Page): Promise<void> {
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', /\d+/);
}

test('a triage key, its push to Envoke included, and an undo each cost at most three calls', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await marketingNew(page);
  const calls = watchCalls(page);
  await calls.quiet();
  calls.take();

  const perKey: string[][] = [];
  for (let i = 0; i < 4; i++) {
    const id = await currentEnvokeId(page);
    await press(page, '4');
    // Painted from the answer: the lead left "Marketing: new" and stays, dimmed, until j.
    await expect(row(page, id)).toHaveAttribute('data-moved', 'true');
    // Envoke has the change and the row says so.
    await expectPending(page, 0, 20_000);
    await expect(row(page, id)).toHaveAttribute('data-sync', 'synced');
    await expect
      .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status)
      .toBe('Deferred');
    await calls.quiet();
    perKey.push(calls.take());
    // Moving on is the j key's own read (the next lead's detail), not the triage key's.
    await press(page, 'j');
    await expect(row(page, id)).toHaveCount(0);
    await calls.quiet();
    calls.take();
  }
  for (const made of perKey) {
    expect(made[0], `calls of one key: ${made.join(', ')}`).toBe('leads:update');
    expect(made.length, `calls of one key: ${made.join(', ')}`).toBeLessThanOrEqual(CALLS_AIM);
  }

  // Undo brings the last lead back to its place, with the cursor on it.
  const back = await currentEnvokeId(page);
  await press(page, 'z');
  await expect(page.getByText(/^Undone/)).toBeVisible();
  await expect(currentLead(page)).not.toHaveAttribute('data-envoke-id', back);
  await calls.quiet();
  const undone = calls.take();
  expect(undone[0]).toBe('history:undo');
  expect(undone.length, `calls of undo: ${undone.join(', ')}`).toBeLessThanOrEqual(CALLS_AIM);
});

test("another window on the same app sees one window's change", async ({ page, app }) => {
  await openApp(page, app);
  const other = await page.context().newPage();
  await openApp(other, app);
  await marketingNew(page);
  await marketingNew(other);
  const id = await currentEnvokeId(page);
  await expect(row(other, id)).toHaveCount(1);
  const countOf = async (at: Page) =>
    Number(
      (
        await at
          .getByRole('navigation', { name: 'Views' })
          .getByRole('button', { name: /^Marketing: new/ })
          .locator('.view-count')
          .innerText()
      ).replace(/\D/g, ''),
    );
  const before = await countOf(other);

  await press(page, '3');
  // This window holds the lead in place; the other one follows the view and drops it.
  await expect(row(page, id)).toHaveAttribute('data-moved', 'true');
  await expect(row(other, id)).toHaveCount(0);
  await expect.poll(() => countOf(other)).toBe(before - 1);
  await other.close();
});
