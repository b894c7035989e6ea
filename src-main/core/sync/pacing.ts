/**
 * When the sync loop sends, how many requests at once, and when a failure ends the job: decided
 * here, in one place (the way Replicache's connection loop owns its timing). The delegates only
 * send and report how each request went: a pull page (pull-pages.ts) asks before every request
 * and reports each answer or refusal; a push round (push-loop.ts) asks how wide the round may be
 * and reports its outcomes.
 *
 * What the connection allows (holds, backoff, Retry-After) is ConnectionHealth's state; how many
 * list requests fly at once is AdaptiveConcurrency's; this puts them to work for both delegates,
 * with the patience a job has and the push's ramp.
 */
import { CommandError } from '#contract/errors';
import type { Clock, Logger } from '../api';
import type { ConnectionHealth } from './connection-health';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import { isEnvokeError } from '../envoke';
import { failureKind, SyncStopped } from './sync-errors';
import { wait } from './wait';

/** Tries per page before the pull gives up (and resumes from that page next time). */
const PAGE_ATTEMPTS = 3;
/** `syncOnce` waits out this many 429/5xx answers in a row before giving up. */
const PATIENT_RETRIES = 5;
/**
 * Changes of different leads in flight at once, once Envoke has answered RAMP_AFTER in a row
 * in this push: a slow or failing connection is sent one change at a time.
 */
const PUSH_IN_FLIGHT = 4;
const RAMP_AFTER = 16;

/** A sync never waits longer than this for one retry moment. */
const PATIENT_WAIT_MAX_MS = 2 * 60_000;

/** What a pull's page reader is told: when to send, how many at once, whether to try again. */
export interface PagePacing {
  /** How many pages may be in flight: learned from the answers (`serial`: one at a time). */
  window(serial: boolean): AdaptiveConcurrency;
  /** Resolves when a request may go (at once unless a hold is set). */
  beforeRequest(): Promise<void>;
  /** Envoke answered a page after `latencyMs`, sent in the window's `epoch`. */
  answered(window: AdaptiveConcurrency, latencyMs: number): void;
  /**
   * The `attempt`-th request for a page failed: resolves when to send it again, or throws the
   * error when it is not worth another try. The first refusal of a burst halves the window and
   * sets the hold every request waits out; the others of its burst wait that out too, and at
   * least their own Retry-After.
   */
  retryAfterFailure(
    window: AdaptiveConcurrency,
    epoch: number,
    error: unknown,
    attempt: number,
  ): Promise<void>;
}

/** What a push round is told: how wide, and what its outcomes mean for the job. */
export interface PushPacing {
  /** Changes of different leads this round may send side by side. */
  readonly width: number;
  /** Whether a hold is set now; a patient push waits it out, the background returns. */
  waitForHold(): Promise<'go' | 'stop'>;
  /** Waits until `until` for the next ready change (patient), or says to stop. */
  waitForNext(until: number | null): Promise<'go' | 'stop'>;
  /** Envoke answered a change, whatever it said. */
  answered(): void;
  /** Envoke did not answer a change usefully (the ramp starts over). */
  notAnswered(): void;
  /** Envoke did not answer usefully: its retry moment for one row. */
  retryAt(error: unknown): number;
  /**
   * A round ended in trouble: throws when the job must end with it (refused credentials, no
   * patience left, offline); resolves 'stop' when the background push leaves it to the timer.
   */
  roundFailed(error: unknown, credentialsRefused: boolean): 'go' | 'stop';
}

