/**
 * The list's reads at a large cache beside the 1k one, timed in turns: a window of 50 rows in
 * the order of the "all" view and of a filtered view (what the list draws as the person scrolls),
 * both through the gate and the core worker as the apps call them and on the core alone; then,
 * through the gate and worker, a page of 1,000 ids by keyset, a lead's place among 1,000 held,
 * the view counts, a whole view's ids, and the file's size.
 */
import { statSync } from 'node:fs';
import type { ViewId } from '#contract';
import { openBenchCore, ROUTE_NAMES, type BenchCore, type CoreRoute } from './app-core';
import type { BenchCache } from './cache';
import { interleave } from './interleave';
import type { Row } from './report';
import { sizeName, type BenchContext } from './context';
import { ratioText, timingText, verdict, type Timing } from './timing';

/** The views whose windows are timed: every lead, and one a filter thins out. */
export const WINDOW_VIEWS: readonly ViewId[] = ['all', 'marketing-unprocessed'];
const WINDOW = 50;
const WINDOWS_PICKED = 500;

/** Deterministic pseudo-random picks, so every run asks for the same windows. */
export function picker(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Windows of 50 ids in the view's own order, from places spread over the whole view. */
async function windowsOf(core: BenchCore, view: ViewId): Promise<number[][]> {
  const { ids } = await core.call('leads:ids', { view });
  const random = picker(7);
  return Array.from({ length: WINDOWS_PICKED }, () => {
    const start = Math.floor(random() * Math.max(1, ids.length - WINDOW));
    return ids.slice(start, start + WINDOW);
  });
}

function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(`${path}${suffix}`).size;
    } catch {
      // No log file: nothing to add.
    }
  }
  return total;
}

interface Place {
  id: number;
  after: { sortKey: string; id: number };
}

interface Opened {
  app: BenchCore;
  core: BenchCore;
}

async function openBoth(cache: BenchCache): Promise<Opened> {
  const [app, core] = await Promise.all(
    (['app', 'core'] as CoreRoute[]).map((route) => openBenchCore(route, cache.path)),
  );
  return { app: app!, core: core! };
}

/** A figure of the large cache against the small one, through one route. */
function pairRow(
  figure: string,
  big: Timing,
  small: Timing,
  goal: string,
  holds: (ratio: number, big: Timing) => boolean,
  load: string,
): Row {
  const ratio = big.p99 / small.p99;
  return {
    figure,
    project: timingText(big),
    baseline: `1k: ${timingText(small)}`,
    ratio: ratioText(ratio),
    goal,
    met: verdict(ratio, (r) => holds(r, big)),
    load,
  };
}

export async function measureReads(
  small: BenchCache,
  large: BenchCache,
  ctx: BenchContext,
): Promise<Row[]> {
  const at = sizeName(large.leads);
  const [s, l] = await Promise.all([openBoth(small), openBoth(large)]);
  const rows: Row[] = [];
  const samples = ctx.sampling.samples;
  try {
    for (const view of WINDOW_VIEWS) {
      const [smallWindows, largeWindows] = await Promise.all([
        windowsOf(s.core, view),
        windowsOf(l.core, view),
      ]);
      const window = (core: BenchCore, windows: number[][]) => ({
        call: (i: number) => core.call('leads:rows', { ids: windows[i % windows.length]! }),
      });
      const { timings, load } = await interleave(
        [
          window(l.core, largeWindows),
          window(s.core, smallWindows),
          window(l.app, largeWindows),
          window(s.app, smallWindows),
        ],
        { ...ctx.sampling, samples },
      );
      const [coreBig, coreSmall, appBig, appSmall] = timings as [Timing, Timing, Timing, Timing];
      const loadText = load.text();
      rows.push(
        pairRow(
          `list window of 50 (leads:rows), ${view}, ${ROUTE_NAMES.core}, ${at} vs 1k`,
          coreBig,
          coreSmall,
          '≤ 2x',
          (ratio) => ratio <= 2,
          loadText,
        ),
        pairRow(
          `list window of 50 (leads:rows), ${view}, ${ROUTE_NAMES.app}, ${at} vs 1k`,
          appBig,
          appSmall,
          '≤ 2x and < 5 ms',
          (ratio, big) => ratio <= 2 && big.p99 < 5,
          loadText,
        ),
      );
      if (view === 'all')
        rows.push({
          figure: `what the gate and worker add to a window, ${at}`,
          project: `${ROUTE_NAMES.app}: ${timingText(appBig)}`,
          baseline: `${ROUTE_NAMES.core}: ${timingText(coreBig)}`,
          ratio: ratioText(appBig.p50 / coreBig.p50),
          goal: 'figure (ratio of p50s)',
          met: null,
          load: loadText,
        });
    }
    rows.push(...(await viewReads(s.app, l.app, at, ctx)));
    const size = fileBytes(large.path);
    rows.push({
      figure: `database size, ${at}`,
      project: `${(size / 2 ** 20).toFixed(0)} MB (${(size / large.leads / 1024).toFixed(2)} KB a lead)`,
      baseline: `leads' JSON: ${(large.jsonBytes / 2 ** 20).toFixed(0)} MB`,
      ratio: ratioText(size / large.jsonBytes),
      goal: '≤ 1.5x the JSON',
      met: size / large.jsonBytes <= 1.5,
      load: '',
    });
    return rows;
  } finally {
    await Promise.all([s.app, s.core, l.app, l.core].map((core) => core.close()));
  }
}

