/**
 * Saved views and the pipeline at a large cache beside the 1k one, timed in turns, through the
 * gate and the core worker as the renderer calls them: the first window of a saved view (its
 * first page of ids by keyset, then the rows drawn), the sidebar's capped counts of the saved
 * views, and the pipeline of a quarter.
 */
import { openThroughApp, type BenchCore } from './app-core';
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { interleave } from './interleave';
import type { Row } from './report';
import { ratioText, timingText, verdict, type Timing } from './timing';

/** Views a person keeps, each in a sort with its own index (the schema's leads_by_… indexes). */
export const BENCH_VIEWS = [
  ['status:passed rating:hot', '-created'],
  ['status:passed', 'company'],
  ['has:salesperson -sale:yes', 'rating'],
  ['sales-status:good', '-sales-time'],
] as const;

/** Ids the list reads first of a query (data.ts QUERY_FIRST_PAGE), and rows of the first screen. */
const FIRST_PAGE = 250;
const ROWS_SHOWN = 50;

async function savedViewWindow(core: BenchCore, i: number): Promise<void> {
  const [query, sort] = BENCH_VIEWS[i % BENCH_VIEWS.length]!;
  const { ids } = await core.call('query:id-page', { query, sort, limit: FIRST_PAGE });
  await core.call('leads:rows', { ids: ids.slice(0, ROWS_SHOWN) });
}

// What views:counts asks of each saved view, without saving views into the shared cache.
const savedViewCounts = (core: BenchCore) =>
  Promise.all(BENCH_VIEWS.map(([query]) => core.call('query:count', { query })));

const quarter = (core: BenchCore) =>
  core.call('pipeline:get', { from: '2026-07-01', to: '2026-09-30' });

export async function measureSavedViews(
  small: BenchCache,
  large: BenchCache,
  ctx: BenchContext,
): Promise<Row[]> {
  const at = sizeName(large.leads);
  const [little, big] = await Promise.all([openThroughApp(small.path), openThroughApp(large.path)]);
  try {
    const pair = async (run: (core: BenchCore, i: number) => Promise<unknown>, samples: number) =>
      interleave([{ call: (i) => run(big, i) }, { call: (i) => run(little, i) }], {
        ...ctx.sampling,
        samples,
        warmup: BENCH_VIEWS.length,
      });
    const row = (
      figure: string,
      measured: Awaited<ReturnType<typeof pair>>,
      goal: string,
      holds: ((big: Timing) => boolean) | null,
    ): Row => {
      const [onBig, onLittle] = measured.timings as [Timing, Timing];
      return {
        figure,
        project: timingText(onBig),
        baseline: `1k: ${timingText(onLittle)}`,
        ratio: ratioText((holds ? onBig.p99 : onBig.p50) / (holds ? onLittle.p99 : onLittle.p50)),
        goal,
        met: holds === null ? null : verdict(onBig.p99, () => holds(onBig)),
        load: measured.load.text(),
      };
    };
    const under16 = (timing: Timing) => timing.p99 < 16;
    return [
      row(
        `saved-view window (query:id-page + rows), ${at}`,
        await pair(savedViewWindow, ctx.sampling.samples),
        'p99 < 16 ms',
        under16,
      ),
      row(
        `saved-view counts, 4 views capped, ${at}`,
        await pair(savedViewCounts, 60),
        'asked at most every 3 s (ratio of p50s)',
        null,
      ),
      row(
        `pipeline computation, a quarter, ${at}`,
        await pair(quarter, ctx.sampling.samples),
        'p99 < 16 ms',
        under16,
      ),
    ];
  } finally {
    await Promise.all([little.close(), big.close()]);
  }
}
