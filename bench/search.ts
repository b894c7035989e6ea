/**
 * Search at a large cache: the first 50 leads of each kind of search (search-terms.ts), newest
 * first as the list shows them, through the gate and the core worker, timed in turns with the
 * same question put to the FTS5 index bare (no join to the leads, no view, same order and limit)
 * on a plain connection to the same file with the same key. Each row says how many leads the
 * search finds in all (a phone fragment or an email finds other leads than the bare words do).
 */
import { openThroughApp } from './app-core';
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { interleave } from './interleave';
import type { Row } from './report';
import { bareMatch, SEARCH_TERMS } from './search-terms';
import { ratioText, timingText, verdict } from './timing';

export const SEARCH_GOAL_MS = 10;

export async function measureSearch(large: BenchCache, ctx: BenchContext): Promise<Row[]> {
  const at = sizeName(large.leads);
  const app = await openThroughApp(large.path);
  const raw = openBenchDatabase(large.path, { readonly: true });
  const firstPage = raw.prepare(
    'SELECT rowid FROM lead_search WHERE lead_search MATCH ? ORDER BY rowid DESC LIMIT 50',
  );
  const rows: Row[] = [];
  try {
    for (const { kind, text } of SEARCH_TERMS) {
      const match = bareMatch(text);
      const search = () => app.call('leads:list', { view: 'all', search: text, limit: 50 });
      const { timings, load } = await interleave(
        [{ call: search }, { call: () => (match === null ? [] : firstPage.all(match)) }],
        ctx.sampling,
      );
      const [project, fts] = timings as [(typeof timings)[0], (typeof timings)[0]];
      const found = (await app.call('leads:ids', { view: 'all', search: text })).ids.length;
      rows.push({
        figure: `search ${kind} "${text}", first 50 of ${found.toLocaleString('en')}, ${at}`,
        project: timingText(project),
        baseline: `bare FTS5: ${timingText(fts)}`,
        ratio: ratioText(project.p99 / fts.p99, 1),
        goal: `p99 < ${SEARCH_GOAL_MS} ms`,
        met: verdict(project.p99, (p99) => p99 < SEARCH_GOAL_MS),
        load: load.text(),
      });
    }
    return rows;
  } finally {
    raw.close();
    await app.close();
  }
}
