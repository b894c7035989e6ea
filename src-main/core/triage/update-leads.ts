/**
 * `leads:update`: one action of the person on one or many leads. The local copies, their outbox
 * rows, the undo entry and the activity log are written in ONE transaction; the answer comes only
 * after it committed, so an acknowledged change survives a crash.
 */
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { CommandError } from '#contract/errors';
import type { TriageField } from '#contract/lead';
import { announce, type CoreContext } from '../core-context';
import type { FieldValues } from '../tables/lead-record';
import type { LeadChange } from '../tables/history-table';
import { entriesOf } from './coalesce';
import { describeChange, describeSet } from './field-labels';
import { applyLocalEdit } from './local-edit';

export function actionLabel(values: FieldValues, leadCount: number): string {
  const what = entriesOf(values)
    .map(([name, value]) => describeSet(name, value))
    .join(', ');
  return leadCount === 1 ? what : `${what} (${leadCount} leads)`;
}

/** What `updateLeads` did: the command's answer, and the leads it changed. */
export type UpdateOutcome = Omit<CommandOutput<'leads:update'>, 'paint'> & { leadIds: number[] };

export function updateLeads(
  context: CoreContext,
  input: CommandArgs<'leads:update'>,
): UpdateOutcome {
  // Parsed at the gate: field names checked, enum spellings canonical, money in Envoke's form.
  const values: FieldValues = input.patch;
  const ids = [...new Set(input.ids)];
  const { store, clock } = context;
  const now = clock.now();

  const result = store.transaction(() => {
    const missing = store.leads.missing(ids);
    if (missing.length > 0) {
      throw new CommandError(
        'not-found',
        `No lead with id ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}.`,
      );
    }
    const changes: LeadChange[] = [];
    const openedRows: number[] = [];
    for (const leadId of ids) {
      const { before, after, openedRow, rowId } = applyLocalEdit(store, leadId, () => values, now);
      if (openedRow !== null) openedRows.push(openedRow);
      if (Object.keys(after).length === 0) continue;
      changes.push({ leadId, before, after });
      for (const [name, value] of entriesOf(after)) {
        store.activity.add(
          leadId,
          'edit',
          describeChange(name as TriageField, before[name] ?? '', value),
          now,
          rowId === null ? undefined : { outboxId: rowId, field: name },
        );
      }
    }
    if (changes.length === 0) return { actionId: null, changed: 0, leadIds: [] as number[] };
    const actionId = store.history.record(actionLabel(values, changes.length), changes, now);
    store.outbox.setAction(openedRows, actionId);
    return { actionId, changed: changes.length, leadIds: changes.map((change) => change.leadId) };
  });

  announce(context, result.leadIds, input.origin);
  return result;
}
