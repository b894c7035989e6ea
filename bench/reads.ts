/**
 * The read figures of one cache: a window of 50 rows, the first 50 results of a search, a whole
 * view's ids, the view counts. Each project call goes through the core's command handler (input
 * checked, as the renderer calls it); baselines use a plain connection to the same file.
 */
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { offlineCore } from './core-for-cache';
import { sample, type Timing } from './timing';

export interface ReadFigures {
  leads: number;
  window: Timing;
  search: Record<string, { project: Timing; fts: Timing; hits: number }>;
  ids: Timing;
  counts: Timing;
  position: Timing;
  idPage: Timing;
  bytes: number;
}

export const SEARCHES = ['sanj', 'm'];

/** Deterministic pseudo-random picks, so every run asks for the same windows. */
function picker(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export async function measureReads(cache: BenchCache, quick: boolean): Promise<ReadFigures> {
  const core = offlineCore(cache.path);
  const raw = openBenchDatabase(cache.path, { readonly: true });
  const budgetMs = quick ? 4_000 : 10_000;
  try {
    const maxId = raw.prepare('SELECT max(id) FROM leads').pluck().get() as number;
    const windowOf = raw.prepare('SELECT id FROM leads WHERE id >= ? ORDER BY id LIMIT 50').pluck();
    const random = picker(7);
    const windows = Array.from(
      { length: 300 },
      () => windowOf.all(1 + Math.floor(random() * Math.max(1, maxId - 50))) as number[],
    );
    const window = await sample((i) => core['leads:rows']({ ids: windows[i % windows.length]! }), {
      runs: 300,
      budgetMs,
    });

    const search: ReadFigures['search'] = {};
    const ftsFirst = raw.prepare(
      'SELECT rowid FROM lead_search WHERE lead_search MATCH ? LIMIT 50',
    );
    const ftsHits = raw
      .prepare('SELECT count(*) FROM lead_search WHERE lead_search MATCH ?')
      .pluck();
    for (const text of SEARCHES) {
      const match = `"${text}"*`;
      search[text] = {
        project: await sample(() => core['leads:list']({ view: 'all', search: text, limit: 50 }), {
          runs: 100,
          budgetMs,
          warmup: 1,
        }),
        fts: await sample(() => ftsFirst.all(match), { runs: 100, budgetMs }),
        hits: ftsHits.get(match) as number,
      };
    }

    const ids = await sample(
      (i) => core['leads:ids']({ view: i % 2 ? 'all' : 'marketing-unprocessed' }),
      { runs: 40, budgetMs, warmup: 1 },
    );
    const counts = await sample(() => core['leads:counts']({}), { runs: 100, budgetMs, warmup: 1 });
    const position = await measurePosition(core, windows, budgetMs);
    // A page of 1,000 ids, from the top or from anywhere down the view (by keyset).
    const cursors = windows.map((ids) => ({
      sortKey: raw.prepare('SELECT sort_key FROM leads WHERE id = ?').pluck().get(ids[0]) as string,
      id: ids[0]!,
    }));
    const idPage = await sample(
      (i) =>
        core['leads:id-page']({
          view: i % 2 ? 'all' : 'marketing-unprocessed',
          limit: 1_000,
          ...(i % 3 === 0 ? {} : { after: cursors[i % cursors.length]! }),
        }),
      { runs: 100, budgetMs },
    );
    const bytes =
      (raw.pragma('page_count', { simple: true }) as number) *
      (raw.pragma('page_size', { simple: true }) as number);
    return { leads: cache.leads, window, search, ids, counts, position, idPage, bytes };
  } finally {
    raw.close();
    await core.close();
  }
}

/** Where a lead joining the list goes among the 1,000 ids it holds. */
function measurePosition(
  core: ReturnType<typeof offlineCore>,
  windows: number[][],
  budgetMs: number,
): Promise<Timing> {
  return sample(
    (i) =>
      core['leads:position']({
        view: i % 2 ? 'all' : 'marketing-unprocessed',
        id: windows[i % windows.length]![0]!,
        upTo: 1_000,
      }),
    { runs: 100, budgetMs },
  );
}
