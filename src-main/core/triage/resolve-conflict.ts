/**
 * `conflicts:resolve`: the person decides one field both sides changed. "mine" sends their value
 * (the three-way check now takes Envoke's current value as the base, so it goes through);
 * "theirs" drops their change and the lead shows Envoke's value.
 */
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { CommandError } from '#contract/errors';
import { announce, type CoreContext } from '../core-context';
import { field } from '../tables/lead-record';
import { serverBase } from '../tables/store';
import { settle } from './coalesce';
import { FIELD_LABELS } from '#contract/lead';

export function resolveConflict(
  context: CoreContext,
  input: CommandArgs<'conflicts:resolve'>,
): CommandOutput<'conflicts:resolve'> {
  const { store } = context;
  const now = context.clock.now();
  const name = input.field;

  store.transaction(() => {
    const lead = store.leads.get(input.leadId);
    if (lead === undefined)
      throw new CommandError('not-found', `Lead ${input.leadId} does not exist.`);
    const rows = store.outbox
      .openForLead(input.leadId)
      .filter((row) => row.conflicts.some((conflict) => conflict.field === name));
    if (rows.length === 0) {
      throw new CommandError(
        'not-found',
        `${FIELD_LABELS[name]} of this lead is not in conflict (any more).`,
      );
    }
    if (rows.some((row) => row.state === 'sending')) {
      throw new CommandError(
        'invalid-input',
        'This lead is being sent to Envoke right now; try again in a moment.',
      );
    }
    const theirs = field(serverBase(lead), name);
    const keeper = input.choice === 'mine' ? rows[rows.length - 1] : undefined;
    for (const row of rows) {
      row.conflicts = row.conflicts.filter((conflict) => conflict.field !== name);
      if (row === keeper) {
        row.base[name] = theirs;
      } else {
        // Theirs, or an older row's value superseded by the newest "mine".
        delete row.fields[name];
        delete row.base[name];
      }
      settle(row, now);
      store.outbox.save(row);
    }
    const decided = input.choice === 'mine' ? 'kept this computer’s value' : 'took Envoke’s value';
    store.activity.add(input.leadId, 'resolved', `${FIELD_LABELS[name]}: ${decided}`, now);
    store.refreshLead(input.leadId, now);
  });

  announce(context, [input.leadId]);
  return { ok: true };
}
