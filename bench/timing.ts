/** Repeats a call and reports its median and 99th percentile. */
export interface Timing {
  p50: number;
  p99: number;
  runs: number;
}

export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export interface SampleOptions {
  /** At most this many calls... */
  runs: number;
  /** ...and stop early past this much time (slow calls at a million leads). */
  budgetMs: number;
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
    if (performance.now() - started > options.budgetMs && times.length >= 5) break;
  }
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), runs: times.length };
}

export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function timingText(timing: Timing): string {
  return `p50 ${ms(timing.p50)} p99 ${ms(timing.p99)} (${timing.runs})`;
}
