/**
 * `npm run bench [-- --quick] [-- --loaded] [-- --only TEXT]`: every figure of the scale table
 * (steps.ts), the project beside its baseline in the same run and in turns, the goal and whether
 * it was met beside each, and the machine's load. Caches of 1k, 100k and 1M leads are built once
 * through the store's pull path and reused from .bench/; `--quick` stays at 1k and 100k with
 * smaller syncs and pushes; `--loaded` runs a CPU hog beside the whole bench. Prints figures;
 * asserts nothing (these machines are noisy).
 */
import { prepareAppRoute } from './app-core';
import { buildCache } from './cache';
import type { BenchContext } from './context';
import { MIN_ROUNDS } from './interleave';
import { LoadRange, loadNow, startCpuHog } from './load';
import { printRows, type Row } from './report';
import { STEPS } from './steps';
import { P99_MIN_RUNS } from './timing';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const loaded = args.includes('--loaded');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const sizes = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
const log = (line: string) => console.log(line);
/**
 * The time one figure may take; past it, its sides stop short of a p99's samples and show their
 * median alone. A full run allows a minute: enough for a thousand samples of any figure the app
 * answers in under 10 ms, while a baseline that takes a third of a second a call (bare FTS5 on a
 * common email word at 1M) no longer holds the run for a quarter of an hour.
 */
const FIGURE_MS = quick ? 3_000 : 60_000;

async function main(): Promise<void> {
  const started = performance.now();
  const load = new LoadRange();
  const hog = loaded ? startCpuHog() : null;
  log(
    `lead triage bench${quick ? ' --quick' : ''}${loaded ? ` --loaded (CPU hog: ${hog!.threads} spinning threads)` : ''}; load ${loadNow().toFixed(1)}`,
  );
  try {
    const [small, ...large] = sizes.map((leads) => {
      const building = performance.now();
      const cache = buildCache(leads, log);
      const seconds = (performance.now() - building) / 1000;
      if (seconds > 1) log(`built ${cache.path} in ${seconds.toFixed(0)} s`);
      return cache;
    });
    await prepareAppRoute();
    const ctx: BenchContext = {
      ...{ quick, loaded, small: small!, large, log },
      sampling: {
        samples: P99_MIN_RUNS,
        rounds: quick ? MIN_ROUNDS : 5,
        budgetMs: FIGURE_MS,
      },
      // Whole runs (a full sync of 100k at 100 ms a request takes minutes) in the fewest turns.
      rounds: MIN_ROUNDS,
    };
    const rows: Row[] = [];
    for (const step of STEPS) {
      if (only !== undefined && !step.title.includes(only)) continue;
      const stepLoad = new LoadRange();
      const stepStarted = performance.now();
      const stepRows: Row[] = [];
      try {
        stepRows.push(...(await step.run(ctx)));
      } catch (error) {
        // One step failing leaves the others' figures; the table says which step and why.
        console.error(error);
        stepRows.push({
          figure: `${step.title}: failed`,
          project: error instanceof Error ? error.message.slice(0, 80) : String(error),
          baseline: '',
          ratio: '',
          goal: 'runs to the end',
          met: false,
          load: stepLoad.text(),
        });
      }
      log(`  (${step.title}: ${((performance.now() - stepStarted) / 1000).toFixed(0)} s)`);
      // Each step's rows as soon as they are taken: a long run shows where it stands, and one
      // stopped part-way keeps what it measured. The whole table follows at the end.
      printRows(stepRows, { legend: false });
      rows.push(...stepRows);
    }
    log('');
    printRows(rows);
    log(
      `\n${((performance.now() - started) / 1000).toFixed(0)} s in all; one-minute load during the run ${load.text()}`,
    );
  } finally {
    hog?.stop();
  }
}

await main();
