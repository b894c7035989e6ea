/**
 * Sync jobs (a background cycle, a `syncOnce`) run one at a time, in the order they were asked
 * for, so a pull never interleaves with a push. A job that fails does not stop the ones behind it.
 */
import { SyncStopped } from './sync-errors';

export interface JobHooks {
  /** False once the engine closed: a job still queued then fails with SyncStopped. */
  mayStart(): boolean;
  /** A job starts (`running` is already true). */
  started(): void;
  /** A job ended, however (`running` is already false). */
  ended(): void;
}

export class JobQueue {
  private tail: Promise<void> = Promise.resolve();
  private runningNow = false;

  constructor(private readonly hooks: JobHooks) {}

  get running(): boolean {
    return this.runningNow;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      if (!this.hooks.mayStart()) throw new SyncStopped();
      this.runningNow = true;
      this.hooks.started();
      try {
        return await job();
      } finally {
        this.runningNow = false;
        this.hooks.ended();
      }
    });
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** Resolves once every job asked for so far has ended. */
  settled(): Promise<void> {
    return this.tail;
  }
}
