/**
 * Sides of a comparison timed in turns (A B A B … over several rounds) rather than one after the
 * other, so a change in the machine's load, the disk's cache or the CPU's clock falls on every
 * side alike. The load is noted at every round and printed beside the figure.
 */
import { LoadRange } from './load';
import { timingOf, type Timing } from './timing';

export interface Side {
  /** Called with 0, 1, 2, … across the rounds (so each call can ask for something else). */
  call(i: number): unknown;
}

export interface InterleaveOptions {
  /** Calls timed per side, over all rounds. */
  samples: number;
  /** At least 3. */
  rounds: number;
  /** Untimed calls per side before the first round. */
  warmup?: number;
  /**
   * When given, each side's block of a round also ends once it has taken its share of this
   * (`--quick`): a slow side then has fewer samples, and no p99 if below P99_MIN_RUNS.
   */
  budgetMs?: number | undefined;
  /** Untimed, before every call (the event loop turning between a person's keys). */
  before?: () => Promise<unknown>;
}

export interface Interleaved {
  timings: Timing[];
  load: LoadRange;
}

export const MIN_ROUNDS = 3;

export async function interleave(
  sides: readonly Side[],
  options: InterleaveOptions,
): Promise<Interleaved> {
  const rounds = Math.max(MIN_ROUNDS, options.rounds);
  const perRound = Math.ceil(options.samples / rounds);
  const blockMs =
    options.budgetMs === undefined ? Infinity : options.budgetMs / (rounds * sides.length);
  const load = new LoadRange();
  const times = sides.map(() => [] as number[]);
  const next = sides.map(() => 0);
  for (const [s, side] of sides.entries()) {
    for (let i = 0; i < (options.warmup ?? 3); i += 1) await side.call(next[s]!++);
  }
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const over = performance.now() - started > (options.budgetMs ?? Infinity);
    if (over && round >= MIN_ROUNDS) break;
    load.note();
    for (const [s, side] of sides.entries()) {
      const taken = times[s]!;
      const blockStarted = performance.now();
      const blockEnd = Math.min(options.samples, taken.length + perRound);
      while (taken.length < blockEnd && performance.now() - blockStarted < blockMs) {
        await options.before?.();
        const callStarted = performance.now();
        await side.call(next[s]!++);
        taken.push(performance.now() - callStarted);
      }
    }
  }
  load.note();
  return { timings: times.map(timingOf), load };
}

/** Whole runs (a sync, a push, an open) in turns, one of each side per round; each says its figures. */
export async function interleaveRuns<T>(
  sides: readonly ((round: number) => Promise<T>)[],
  rounds: number,
  report: (round: number, results: T[]) => void = () => undefined,
): Promise<{ results: T[][]; load: LoadRange }> {
  const load = new LoadRange();
  const results = sides.map(() => [] as T[]);
  for (let round = 0; round < Math.max(MIN_ROUNDS, rounds); round += 1) {
    load.note();
    const ofRound: T[] = [];
    for (const [s, side] of sides.entries()) {
      const result = await side(round);
      results[s]!.push(result);
      ofRound.push(result);
    }
    report(round, ofRound);
  }
  load.note();
  return { results, load };
}
