/**
 * Every step of `npm run bench`, in the order they run, each giving its rows of the table. A new
 * figure is a step here (or, for a search, a term in search-terms.ts); `--only TEXT` runs the
 * steps whose title holds TEXT.
 */
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { measureFoldedTerm } from './folded-term';
import { measureHostStallRows } from './host-stall';
import { measureLeadTerms } from './lead-terms';
import { measureOpen } from './open';
import { measurePush } from './push';
import { measureReads } from './reads';
import type { Row } from './report';
import { measureSavedViews } from './saved-views';
import { measureSearch } from './search';
import { measureSync } from './sync';
import { measureThreadStall } from './thread-stall';
import { P99_MIN_RUNS } from './timing';
import { measureUi } from './ui-measure';
import { uiRows } from './ui-rows';
import { measureUpdate } from './update';

export interface BenchStep {
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

/** A figure of each large cache beside the 1k one. */
function eachLarge(
  title: string,
  measure: (small: BenchCache, large: BenchCache, ctx: BenchContext) => Promise<Row[]>,
): BenchStep {
  return {
    title,
    async run(ctx) {
      const rows: Row[] = [];
      for (const large of ctx.large) {
        ctx.log(`${title}, ${sizeName(large.leads)} beside 1k…`);
        rows.push(...(await measure(ctx.small, large, ctx)));
      }
      return rows;
    },
  };
}

export const STEPS: readonly BenchStep[] = [
  eachLarge('list windows and view reads', measureReads),
  eachLarge('search', (_small, large, ctx) => measureSearch(large, ctx)),
  {
    title: 'a folded field term',
    run: (ctx) => measureFoldedTerm(ctx.large[ctx.large.length - 1]!, ctx),
  },
  {
    title: "the whole lead's query terms",
    run: (ctx) => measureLeadTerms(ctx.large[ctx.large.length - 1]!, ctx),
  },
  eachLarge('saved views and the pipeline', measureSavedViews),
  eachLarge('open → first usable list', measureOpen),
  {
    title: 'triage update',
    run: (ctx) => measureUpdate(ctx.large[0]!, ctx),
  },
  { title: 'push', run: measurePush },
  {
    title: 'triage view in Chromium',
    run: async (ctx) =>
      uiRows(
        await measureUi([ctx.small, ...ctx.large], {
          presses: ctx.quick ? 150 : P99_MIN_RUNS,
          rounds: ctx.rounds,
          log: ctx.log,
        }),
      ),
  },
  {
    title: 'full sync at 0 ms',
    run: (ctx) => measureSync({ leads: ctx.quick ? 5_000 : 100_000, latencyMs: 0, goal: 0.7 }, ctx),
  },
  {
    title: 'full sync at 100 ms',
    run: (ctx) => measureSync({ leads: ctx.quick ? 2_000 : 100_000, latencyMs: 100, goal: 4 }, ctx),
  },
  {
    title: 'serving thread during a sync',
    run: (ctx) => measureThreadStall(ctx.quick ? 5_000 : 100_000, ctx),
  },
  {
    title: 'browser host page during a first sync',
    run: (ctx) =>
      ctx.quick ? measureHostStallRows(5_000, ctx, 8) : measureHostStallRows(300_000, ctx),
  },
];
