/**
 * Open → first usable list, a large cache beside the 1k one, in turns: what the app does at
 * start until the list can be used. The session and the core worker start on the cache (as
 * offline, so no pull competes), then, as the renderer's startup asks (controller/startup.ts and
 * data.ts): the view's first page of ids, and once they are in, the rows of the first screen
 * with its margin, beside the view counts. Timed until both are answered; the close after is not.
 *
 * The cache's file was read moments before (the system's file cache is warm): this is the
 * second start of the day, not the first after a reboot.
 */
import { openThroughApp } from './app-core';
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { interleaveRuns } from './interleave';
import type { Row } from './report';
import { ms, ratioText, verdict } from './timing';
import { median } from './measure';

/** The renderer's first page of ids (data.ts ID_PAGE). */
const ID_PAGE = 1_000;
/** Rows a 720-pixel-high window shows, with the margin the list fetches around them (data.ts). */
const FIRST_WINDOW = 25 + 60;

async function openToFirstList(cache: BenchCache): Promise<number> {
  const started = performance.now();
  const app = await openThroughApp(cache.path);
  try {
    const { ids } = await app.call('leads:id-page', { view: 'all', limit: ID_PAGE });
    await Promise.all([
      app.call('leads:rows', { ids: ids.slice(0, FIRST_WINDOW) }),
      app.call('leads:counts', {}),
    ]);
    return performance.now() - started;
  } finally {
    await app.close();
  }
}

export const OPEN_GOAL = 1.5;

export async function measureOpen(
  small: BenchCache,
  large: BenchCache,
  ctx: BenchContext,
): Promise<Row[]> {
  const at = sizeName(large.leads);
  // One untimed open each: the first start of a worker also loads its bundle from disk.
  await openToFirstList(large);
  await openToFirstList(small);
  const { results, load } = await interleaveRuns(
    [() => openToFirstList(large), () => openToFirstList(small)],
    ctx.quick ? 3 : 5,
    (round, [big, little]) =>
      ctx.log(`  open round ${round + 1}: ${at} ${ms(big!)}, 1k ${ms(little!)}`),
  );
  const [big, little] = results.map(median) as [number, number];
  const ratio = big / little;
  return [
    {
      figure: `open → first usable list (median of ${results[0]!.length}), ${at} vs 1k`,
      project: ms(big),
      baseline: `1k: ${ms(little)}`,
      ratio: ratioText(ratio),
      goal: `≤ ${OPEN_GOAL}x`,
      met: verdict(ratio, (r) => r <= OPEN_GOAL),
      load: load.text(),
    },
  ];
}
