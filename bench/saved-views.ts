/**
 * Saved views and the pipeline on one cache, through the core's command handlers as the renderer
 * calls them: the first window of a saved view (its first page of ids by keyset, then the rows
 * drawn), the sidebar's capped counts of the saved views, and the pipeline of a quarter.
 */
import type { BenchCache } from './cache';
import { offlineCore } from './core-for-cache';
import { sample, type Timing } from './timing';

export interface SavedViewFigures {
  leads: number;
  window: Timing;
  counts: Timing;
  pipeline: Timing;
}

/** Views a person keeps, each in a sort with its own index (migrations 0010 and 0080). */
export const BENCH_VIEWS = [
  ['status:passed rating:hot', '-created'],
  ['status:passed', 'company'],
  ['has:salesperson -sale:yes', 'rating'],
  ['sales-status:good', '-sales-time'],
] as const;

/** Ids the list reads first of a query (data.ts QUERY_FIRST_PAGE), and rows of the first screen. */
const FIRST_PAGE = 250;
const ROWS_SHOWN = 50;

export async function measureSavedViews(
  cache: BenchCache,
  quick: boolean,
): Promise<SavedViewFigures> {
  const core = offlineCore(cache.path);
  const budgetMs = quick ? 4_000 : 10_000;
  try {
    const window = await sample(
      async (i) => {
        const [query, sort] = BENCH_VIEWS[i % BENCH_VIEWS.length]!;
        const { ids } = await core['query:id-page']({ query, sort, limit: FIRST_PAGE });
        await core['leads:rows']({ ids: ids.slice(0, ROWS_SHOWN) });
      },
      { runs: 200, budgetMs, warmup: BENCH_VIEWS.length },
    );
    // What views:counts asks of each saved view, without saving views into the shared cache.
    const counts = await sample(
      () => Promise.all(BENCH_VIEWS.map(([query]) => core['query:count']({ query }))),
      { runs: 50, budgetMs, warmup: 1 },
    );
    const pipeline = await sample(
      () => core['pipeline:get']({ from: '2026-07-01', to: '2026-09-30' }),
      { runs: 100, budgetMs, warmup: 1 },
    );
    return { leads: cache.leads, window, counts, pipeline };
  } finally {
    await core.close();
  }
}
