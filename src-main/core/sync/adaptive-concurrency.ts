/**
 * How many list requests a full pull keeps in flight, learned from Envoke's answers. Envoke
 * documents no rate limit (envoke-lead-api.md §4), so the pull starts gently and finds out, the
 * way TCP finds a link's capacity:
 *
 *   - start at START requests;
 *   - every clean answer that came back fast adds one (the limit doubles each round trip) up to
 *     a threshold, then one per round trip of clean answers, up to MAX;
 *   - a slow answer (well over the fastest seen) adds nothing: Envoke is busy, more would queue;
 *   - a refusal (429, 5xx, a timeout, a dropped connection) halves the limit, once per burst:
 *     requests sent before the halving that fail too are the same burst, not a new signal;
 *     the threshold drops to the halved limit, so growth after it is one per round trip.
 *
 * Plain state: latencies are passed in, nothing here waits (test/core/adaptive-concurrency.test.ts).
 */
export const START_IN_FLIGHT = 2;
/**
 * A ceiling however well Envoke answers: enough to hide a 100-200 ms link behind the writer,
 * few enough that one laptop stays a modest client of an API with no documented limit.
 */
export const MAX_IN_FLIGHT = 16;
/** An answer this many times the fastest (plus SLOW_MARGIN_MS) counts as slow. */
const SLOW_FACTOR = 3;
/**
 * An answer is timed when this thread reads it, so a page write holding the thread (a quarter
 * of a second at most) or a loaded laptop shows up in it: that is not a slow Envoke.
 */
const SLOW_MARGIN_MS = 250;

export interface ConcurrencyLimits {
  start?: number;
  max?: number;
}

export class AdaptiveConcurrency {
  private current: number;
  private readonly max: number;
  private threshold: number;
  private fastest = Number.POSITIVE_INFINITY;
  /** Clean answers counted towards the next step above the threshold. */
  private credit = 0;
  private halvings = 0;

  constructor(limits: ConcurrencyLimits = {}) {
    this.max = Math.max(1, limits.max ?? MAX_IN_FLIGHT);
    this.current = Math.min(this.max, Math.max(1, limits.start ?? START_IN_FLIGHT));
    this.threshold = this.max;
  }

  /** Requests that may be in flight now. */
  get limit(): number {
    return this.current;
  }

  /**
   * Which burst a request belongs to: take it when sending, give it back to `refused`, so
   * requests already in flight when the limit was halved do not halve it again.
   */
  get epoch(): number {
    return this.halvings;
  }

  /** A clean answer after `latencyMs`. */
  answered(latencyMs: number): void {
    this.fastest = Math.min(this.fastest, latencyMs);
    if (latencyMs > this.fastest * SLOW_FACTOR + SLOW_MARGIN_MS) return;
    if (this.current >= this.max) return;
    if (this.current < this.threshold) {
      this.current += 1;
      return;
    }
    this.credit += 1;
    if (this.credit >= this.current) {
      this.credit = 0;
      this.current += 1;
    }
  }

  /**
   * A request sent in `sentInEpoch` was refused. Returns true when this refusal is news (the
   * limit was halved for it), false when it belongs to a burst already answered.
   */
  refused(sentInEpoch: number): boolean {
    if (sentInEpoch !== this.halvings) return false;
    this.halvings += 1;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.threshold = this.current;
    this.credit = 0;
    return true;
  }
}
