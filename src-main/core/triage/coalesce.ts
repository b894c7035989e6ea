/**
 * How the person's changes fold into the outbox. Unsent edits to one lead share one row whose
 * `base` keeps what the person saw before the first of them: setting a field back to that value
 * takes it out of the row, and a row left with nothing is cancelled. A conflicted field the person
 * edits again counts as resolved by the new value, decided with Envoke's value in view.
 */
import type { TriageField } from '#contract/lead';
import type { FieldValues } from '../tables/lead-record';
import type { OutboxRow } from '../tables/outbox-table';

export function entriesOf(values: FieldValues): [TriageField, string][] {
  return Object.entries(values) as [TriageField, string][];
}

/**
 * The row new edits of a lead may join: its newest open row, unless that one is on its way to
 * Envoke or may already have arrived (then edits start a new row, sent after it).
 */
export function mergeTarget(open: readonly OutboxRow[]): OutboxRow | undefined {
  const newest = open[open.length - 1];
  if (newest === undefined || newest.state === 'sending' || newest.outcomeUnknown) return undefined;
  return newest;
}

export interface FieldSides {
  /** What the person sees now. */
  local: string;
  /** Envoke's value as last read ("" for a lead Envoke does not have). */
  server: string;
}

/** Folds one field change into `row` (mutated). */
export function mergeField(
  row: OutboxRow,
  field: TriageField,
  value: string,
  sides: FieldSides,
): void {
  if (row.kind === 'create') {
    // A new lead starts blank; only fields with a value need sending.
    if (value === '') delete row.fields[field];
    else row.fields[field] = value;
    return;
  }
  const conflictAt = row.conflicts.findIndex((conflict) => conflict.field === field);
  if (conflictAt >= 0) {
    row.conflicts.splice(conflictAt, 1);
    row.base[field] = sides.server;
  } else if (!(field in row.fields)) {
    row.base[field] = sides.local;
  }
  if (value === row.base[field]) {
    delete row.fields[field];
    delete row.base[field];
  } else {
    row.fields[field] = value;
  }
}

/** The row's state after the person changed it: it waits for Envoke again unless nothing is left. */
export function settle(row: OutboxRow, now: number): void {
  const fieldCount = Object.keys(row.fields).length;
  if (row.kind === 'update' && fieldCount === 0) {
    row.state = 'cancelled';
  } else if (row.conflicts.length > 0 && row.conflicts.length === fieldCount) {
    row.state = 'conflict';
  } else {
    row.state = 'pending';
    row.nextAttemptAt = Math.min(row.nextAttemptAt, now);
    row.lastReason = null;
    row.lastError = null;
  }
  row.updatedAt = now;
}
