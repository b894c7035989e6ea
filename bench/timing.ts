/**
 * Timings of repeated calls: the median, and the 99th percentile only where there are enough
 * samples for it to mean something. Of 100 samples the "p99" is the second-worst call, noise more
 * than a tail, so below P99_MIN_RUNS the p99 is NaN and printed as missing, and a goal on it is
 * not judged.
 */
export interface Timing {
  p50: number;
  /** NaN with fewer than P99_MIN_RUNS samples. */
  p99: number;
  max: number;
  runs: number;
}

export const P99_MIN_RUNS = 1_000;

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export function timingOf(times: readonly number[]): Timing {
  return {
    p50: percentile(times, 0.5),
    p99: times.length >= P99_MIN_RUNS ? percentile(times, 0.99) : Number.NaN,
    max: times.length === 0 ? Number.NaN : Math.max(...times),
    runs: times.length,
  };
}

export interface SampleOptions {
  /** At most this many calls... */
  runs: number;
  /** ...and, when given, stop early past this much time (a figure without a p99 goal). */
  budgetMs?: number;
  warmup?: number;
}

/** Times `call(i)` for i = 0, 1, ...; the warm-up calls are not counted. */
export async function sample(
  call: (i: number) => unknown,
  options: SampleOptions,
): Promise<Timing> {
  for (let i = 0; i < (options.warmup ?? 3); i += 1) await call(i);
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < options.runs; i += 1) {
    const t = performance.now();
    await call(i);
    times.push(performance.now() - t);
    const budget = options.budgetMs;
    if (budget !== undefined && performance.now() - started > budget && times.length >= 5) break;
  }
  return timingOf(times);
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function timingText(timing: Timing): string {
  const p99 = Number.isNaN(timing.p99) ? 'p99 –' : `p99 ${ms(timing.p99)}`;
  return `p50 ${ms(timing.p50)} ${p99} (${timing.runs})`;
}

/** `a / b` as "1.23x", or "–" where either side is missing. */
export function ratioText(ratio: number, digits = 2): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(digits)}x` : '–';
}

/** A goal's verdict: null (not judged) when the figure it needs is missing. */
export function verdict(value: number, holds: (value: number) => boolean): boolean | null {
  return Number.isFinite(value) ? holds(value) : null;
}
