/** Measures one run: wall time, peak resident memory and the worst event-loop stall. */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface RunFigures {
  leads: number;
  seconds: number;
  leadsPerSecond: number;
  peakRssMb: number;
  worstStallMs: number;
}

export async function measure(run: () => Promise<number>): Promise<RunFigures> {
  global.gc?.();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  loop.enable();
  const started = performance.now();
  const leads = await run();
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    leads,
    seconds,
    leadsPerSecond: leads / seconds,
    peakRssMb: peakRss / 2 ** 20,
    // The histogram is in nanoseconds; its max is the longest the loop was kept from running.
    worstStallMs: loop.max / 1e6,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
