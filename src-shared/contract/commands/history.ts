/** Undo and redo of the person's changes, and what undo would undo next. */
import { z } from 'zod';
import { ChangeAnswerSchema, changeContext } from '../change-answer';
import { UndoResultSchema } from '../dto';
import { none } from './common';

/** What undo and redo did, and what to paint when the caller said what it shows. */
const undoAnswer = UndoResultSchema.extend({ paint: ChangeAnswerSchema.optional() });

export const historyCommands = {
  /** Undo and redo answer as `leads:update` does: with what to paint, given what is shown. */
  'history:undo': { input: z.object(changeContext).strict(), output: undoAnswer },
  /** What undo would undo next, without undoing it: the app says so before reaching far back. */
  'history:next': {
    input: none,
    output: z.object({ undo: z.object({ label: z.string(), at: z.string() }).nullable() }),
  },
  'history:redo': { input: z.object(changeContext).strict(), output: undoAnswer },
} as const;
