/**
 * What the sync engine knows of its connection to Envoke, and so whether and when it may ask
 * again. Plain state: every moment is passed in and nothing here sets a timer, so each
 * transition is tested on its own (test/core/connection-health.test.ts).
 *
 *                          an answer of any kind (`connected`)
 *          ┌─────────────────────────────────────────────────────────────┐
 *          ▼                                                             │
 *     ┌─────────┐   no answer: network, timeout, the OS says so   ┌─────────────┐
 *     │ healthy │ ──────────────────────────────────────────────▶ │   offline   │ a probe asks
 *     └─────────┘                                                 └─────────────┘
 *       │     │     429, 5xx, an unreadable reply, a fault of ours ┌─────────────┐
 *       │     └──────────────────────────────────────────────────▶ │  troubled   │ retried later
 *       │                                                          └─────────────┘
 *       │           401 / 403                                      ┌─────────────┐
 *       └────────────────────────────────────────────────────────▶ │ auth paused │ until `resume`
 *                                                                  └─────────────┘
 *
 * Every failure but a refused credential counts one more failure in a row and holds further
 * requests until a full-jitter backoff moment (never sooner than Envoke's Retry-After). An
 * answer clears the count. A reason to try now (the person asks, the network is back) drops our
 * own hold, but never a wait Envoke asked for.
 */
import type { ConnectionState } from '#contract/dto';
import { describeEnvokeError, isEnvokeError } from '../envoke';
import { backoffDelay } from './backoff';
import { failureKind } from './sync-errors';

export class ConnectionHealth {
  private offlineNow = false;
  private authPausedNow = false;
  /** Envoke answered, but not usefully (5xx, 429, unreadable, refused the query). */
  private troubledNow = false;
  private lastErrorNow: string | null = null;
  private failuresInRow = 0;
  private holdUntilNow = 0;
  private holdIsRateLimit = false;

  /** `random` draws the backoff's jitter; injectable so tests know every delay. */
  constructor(private readonly random: () => number) {}

  get offline(): boolean {
    return this.offlineNow;
  }
  get authPaused(): boolean {
    return this.authPausedNow;
  }
  get troubled(): boolean {
    return this.troubledNow;
  }
  /** The last failure in a sentence for the status bar; null once Envoke answers. */
  get lastError(): string | null {
    return this.lastErrorNow;
  }
  get failures(): number {
    return this.failuresInRow;
  }
  /** No request before this moment (0: none held). */
  get holdUntil(): number {
    return this.holdUntilNow;
  }

  isHeld(now: number): boolean {
    return now < this.holdUntilNow;
  }

  /** The status bar's word for the connection; `busy` while a job talks to Envoke. */
  state(busy: boolean): ConnectionState {
    if (this.authPausedNow) return 'auth-required';
    if (busy) return 'syncing';
    if (this.offlineNow) return 'offline';
    return this.troubledNow ? 'error' : 'idle';
  }

  /** A request failed: count it, hold the next one (but for credentials), and say why. */
  failed(error: unknown, now: number): void {
    if (failureKind(error) !== 'auth') this.backOff(error, now);
    this.troubleSeen(error);
  }

  /** Counts a failure and sets when to try again; returns that moment. */
  backOff(error: unknown, now: number): number {
    this.failuresInRow += 1;
    const retryAfterMs = isEnvokeError(error) ? error.retryAfterMs : undefined;
    const at = now + backoffDelay(this.failuresInRow, this.random, retryAfterMs);
    this.holdUntilNow = Math.max(this.holdUntilNow, at);
    this.holdIsRateLimit = retryAfterMs !== undefined;
    return this.holdUntilNow;
  }

  /** What a failure says of the connection, without counting it (its backoff is set apart). */
  troubleSeen(error: unknown): void {
    this.lastErrorNow = describeEnvokeError(error);
    switch (failureKind(error)) {
      case 'offline':
        this.offlineNow = true;
        break;
      case 'auth':
        this.authPausedNow = true;
        break;
      default:
        this.troubledNow = true;
    }
  }

  /** A fault of ours, not Envoke's: held off like any failure, said in `sentence`. */
  faultOfOurs(error: unknown, sentence: string, now: number): void {
    this.backOff(error, now);
    this.troubledNow = true;
    this.lastErrorNow = sentence;
  }

  /** Envoke answered: reachable, and the credentials work. */
  connected(): void {
    this.offlineNow = false;
    this.authPausedNow = false;
    this.troubledNow = false;
    this.failuresInRow = 0;
    this.lastErrorNow = null;
  }

  /** The OS says the network is gone. Only a hint: the next request decides. */
  wentOffline(): void {
    this.offlineNow = true;
  }

  /** The person asks again after a refused credential. */
  resume(): void {
    this.authPausedNow = false;
  }

  /** A reason to try now: drop our own backoff, but never a wait Envoke asked for. */
  forgetBackoff(now: number): void {
    this.failuresInRow = 0;
    if (!this.holdIsRateLimit || this.holdUntilNow <= now) this.holdUntilNow = 0;
  }
}
