/**
 * A clock whose waits end at once: a timer fires on the next turn of the event loop and time
 * jumps to its moment. Backoff and Retry-After keep their order and their arithmetic, without
 * the seconds of real waiting a property test run would otherwise spend on each.
 */
import type { Clock } from '../../../src-main/core/api';

export class InstantClock implements Clock {
  private time = Date.UTC(2026, 10, 2, 9, 0, 0);

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const due = this.time + Math.max(0, ms);
    return setTimeout(() => {
      this.time = Math.max(this.time, due);
      callback();
    }, 0);
  }

  clearTimeout(handle: unknown): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}
