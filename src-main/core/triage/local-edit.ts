/**
 * The one path by which a person's value reaches a lead: the local copy, the outbox row and the
 * search index change together. Callers wrap it in their transaction with history and activity.
 * Each lead is read once: a bulk action over thousands of leads stays quick.
 */
import type { TriageField } from '#contract/lead';
import { CommandError } from '#contract/errors';
import { field, type FieldValues, type LeadRecord } from '../tables/lead-record';
import type { LeadRow } from '../tables/lead-row';
import { newOutboxRow } from '../tables/new-outbox-row';
import type { OutboxRow } from '../tables/outbox-table';
import { serverBase, type Store } from '../tables/store';
import { entriesOf, mergeField, mergeTarget, settle } from './coalesce';

export interface AppliedEdit {
  before: FieldValues;
  after: FieldValues;
  /** The outbox row this edit started, when it did not join an existing one. */
  openedRow: number | null;
  /** The outbox row that holds this edit (null when nothing changed). */
  rowId: number | null;
}

interface ReadLead {
  row: LeadRow;
  /** What the person sees. */
  local: LeadRecord;
  /** Envoke's copy (blank triage fields for a lead Envoke does not have yet). */
  server: LeadRecord;
}

export function readLocal(store: Store, leadId: number): ReadLead {
  const row = store.leads.get(leadId);
  if (row === undefined) throw new CommandError('not-found', `Lead ${leadId} does not exist.`);
  const server = serverBase(row);
  // Most leads have no local changes: then what the person sees is Envoke's copy itself.
  const local = row.local_json === null ? server : (JSON.parse(row.local_json) as LeadRecord);
  return { row, local, server };
}

/**
 * Applies to one lead the values `decide` picks from what the person sees now; returns the
 * fields that really changed.
 */
export function applyLocalEdit(
  store: Store,
  leadId: number,
  decide: (local: LeadRecord) => FieldValues,
  now: number,
  supersededAs = 'replaced by a later change',
): AppliedEdit {
  const { row, local, server } = readLocal(store, leadId);
  const before: FieldValues = {};
  const after: FieldValues = {};
  for (const [name, value] of entriesOf(decide(local))) {
    if (field(local, name) !== value) {
      before[name] = field(local, name);
      after[name] = value;
    }
  }
  const changed = Object.keys(after) as TriageField[];
  if (changed.length === 0) return { before, after, openedRow: null, rowId: null };

  let openedRow: number | null = null;
  let open: OutboxRow[] = store.outbox.openForLead(leadId);
  const target = mergeTarget(open);
  let rowId: number;
  if (target === undefined) {
    const added = newOutboxRow({ leadId, kind: 'update', fields: after, base: before, now });
    openedRow = store.outbox.insert(added);
    rowId = openedRow;
    open = [...open, { ...added, id: openedRow }];
  } else {
    for (const name of changed) {
      mergeField(target, name, after[name]!, { local: before[name]!, server: field(server, name) });
    }
    settle(target, now);
    store.outbox.save(target);
    rowId = target.id;
    open = open.filter((entry) => entry.state !== 'cancelled');
  }
  // Earlier values of these fields in the same row will never reach Envoke; their activity
  // entries say so before the lead's entries follow the outbox.
  store.activity.supersede(leadId, rowId, changed, supersededAs);
  store.refreshLead(leadId, now, { row, open, server, previous: local });
  return { before, after, openedRow, rowId };
}
