/**
 * The sync engine's one timer: the moment of its next wake-up, only ever moved earlier. Asking
 * for a later moment while an earlier one is set changes nothing: the engine plans again after
 * every job, so the later moment is asked for again then.
 */
import type { Clock } from '../api';

export class WakeTimer {
  private handle: unknown = null;
  private at = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: () => void,
  ) {}

  wakeAt(at: number): void {
    if (this.handle !== null && this.at <= at) return;
    this.clear();
    this.at = at;
    this.handle = this.clock.setTimeout(
      () => {
        this.handle = null;
        this.at = Number.POSITIVE_INFINITY;
        this.onWake();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
    this.at = Number.POSITIVE_INFINITY;
  }
}
