/**
 * Optimistic paint. A change shows at once as an overlay on top of what the core last said, and the
 * overlay is lifted once the core has made the change durable and the rows are refetched (or when
 * the core refused it, which reverts the paint). Keeping the core's copy untouched means a late
 * answer for another change can never wipe out a change still on its way.
 */
import type { LeadSummary, TriageField } from '#contract';

export type FieldPatch = Partial<Record<TriageField, string>>;

export interface OverlayEntry {
  seq: number;
  patch: FieldPatch;
}

/** Lead id -> changes not yet acknowledged, oldest first. */
export type Overlay = Readonly<Record<number, readonly OverlayEntry[]>>;

export function addToOverlay(
  overlay: Overlay,
  seq: number,
  ids: readonly number[],
  patch: FieldPatch,
): Overlay {
  const next: Record<number, readonly OverlayEntry[]> = { ...overlay };
  for (const id of ids) next[id] = [...(overlay[id] ?? []), { seq, patch }];
  return next;
}

export function removeFromOverlay(overlay: Overlay, seq: number, ids: readonly number[]): Overlay {
  const next: Record<number, readonly OverlayEntry[]> = { ...overlay };
  for (const id of ids) {
    const kept = (overlay[id] ?? []).filter((entry) => entry.seq !== seq);
    if (kept.length > 0) next[id] = kept;
    else delete next[id];
  }
  return next;
}

/** The fields a list row shows; a patch to anything else (notes, money) leaves the row alone. */
const ROW_FIELDS = [
  'marketing_rating_status',
  'marketing_rating',
  'sales_rating_status',
  'sales_rating',
  'opportunity',
  'sale',
  'salesperson',
] as const satisfies readonly (TriageField & keyof LeadSummary)[];

function mergedPatch(entries: readonly OverlayEntry[]): FieldPatch {
  return Object.assign({}, ...entries.map((entry) => entry.patch)) as FieldPatch;
}

/** A row as the person should see it: the core's copy with unacknowledged changes on top. */
export function paintRow(
  row: LeadSummary,
  entries: readonly OverlayEntry[] | undefined,
): LeadSummary {
  if (!entries || entries.length === 0) return row;
  const patch = mergedPatch(entries);
  const painted: LeadSummary = {
    ...row,
    syncState: row.syncState === 'conflict' ? 'conflict' : 'pending',
  };
  for (const field of ROW_FIELDS) {
    const value = patch[field];
    if (value !== undefined) painted[field] = value;
  }
  return painted;
}

/** Every field of a lead as the person should see it. */
export function paintFields(
  fields: Readonly<Record<string, string>>,
  entries: readonly OverlayEntry[] | undefined,
): Record<string, string> {
  if (!entries || entries.length === 0) return { ...fields };
  return { ...fields, ...(mergedPatch(entries) as Record<string, string>) };
}