/** Reads of a view other than a window, through the gate and worker, large beside small. */
async function viewReads(
  small: BenchCore,
  large: BenchCore,
  at: string,
  ctx: BenchContext,
): Promise<Row[]> {
  const views = (i: number): ViewId => WINDOW_VIEWS[i % WINDOW_VIEWS.length]!;
  // Leads down each view to read from (untimed): a lead's place, and a keyset cursor at it.
  const starts = async (core: BenchCore): Promise<Place[][]> => {
    const random = picker(11);
    return Promise.all(
      WINDOW_VIEWS.map(async (view) => {
        const { ids } = await core.call('leads:id-page', { view, limit: 5_000 });
        const picked = Array.from({ length: 100 }, () => ids[Math.floor(random() * ids.length)]!);
        const { rows } = await core.call('leads:rows', { ids: picked });
        return rows.map((row) => ({ id: row.id, after: { sortKey: row.createTime, id: row.id } }));
      }),
    );
  };
  const [smallStarts, largeStarts] = await Promise.all([starts(small), starts(large)]);
  const rows: Row[] = [];
  const pair = async (
    figure: string,
    call: (core: BenchCore, places: Place[][], i: number) => Promise<unknown>,
    goal: { text: string; holds: (ratio: number, big: Timing) => boolean } | null,
    samples = ctx.sampling.samples,
  ) => {
    const { timings, load } = await interleave(
      [{ call: (i) => call(large, largeStarts, i) }, { call: (i) => call(small, smallStarts, i) }],
      { ...ctx.sampling, samples },
    );
    const [big, little] = timings as [Timing, Timing];
    rows.push(
      goal === null
        ? {
            figure,
            project: timingText(big),
            baseline: `1k: ${timingText(little)}`,
            ratio: ratioText(big.p50 / little.p50, 1),
            goal: 'not called by the renderer (ratio of p50s)',
            met: null,
            load: load.text(),
          }
        : pairRow(figure, big, little, goal.text, goal.holds, load.text()),
    );
  };
  const under5ms = { text: 'p99 < 5 ms', holds: (_: number, big: Timing) => big.p99 < 5 };
  const place = (places: Place[][], i: number): Place => {
    const ofView = places[i % places.length]!;
    return ofView[Math.floor(i / places.length) % ofView.length]!;
  };
  await pair(
    `1,000 ids by keyset (leads:id-page), ${at}`,
    (core, places, i) =>
      core.call('leads:id-page', {
        view: views(i),
        limit: 1_000,
        // A third from the top of the view, the rest from a lead down it.
        ...(i % 3 === 0 ? {} : { after: place(places, i).after }),
      }),
    under5ms,
  );
  await pair(
    `position among 1,000 held (leads:position), ${at}`,
    (core, places, i) =>
      core.call('leads:position', { view: views(i), id: place(places, i).id, upTo: 1_000 }),
    under5ms,
  );
  await pair(
    `view counts (leads:counts), ${at}`,
    (core) => core.call('leads:counts', {}),
    under5ms,
  );
  // Whole views' ids: the CLI's and the tests' command, not the list's; a figure, few samples.
  await pair(
    `whole-view ids (leads:ids), ${at}`,
    (core, _places, i) => core.call('leads:ids', { view: views(i) }),
    null,
    30,
  );
  return rows;
}
