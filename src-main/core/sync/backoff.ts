/**
 * How long to wait before trying Envoke again: full-jitter exponential backoff (a random delay
 * between 0 and base·2^failures, capped) so many laptops coming back online at once do not retry
 * in lockstep; never sooner than Envoke's own Retry-After.
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;
/** Even a lucky draw waits this long, so a failing request is never retried in a tight loop. */
const MIN_DELAY_MS = 250;

export function backoffDelay(
  failures: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  const jittered = Math.max(MIN_DELAY_MS, Math.floor(random() * ceiling));
  return Math.max(jittered, retryAfterMs ?? 0);
}