export class SyncPacing {
  constructor(
    private readonly health: ConnectionHealth,
    private readonly clock: Clock,
    /** Closing the engine cuts every wait short. */
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Waits until `until` for a retry moment, unless Envoke asked for longer than anyone would
   * wait: then the job stops, keeping what it did, and the engine's timer comes back then.
   */
  private async waitPatiently(until: number): Promise<void> {
    const ms = until - this.clock.now();
    if (ms > PATIENT_WAIT_MAX_MS) {
      throw new CommandError(
        'offline',
        `Envoke asked to wait ${Math.ceil(ms / 1000)} s before more requests; nothing is lost, and sync goes on after that.`,
      );
    }
    await wait(this.clock, ms, this.signal);
  }

  /** A request failed: counted, further ones held (but for credentials), and logged. */
  failed(error: unknown, logger: Logger): void {
    this.health.failed(error, this.clock.now());
    logger.warn('Sync with Envoke failed', { error: this.health.lastError });
  }

  /**
   * A job ended on `error`. Envoke's failures and faults of ours count as failures; a
   * CommandError of ours (closing, a wait too long to sit out) is a verdict, not a new failure:
   * the hold that caused it is already set.
   */
  jobFailed(error: unknown, logger: Logger): void {
    if (isEnvokeError(error) || !(error instanceof CommandError)) this.failed(error, logger);
  }

  /**
   * A background cycle ended on `error`. Envoke's failures were noted where they happened;
   * anything else is a fault of ours, held off like a failure and said as a sentence.
   */
  cycleFailed(error: unknown, logger: Logger): void {
    if (error instanceof SyncStopped || isEnvokeError(error)) return;
    logger.error('Background sync failed unexpectedly', { error: String(error) });
    this.health.faultOfOurs(
      error,
      error instanceof CommandError ? error.message : 'Sync stopped on an unexpected problem',
      this.clock.now(),
    );
  }

  /** A reason to try now: drop our own backoff and the outbox's, never a wait Envoke asked for. */
  tryNow(outbox: { clearBackoff(now: number): void }): void {
    const now = this.clock.now();
    this.health.forgetBackoff(now);
    outbox.clearBackoff(now);
  }

  /**
   * When the engine wakes next after a job: the next periodic pull, the next change's retry, or
   * (offline or troubled) the moment a probe may ask; never inside a hold, never in the past.
   */
  nextWake(pullAt: number, nextChangeAt: number | null): number {
    const { health } = this;
    const moments = [pullAt];
    if (nextChangeAt !== null) moments.push(nextChangeAt);
    if (health.offline || health.troubled) moments.push(health.holdUntil);
    return Math.max(Math.min(...moments), health.holdUntil, this.clock.now());
  }

  /** The pacing for one pull's pages. */
  pages(): PagePacing {
    const { health } = this;
    const now = () => this.clock.now();
    const waitPatiently = (until: number) => this.waitPatiently(until);
    return {
      window: (serial) =>
        serial ? new AdaptiveConcurrency({ start: 1, max: 1 }) : new AdaptiveConcurrency(),
      async beforeRequest() {
        if (health.holdUntil > now()) await waitPatiently(health.holdUntil);
      },
      answered(window, latencyMs) {
        window.answered(latencyMs);
        health.connected();
      },
      async retryAfterFailure(window, epoch, error, attempt) {
        if (!isEnvokeError(error) || !error.retryable || attempt >= PAGE_ATTEMPTS) throw error;
        if (window.refused(epoch)) health.backOff(error, now());
        else if (error.retryAfterMs !== undefined) await waitPatiently(now() + error.retryAfterMs);
      },
    };
  }

  /**
   * The pacing for one push job. `patient` (syncOnce) waits out holds and retries up to
   * PATIENT_RETRIES failures in a row; the background returns and lets the engine's timer come
   * back. Rounds start one change wide and widen once Envoke has answered RAMP_AFTER in a row.
   */
  push(patient: boolean): PushPacing {
    const { health } = this;
    const now = () => this.clock.now();
    const waitPatiently = (until: number) => this.waitPatiently(until);
    let patience = PATIENT_RETRIES;
    let answeredInRow = 0;
    return {
      get width() {
        return answeredInRow >= RAMP_AFTER ? PUSH_IN_FLIGHT : 1;
      },
      async waitForHold() {
        if (!health.isHeld(now())) return 'go';
        if (!patient) return 'stop';
        await waitPatiently(health.holdUntil);
        return 'go';
      },
      async waitForNext(until) {
        if (!patient || until === null) return 'stop';
        await waitPatiently(until);
        return 'go';
      },
      answered() {
        // The connection is fine whatever Envoke said, and patience starts over (it counts
        // failures in a row, not scattered ones).
        health.connected();
        patience = PATIENT_RETRIES;
        answeredInRow += 1;
      },
      notAnswered() {
        answeredInRow = 0;
      },
      retryAt: (error) => health.backOff(error, now()),
      roundFailed(error, credentialsRefused) {
        health.troubleSeen(error);
        if (credentialsRefused) throw error;
        if (!patient) return 'stop';
        patience -= 1;
        if (patience <= 0 || failureKind(error) === 'offline') throw error;
        return 'go';
      },
    };
  }
}
