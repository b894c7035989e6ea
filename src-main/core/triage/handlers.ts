/**
 * The commands answered by a person's changes: updating and creating leads, undo and redo, the
 * outbox's commands and settling a conflict. A change made from a window answers with what that
 * window paints (contract: change-answer.ts), read back by reads/change-paint.ts.
 */
import type { ChangeAnswer, Shown } from '#contract/change-answer';
import type { HistoryCommandName, OutboxCommandName } from '#contract/commands';
import type { CoreContext, HandlerMap } from '../core-context';
import type { ChangePaint } from '../reads/change-paint';
import { createLead } from './create-lead';
import { discardChange, editChange, listOutbox, retryChange } from './outbox-commands';
import { resolveConflict } from './resolve-conflict';
import { redo, undo } from './undo-redo';
import { updateLeads } from './update-leads';

export type LeadChangeCommandName = 'leads:update' | 'leads:create';
export type TriageCommandName = LeadChangeCommandName | HistoryCommandName | OutboxCommandName;

/**
 * A change's answer with what the window that made it paints. The change is made whatever happens
 * here: should reading it back fail, the window reads it itself.
 */
function paintedBy(context: CoreContext, changePaint: ChangePaint) {
  return <T extends { leadIds: number[] }>(
    outcome: T,
    shown: Shown | undefined,
  ): T & { paint?: ChangeAnswer } => {
    try {
      const paint = changePaint.answer(outcome.leadIds, shown);
      return paint === undefined ? outcome : { ...outcome, paint };
    } catch (error) {
      context.logger.warn('Could not read back a change for its answer', { error: String(error) });
      return outcome;
    }
  };
}

export function leadChangeHandlers(
  context: CoreContext,
  changePaint: ChangePaint,
): HandlerMap<LeadChangeCommandName> {
  const painted = paintedBy(context, changePaint);
  return {
    'leads:update': (input) => {
      const { leadIds: _changed, ...answer } = painted(updateLeads(context, input), input.shown);
      return answer;
    },
    'leads:create': (input) => createLead(context, input),
  };
}

export function historyHandlers(
  context: CoreContext,
  changePaint: ChangePaint,
): HandlerMap<HistoryCommandName> {
  const painted = paintedBy(context, changePaint);
  return {
    'history:undo': (input) => painted(undo(context, input.origin), input.shown),
    'history:next': () => {
      const entry = context.store.history.nextUndo();
      return {
        undo:
          entry === undefined
            ? null
            : { label: entry.label, at: new Date(entry.createdAt).toISOString() },
      };
    },
    'history:redo': (input) => painted(redo(context, input.origin), input.shown),
  };
}

export function outboxHandlers(context: CoreContext): HandlerMap<OutboxCommandName> {
  return {
    'outbox:list': (input) => listOutbox(context, input),
    'outbox:retry': (input) => retryChange(context, input),
    'outbox:discard': (input) => discardChange(context, input),
    'outbox:edit': (input) => editChange(context, input),
    'conflicts:resolve': (input) => resolveConflict(context, input),
  };
}

/** Every command a person's changes answer. */
export function triageHandlers(
  context: CoreContext,
  changePaint: ChangePaint,
): HandlerMap<TriageCommandName> {
  return {
    ...leadChangeHandlers(context, changePaint),
    ...historyHandlers(context, changePaint),
    ...outboxHandlers(context),
  };
}
