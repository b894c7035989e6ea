/**
 * Tells the core when the network comes back, so queued changes go out at once instead of at the
 * next retry. Electron has no "online" event in the main process, so its cheap `net.isOnline()`
 * is polled, and waking from sleep counts as a hint too (the connection often changed meanwhile).
 */
import type { Clock } from '../core';

export const NETWORK_POLL_MS = 5_000;

export interface NetworkWatchOptions {
  isOnline(): boolean;
  /** Subscribe to the system waking up; returns the unsubscribe function. */
  onResume(listener: () => void): () => void;
  notify(online: boolean): void;
  clock: Clock;
  pollMs?: number;
}

/** Starts watching; the returned function stops it. */
export function watchNetwork(options: NetworkWatchOptions): () => void {
  const { clock, pollMs = NETWORK_POLL_MS } = options;
  let online = options.isOnline();
  let timer: unknown = null;

  const poll = (): void => {
    const now = options.isOnline();
    if (now !== online) {
      online = now;
      options.notify(now);
    }
    timer = clock.setTimeout(poll, pollMs);
  };
  timer = clock.setTimeout(poll, pollMs);

  const stopResume = options.onResume(() => {
    online = options.isOnline();
    options.notify(online);
  });

  return () => {
    clock.clearTimeout(timer);
    stopResume();
  };
}
