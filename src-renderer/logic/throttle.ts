/**
 * At most one run per interval, and never a change left uncounted: the first call runs at once,
 * calls within the interval after a run become one run at its end. Saved views' counts each read
 * up to 10,001 leads, so a burst of triage keystrokes recounts them once, not once per key.
 */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
};

export function throttle(fn: () => void, intervalMs: number, timers = browserTimers): () => void {
  let lastRun = -Infinity;
  let pending = false;
  const run = () => {
    pending = false;
    lastRun = timers.now();
    fn();
  };
  return () => {
    if (pending) return;
    const wait = lastRun + intervalMs - timers.now();
    if (wait <= 0) run();
    else {
      pending = true;
      timers.setTimeout(run, wait);
    }
  };
}
