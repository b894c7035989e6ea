/** A pause on the injected clock, cut short when sync stops (so closing never hangs on a timer). */
import type { Clock } from '../api';
import { SyncStopped } from './sync-errors';

export function wait(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new SyncStopped());
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(new SyncStopped());
    };
    const handle = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Lets timers and I/O run. Pages that arrived together would otherwise be written back to back
 * in one chain of promise continuations, holding the event loop for all of them.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
