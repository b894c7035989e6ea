/**
 * The one path by which a person's value reaches a lead: the local copy, the outbox row and the
 * search index change together. Callers wrap it in their transaction with history and activity.
 */
import type { TriageField } from '../../../src-preload/contract/lead';
import { CommandError } from '../../../src-preload/contract/errors';
import { field, type FieldValues, type LeadRecord } from '../store/lead-record';
import { localRecord } from '../store/lead-table';
import { serverBase, type Store } from '../store/store';
import { entriesOf, mergeField, mergeTarget, settle } from './coalesce';

export interface AppliedEdit {
  before: FieldValues;
  after: FieldValues;
  /** The outbox row this edit started, when it did not join an existing one. */
  openedRow: number | null;
}

export function readLocal(store: Store, leadId: number): { local: LeadRecord; server: LeadRecord } {
  const row = store.leads.get(leadId);
  if (row === undefined) throw new CommandError('not-found', `Lead ${leadId} does not exist.`);
  return { local: localRecord(row), server: serverBase(row) };
}

/** Applies `values` to one lead; returns the fields that really changed. */
export function applyLocalEdit(
  store: Store,
  leadId: number,
  values: FieldValues,
  now: number,
): AppliedEdit {
  const { local, server } = readLocal(store, leadId);
  const before: FieldValues = {};
  const after: FieldValues = {};
  for (const [name, value] of entriesOf(values)) {
    if (field(local, name) !== value) {
      before[name] = field(local, name);
      after[name] = value;
    }
  }
  const changed = Object.keys(after) as TriageField[];
  if (changed.length === 0) return { before, after, openedRow: null };

  let openedRow: number | null = null;
  const target = mergeTarget(store.outbox.openForLead(leadId));
  if (target === undefined) {
    openedRow = store.outbox.insert({
      leadId,
      kind: 'update',
      fields: after,
      base: before,
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
    });
  } else {
    for (const name of changed) {
      mergeField(target, name, after[name]!, { local: before[name]!, server: field(server, name) });
    }
    settle(target, now);
    store.outbox.save(target);
  }
  store.refreshLead(leadId, now);
  return { before, after, openedRow };
}
