/**
 * A folded field term at scale: `company:"ｒｅｄｗｏｏｄ ｌａｂｓ"` (full-width, folded to
 * "redwood labs"; one company in 384, a tenth of them stored full-width by the bench cache) as the
 * app asks for it through the core, its capped count (the sidebar) then its first page of ids (the
 * list). The baseline is the same two statements without the folded copies: SQLite's
 * own LIKE on the company column alone, on a plain keyed connection to the same file.
 */
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { openCoreAlone } from './app-core';
import { sizeName, type BenchContext } from './context';
import { interleave } from './interleave';
import type { Row } from './report';
import { ratioText, timingText, verdict, type Timing } from './timing';

export const FOLDED_TERM = 'company:"ｒｅｄｗｏｏｄ ｌａｂｓ"';
const UNFOLDED_PATTERN = '%redwood labs%';
const PAGE = 250;
const CAP = 1_000;
const GOAL = 1.5;

/** The folded term beside the unfolded LIKE, timed in turns on the largest cache. */
export async function measureFoldedTerm(cache: BenchCache, ctx: BenchContext): Promise<Row[]> {
  const core = openCoreAlone(cache.path);
  const raw = openBenchDatabase(cache.path, { readonly: true });
  try {
    const count = raw
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM leads WHERE company LIKE ? LIMIT ?)`)
      .pluck();
    const page = raw.prepare(
      `SELECT id, sort_key FROM leads WHERE company LIKE ?
       ORDER BY sort_key DESC, id DESC LIMIT ?`,
    );
    const folded = async () => {
      await core.call('query:count', { query: FOLDED_TERM });
      await core.call('query:id-page', { query: FOLDED_TERM, limit: PAGE });
    };
    const unfolded = () => {
      count.get(UNFOLDED_PATTERN, CAP + 1);
      page.all(UNFOLDED_PATTERN, PAGE);
    };
    const { timings, load } = await interleave(
      [{ call: folded }, { call: unfolded }],
      ctx.sampling,
    );
    const [project, baseline] = timings as [Timing, Timing];
    const { ids } = await core.call('query:ids', { query: FOLDED_TERM });
    const ratio = project.p99 / baseline.p99;
    return [
      {
        figure: `${FOLDED_TERM} count + ${PAGE} ids (${ids.length.toLocaleString('en')} hits), ${sizeName(cache.leads)}`,
        project: timingText(project),
        baseline: `unfolded LIKE: ${timingText(baseline)}`,
        ratio: ratioText(ratio),
        goal: `≤ ${GOAL}x the unfolded term`,
        met: verdict(ratio, (r) => r <= GOAL),
        load: load.text(),
      },
    ];
  } finally {
    raw.close();
    await core.close();
  }
}
