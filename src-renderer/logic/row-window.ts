/**
 * Rows are fetched by window: only the ids on screen (plus a margin) are asked for, in batches the
 * contract accepts, and the cache is trimmed to what is near the screen so scrolling through
 * 100,000 leads never holds them all.
 */
import type { LeadSummary } from '#contract';

/** The most ids one `leads:rows` call takes (the contract's limit). */
export const ROWS_BATCH = 500;

/** Ids in the window that are neither cached nor already being fetched, in batches. */
export function idsToFetch(
  windowIds: readonly number[],
  cached: Readonly<Record<number, unknown>>,
  inFlight: ReadonlySet<number>,
  batch = ROWS_BATCH,
): number[][] {
  const wanted = windowIds.filter((id) => cached[id] === undefined && !inFlight.has(id));
  const batches: number[][] = [];
  for (let i = 0; i < wanted.length; i += batch) batches.push(wanted.slice(i, i + batch));
  return batches;
}

/**
 * Adds fetched rows to the cache. When the cache grows past `cap`, rows outside `keep` (the ids
 * near the screen) are dropped; they are fetched again if the person scrolls back.
 */
export function mergeRows(
  cached: Readonly<Record<number, LeadSummary>>,
  rows: readonly LeadSummary[],
  keep: ReadonlySet<number>,
  cap: number,
): Record<number, LeadSummary> {
  const next: Record<number, LeadSummary> = { ...cached };
  for (const row of rows) next[row.id] = row;
  const ids = Object.keys(next);
  if (ids.length <= cap) return next;
  const trimmed: Record<number, LeadSummary> = {};
  for (const row of rows) trimmed[row.id] = row;
  for (const id of keep) {
    const row = next[id];
    if (row) trimmed[id] = row;
  }
  return trimmed;
}

/** The ids from `start` to `end` (inclusive) widened by `margin` on both sides. */
export function windowAround(
  ids: readonly number[],
  start: number,
  end: number,
  margin: number,
): number[] {
  return ids.slice(Math.max(0, start - margin), Math.min(ids.length, end + margin + 1));
}
