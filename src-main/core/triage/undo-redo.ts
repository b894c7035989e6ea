/**
 * `history:undo` and `history:redo`. Reversing an action goes through the same edit path as the
 * action itself, so an unsent change simply shrinks or cancels its outbox row, and a change Envoke
 * already has gets a reversing change queued. A field someone changed since the action (a later
 * action, a conflict resolution) is left alone: undo never overwrites newer work.
 */
import type { CommandOutput } from '#contract/commands';
import { isEnumField, type TriageField } from '#contract/lead';
import { announce, type CoreContext } from '../core-context';
import { field, type FieldValues } from '../tables/lead-record';
import type { HistoryEntry } from '../tables/history-table';
import { entriesOf } from './coalesce';
import { describeChange } from './field-labels';
import { applyLocalEdit } from './local-edit';
import { describeReplay, type ReplayDirection, type ReplayedLead } from './replay-label';

type Direction = ReplayDirection;

function replay(context: CoreContext, entry: HistoryEntry, direction: Direction): ReplayedLead[] {
  const { store } = context;
  const now = context.clock.now();
  const touched: ReplayedLead[] = [];
  for (const change of entry.changes) {
    if (!store.leads.has(change.leadId)) continue;
    const [from, to] =
      direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
    const { before, after, rowId } = applyLocalEdit(
      store,
      change.leadId,
      (local) => {
        const values: FieldValues = {};
        for (const [name, value] of entriesOf(to)) {
          // A status can be changed but not unset (Envoke refuses ""): a lead created here and
          // then given Envoke's default keeps it rather than going back to "no status".
          if (value === '' && isEnumField(name)) continue;
          if (field(local, name) === from[name]) values[name] = value;
        }
        return values;
      },
      now,
      direction === 'undo' ? 'undone' : 'replaced by a later change',
    );
    if (Object.keys(after).length === 0) continue;
    touched.push({ leadId: change.leadId, values: after });
    for (const [name, value] of entriesOf(after)) {
      store.activity.add(
        change.leadId,
        direction,
        describeChange(name, before[name] ?? '', value),
        now,
        rowId === null ? undefined : { outboxId: rowId, field: name },
      );
    }
  }
  store.history.markUndone(entry.id, direction === 'undo');
  return touched;
}

/** What undo and redo did: the label and the leads they reached. */
export type ReplayOutcome = Omit<CommandOutput<'history:undo'>, 'paint'>;

function step(context: CoreContext, direction: Direction, origin?: string): ReplayOutcome {
  const { store } = context;
  const result = store.transaction(() => {
    const entry = direction === 'undo' ? store.history.nextUndo() : store.history.nextRedo();
    if (entry === undefined) return { label: null, leadIds: [] };
    const replayed = replay(context, entry, direction);
    const fields = [...new Set(entry.changes.flatMap((change) => Object.keys(change.after)))];
    return {
      label: describeReplay(direction, replayed, fields as TriageField[]),
      leadIds: replayed.map((lead) => lead.leadId),
    };
  });
  announce(context, result.leadIds, origin);
  return result;
}

/** `origin` names the window that asked (see announce). */
export function undo(context: CoreContext, origin?: string): ReplayOutcome {
  return step(context, 'undo', origin);
}

export function redo(context: CoreContext, origin?: string): ReplayOutcome {
  return step(context, 'redo', origin);
}
