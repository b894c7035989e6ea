/**
 * The query terms about the whole lead (`said:`, `custom.<key>:`, `interest:`, `unit:`,
 * `consent:`) on a benchmark cache, as the list asks them: the first page of a query's ids
 * (query:id-page, 250) and its first screen of rows (50), and the sidebar's capped count. Terms
 * that match many leads, few, and none; beside each, the same for `status:passed`, a term with
 * an index of its own: "as fast as the other terms". Also runs alone:
 * `npm run bench:terms [-- --quick]`.
 */
import { fileURLToPath } from 'node:url';
import { buildCache, type BenchCache } from './cache';
import { offlineCore } from './core-for-cache';
import { printRows, type Row } from './report';
import { sample, timingText, type Timing } from './timing';

/** Many matches (the list is walked in order), few (the candidates are read), none. */
export const TERM_QUERIES = [
  'said:widgets',
  'said:xylophone',
  'custom.widget_name:"Gold Deluxe"',
  'custom.order_portal:"account/12345"',
  'consent:express',
  'consent:revoked',
  'interest:"Business Products"',
  'unit:"B2B Widgets"',
  'said:quebec consent:revoked',
  'consent:express interest:events status:passed',
] as const;
const BASELINE = 'status:passed';

const FIRST_PAGE = 250;
const ROWS_SHOWN = 50;

export interface TermFigures {
  leads: number;
  window: Record<string, Timing>;
  count: Record<string, Timing>;
}

export async function measureLeadTerms(cache: BenchCache, quick: boolean): Promise<TermFigures> {
  const core = offlineCore(cache.path);
  const budgetMs = quick ? 2_000 : 5_000;
  const figures: TermFigures = { leads: cache.leads, window: {}, count: {} };
  try {
    for (const query of [BASELINE, ...TERM_QUERIES]) {
      figures.window[query] = await sample(
        async () => {
          const { ids } = await core['query:id-page']({ query, limit: FIRST_PAGE });
          await core['leads:rows']({ ids: ids.slice(0, ROWS_SHOWN) });
        },
        { runs: 100, budgetMs, warmup: 2 },
      );
      figures.count[query] = await sample(() => core['query:count']({ query }), {
        runs: 50,
        budgetMs,
        warmup: 1,
      });
    }
    return figures;
  } finally {
    await core.close();
  }
}

const size = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);

export function leadTermRows(figures: TermFigures): Row[] {
  const at = size(figures.leads);
  const base = figures.window[BASELINE]!;
  const baseCount = figures.count[BASELINE]!;
  return TERM_QUERIES.map((query) => {
    const window = figures.window[query]!;
    const count = figures.count[query]!;
    return {
      figure: `${query}: first page + rows / count, ${at}`,
      project: `${timingText(window)} / p99 ${count.p99.toFixed(1)} ms`,
      baseline: `${BASELINE}: p99 ${base.p99.toFixed(1)} / ${baseCount.p99.toFixed(1)} ms`,
      ratio: `${(window.p99 / base.p99).toFixed(1)}x`,
      goal: 'p99 < 16 ms',
      met: window.p99 < 16 && count.p99 < 16,
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const quick = process.argv.includes('--quick');
  const rows: Row[] = [];
  for (const leads of quick ? [100_000] : [100_000, 1_000_000]) {
    const cache = buildCache(leads, (line) => console.log(line));
    console.log(`the whole lead's terms on the ${size(leads)} cache…`);
    rows.push(...leadTermRows(await measureLeadTerms(cache, quick)));
  }
  printRows(rows);
}
