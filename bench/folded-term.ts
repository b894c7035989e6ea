/**
 * A folded field term at scale: `company:"ｒｅｄｗｏｏｄ ｌａｂｓ"` (full-width, folded to
 * "redwood labs"; one company in 384, a tenth of them stored full-width by the bench cache) as the
 * app asks for it through the core, its capped count (the sidebar) then its first page of ids (the
 * list). The baseline is the same two statements as they were before migration 0094: SQLite's
 * own LIKE on the company column alone, on a plain keyed connection to the same file.
 */
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { offlineCore } from './core-for-cache';
import { sample, type Timing } from './timing';

export const FOLDED_TERM = 'company:"ｒｅｄｗｏｏｄ ｌａｂｓ"';
const UNFOLDED_PATTERN = '%redwood labs%';
const PAGE = 250;
const CAP = 1_000;

export interface FoldedTermFigures {
  leads: number;
  /** Leads the term finds, counted once outside the timings. */
  hits: number;
  project: Timing;
  baseline: Timing;
}

export async function measureFoldedTerm(
  cache: BenchCache,
  quick: boolean,
): Promise<FoldedTermFigures> {
  const core = offlineCore(cache.path);
  const raw = openBenchDatabase(cache.path, { readonly: true });
  // As the core's own connection reads (open-database.ts), so both sides read pages alike.
  raw.pragma('mmap_size = 8589934592');
  const budgetMs = quick ? 4_000 : 10_000;
  try {
    const count = raw
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM leads WHERE company LIKE ? LIMIT ?)`)
      .pluck();
    const page = raw.prepare(
      `SELECT id, sort_key FROM leads WHERE company LIKE ?
       ORDER BY sort_key DESC, id DESC LIMIT ?`,
    );
    const project = await sample(
      async () => {
        await core['query:count']({ query: FOLDED_TERM });
        await core['query:id-page']({ query: FOLDED_TERM, limit: PAGE });
      },
      { runs: 50, budgetMs, warmup: 1 },
    );
    const baseline = await sample(
      () => {
        count.get(UNFOLDED_PATTERN, CAP + 1);
        page.all(UNFOLDED_PATTERN, PAGE);
      },
      { runs: 50, budgetMs, warmup: 1 },
    );
    const { ids } = await core['query:ids']({ query: FOLDED_TERM });
    return { leads: cache.leads, hits: ids.length, project, baseline };
  } finally {
    raw.close();
    await core.close();
  }
}
