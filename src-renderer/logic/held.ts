/**
 * Leads held in place. A lead the person's own key changed stays where it is in the list until the
 * cursor moves off it, even when the change took it out of the view ("Marketing: new", then `3`:
 * Passed to sales). So the next key still acts on the lead it was meant for: status then rating
 * rates the lead just passed, never the one that slid up into its place. These are the pure rules
 * of where held leads stand and where the cursor lands once they go.
 */
import type { LeadSummary, TriageField } from '#contract';

/** Lead id -> the fields the person changed on it since the cursor last moved. */
export type Held = Readonly<Record<number, readonly TriageField[]>>;

/** Adds a change's fields to the leads it was made on. */
export function holdLeads(
  held: Held,
  ids: readonly number[],
  fields: readonly TriageField[],
): Held {
  const next: Record<number, readonly TriageField[]> = { ...held };
  for (const id of ids) next[id] = [...new Set([...(held[id] ?? []), ...fields])];
  return next;
}

/**
 * The view's new ids with the held leads it no longer has put back where they stood in the list
 * shown before: each right after the nearest lead above it that is still listed (or first).
 * Returns `members` itself when no held lead is missing.
 */
export function keepHeldInPlace(
  shown: readonly number[],
  members: readonly number[],
  held: ReadonlySet<number>,
): readonly number[] {
  const listed = new Set(members);
  const missing = [...held].filter((id) => !listed.has(id) && shown.includes(id));
  if (missing.length === 0) return members;
  const missingSet = new Set(missing);
  // Each missing lead hangs after the nearest listed lead above it; null: at the top.
  const after = new Map<number | null, number[]>();
  let anchor: number | null = null;
  for (const id of shown) {
    if (missingSet.has(id)) {
      const group = after.get(anchor) ?? [];
      group.push(id);
      after.set(anchor, group);
    } else if (listed.has(id)) {
      anchor = id;
    }
  }
  const merged: number[] = [...(after.get(null) ?? [])];
  for (const id of members) merged.push(id, ...(after.get(id) ?? []));
  return merged;
}

/**
 * Where the cursor lands when it moves from `from` towards `to` while the leads in `gone` leave the
 * list: the first lead at or past `to` in the direction of the move that stays, else the nearest
 * one behind it. Returns the index in the list without `gone`, or 0 when nothing stays.
 */
export function landingIndex(
  ids: readonly number[],
  from: number,
  to: number,
  gone: ReadonlySet<number>,
): number {
  const step = to < from ? -1 : 1;
  let landing = to;
  while (landing >= 0 && landing < ids.length && gone.has(ids[landing]!)) landing += step;
  if (landing < 0 || landing >= ids.length) {
    landing = to;
    while (landing >= 0 && landing < ids.length && gone.has(ids[landing]!)) landing -= step;
  }
  const target = ids[landing];
  if (target === undefined) return 0;
  let index = 0;
  for (let i = 0; i < landing; i++) if (!gone.has(ids[i]!)) index++;
  return index;
}

const STATUS_FIELDS: readonly TriageField[] = ['marketing_rating_status', 'sales_rating_status'];

/**
 * "moved to Passed to sales": where a held lead went, in the words of the field that most likely
 * took it out of the view (a status before anything else).
 */
export function movedLabel(row: LeadSummary | undefined, fields: readonly TriageField[]): string {
  const ordered = [
    ...STATUS_FIELDS.filter((field) => fields.includes(field)),
    ...fields.filter((field) => !STATUS_FIELDS.includes(field)),
  ];
  const values = (row ?? {}) as Partial<Record<string, unknown>>;
  for (const field of ordered) {
    const value = values[field];
    if (typeof value === 'string' && value !== '') return `moved to ${value}`;
  }
  return 'moved out of this view';
}
