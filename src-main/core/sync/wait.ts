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
 * Resolves in a later turn of the event loop, once timers and I/O have had their go. A single
 * setImmediate is not enough from an I/O callback (where a page that just arrived is read): it
 * runs in the same loop iteration, straight after the I/O; the second one, queued from there,
 * waits for the next round of timers and I/O.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
