/**
 * The query terms about the whole lead (`said:`, `custom.<key>:`, `interest:`, `unit:`,
 * `consent:`) on the largest cache, as the list asks them: the first page of a query's ids
 * (query:id-page, 250) and its first screen of rows (50), then the sidebar's capped count. Terms
 * that match many leads, few, and none; each timed in turns with `status:passed`, a term with an
 * index of its own: "as fast as the other terms". `npm run bench:terms` runs this step alone.
 */
import { openCoreAlone } from './app-core';
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { interleave } from './interleave';
import type { Row } from './report';
import { ms, ratioText, timingText, verdict, type Timing } from './timing';

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
const GOAL_MS = 16;

export async function measureLeadTerms(cache: BenchCache, ctx: BenchContext): Promise<Row[]> {
  const core = openCoreAlone(cache.path);
  const firstScreen = async (query: string) => {
    const { ids } = await core.call('query:id-page', { query, limit: FIRST_PAGE });
    await core.call('leads:rows', { ids: ids.slice(0, ROWS_SHOWN) });
  };
  const count = (query: string) => core.call('query:count', { query });
  const at = sizeName(cache.leads);
  const rows: Row[] = [];
  try {
    for (const query of TERM_QUERIES) {
      ctx.log(`  ${query}, ${at}…`);
      const screens = await interleave(
        [{ call: () => firstScreen(query) }, { call: () => firstScreen(BASELINE) }],
        ctx.sampling,
      );
      const counts = await interleave(
        [{ call: () => count(query) }, { call: () => count(BASELINE) }],
        ctx.sampling,
      );
      const [window, baseWindow] = screens.timings as [Timing, Timing];
      const [termCount, baseCount] = counts.timings as [Timing, Timing];
      const worst = Math.max(window.p99, termCount.p99);
      rows.push({
        figure: `${query}: first page + rows / count, ${at}`,
        project: `${timingText(window)} / count p99 ${ms(termCount.p99)}`,
        baseline: `${BASELINE}: p99 ${ms(baseWindow.p99)} / ${ms(baseCount.p99)}`,
        ratio: ratioText(window.p99 / baseWindow.p99, 1),
        goal: `p99 < ${GOAL_MS} ms`,
        met: verdict(worst, (p99) => p99 < GOAL_MS),
        load: screens.load.text(),
      });
    }
    return rows;
  } finally {
    await core.close();
  }
}
