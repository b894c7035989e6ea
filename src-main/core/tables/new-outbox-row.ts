/**
 * A fresh outbox row: pending, never tried, due now. Every change a person makes starts as one
 * (a new lead's create, the first edit of a lead with no open row), so the fourteen columns are
 * filled in one place and a new column gets its starting value here once.
 */
import type { FieldValues } from './lead-record';
import type { OutboxKind, OutboxRow } from './outbox-table';

export interface NewOutboxRow {
  leadId: number;
  kind: OutboxKind;
  /** The person's values to send. */
  fields: FieldValues;
  /** For an update, what the person saw before changing each field; empty for a create. */
  base: FieldValues;
  now: number;
}

export function newOutboxRow({
  leadId,
  kind,
  fields,
  base,
  now,
}: NewOutboxRow): Omit<OutboxRow, 'id'> {
  return {
    leadId,
    kind,
    fields,
    base,
    conflicts: [],
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    outcomeUnknown: false,
    lastReason: null,
    lastError: null,
    actionId: null,
    createdAt: now,
    updatedAt: now,
  };
}
