/** What every step of `npm run bench` is given: the caches, the mode, and how much to sample. */
import type { BenchCache } from './cache';

export interface BenchContext {
  /** `--quick`: 1k and 100k caches, smaller syncs and pushes; the same rows. */
  quick: boolean;
  /** `--loaded`: a CPU hog runs beside the whole bench. */
  loaded: boolean;
  /** The 1k cache, the baseline of every large/small pair. */
  small: BenchCache;
  /** 100k, and 1M unless quick. */
  large: BenchCache[];
  /** How many calls each side of a figure gets, in how many rounds (see interleave.ts). */
  sampling: Sampling;
  /** Rounds of whole runs (syncs, pushes, opens) and of key presses, at least 3. */
  rounds: number;
  log(line: string): void;
}

export interface Sampling {
  /** Calls timed per side: P99_MIN_RUNS, so that a p99 is printed. */
  samples: number;
  rounds: number;
  /** `--quick`: a time limit per figure; a slow side then has fewer samples and no p99. */
  budgetMs: number | undefined;
}

export function sizeName(leads: number): string {
  if (leads >= 1_000_000) return `${leads / 1_000_000}M`;
  if (leads >= 1_000) return `${leads / 1_000}k`;
  return String(leads);
}
