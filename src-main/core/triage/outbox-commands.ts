/**
 * The person's hands on the outbox: list it, retry a change, edit a rejected change's values, or
 * discard a change (the lead shows Envoke's value again). A change on its way to Envoke at this
 * very moment cannot be touched; the answer says so and nothing is lost.
 */
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { CommandError } from '#contract/errors';
import { announce, type CoreContext } from '../core-context';
import { field, type FieldValues } from '../tables/lead-record';
import type { OutboxRow } from '../tables/outbox-table';
import type { Store } from '../tables/store';
import { entriesOf, mergeField, settle } from './coalesce';
import { describeChange } from './field-labels';
import { readLocal } from './local-edit';
import { toOutboxEntry } from './outbox-entries';

export function listOutbox(
  context: CoreContext,
  input: CommandArgs<'outbox:list'>,
): CommandOutput<'outbox:list'> {
  const { store } = context;
  const now = context.clock.now();
  const entries = store.outbox
    .list(input.includeDone)
    .map((row) => toOutboxEntry(row, store.leads.get(row.leadId), now));
  return { entries };
}

/** An open row the person may change now. */
function changeableRow(store: Store, id: number): OutboxRow {
  const row = store.outbox.get(id);
  if (row === undefined || row.state === 'done' || row.state === 'cancelled') {
    throw new CommandError('not-found', `Change ${id} is no longer waiting to be sent.`);
  }
  if (row.state === 'sending') {
    throw new CommandError(
      'busy',
      'This change is being sent to Envoke right now; try again in a moment.',
    );
  }
  return row;
}

export function retryChange(
  context: CoreContext,
  input: CommandArgs<'outbox:retry'>,
): CommandOutput<'outbox:retry'> {
  const { store } = context;
  const now = context.clock.now();
  const leadId = store.transaction(() => {
    const row = changeableRow(store, input.id);
    if (row.conflicts.length > 0 && row.conflicts.length === Object.keys(row.fields).length) {
      throw new CommandError(
        'invalid-input',
        'Choose mine or theirs for each conflicting field first.',
      );
    }
    row.state = 'pending';
    row.nextAttemptAt = now;
    row.lastReason = null;
    row.lastError = null;
    row.updatedAt = now;
    store.outbox.save(row);
    store.refreshLead(row.leadId, now);
    return row.leadId;
  });
  announce(context, [leadId]);
  return { ok: true };
}

export function editChange(
  context: CoreContext,
  input: CommandArgs<'outbox:edit'>,
): CommandOutput<'outbox:edit'> {
  const values: FieldValues = input.patch;
  const { store } = context;
  const now = context.clock.now();
  const leadId = store.transaction(() => {
    const row = changeableRow(store, input.id);
    const { local, server } = readLocal(store, row.leadId);
    for (const [name, value] of entriesOf(values)) {
      const was = row.fields[name] ?? field(local, name);
      if (was === value) continue;
      mergeField(row, name, value, { local: field(local, name), server: field(server, name) });
      store.activity.supersede(row.leadId, row.id, [name], 'replaced by a later change');
      store.activity.add(row.leadId, 'edit', describeChange(name, was, value), now, {
        outboxId: row.id,
        field: name,
      });
    }
    settle(row, now);
    store.outbox.save(row);
    store.refreshLead(row.leadId, now);
    return row.leadId;
  });
  announce(context, [leadId]);
  return { ok: true };
}

export function discardChange(
  context: CoreContext,
  input: CommandArgs<'outbox:discard'>,
): CommandOutput<'outbox:discard'> {
  const { store } = context;
  const now = context.clock.now();
  const leadId = store.transaction(() => {
    const row = changeableRow(store, input.id);
    const lead = store.leads.get(row.leadId);
    if (row.kind === 'create' && lead?.envoke_id === null) {
      // Envoke never had this lead: discarding its creation removes it, with any later edits.
      store.outbox.deleteAllForLead(row.leadId);
      store.leads.delete(row.leadId);
      return row.leadId;
    }
    row.state = 'cancelled';
    row.updatedAt = now;
    store.outbox.save(row);
    const what = entriesOf(row.fields).map(([name, value]) =>
      describeChange(name, value, '(Envoke’s value)'),
    );
    store.activity.add(row.leadId, 'discarded', `Discarded: ${what.join('; ')}`, now);
    store.refreshLead(row.leadId, now);
    return row.leadId;
  });
  announce(context, [leadId]);
  return { ok: true };
}
