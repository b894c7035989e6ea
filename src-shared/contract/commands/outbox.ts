/**
 * The outbox's commands: the changes waiting to reach Envoke, and what the person does with one
 * that failed or met a colleague's change (retry, edit, discard, settle a conflict).
 */
import { z } from 'zod';
import { LeadIdSchema, OutboxEntrySchema } from '../dto';
import { TRIAGE_FIELDS, TriagePatchSchema } from '../lead';
import { ok } from './common';

const outboxRow = z.object({ id: z.number().int().positive() }).strict();

export const outboxCommands = {
  'outbox:list': {
    input: z.object({ includeDone: z.boolean().default(false) }).strict(),
    output: z.object({ entries: z.array(OutboxEntrySchema) }),
  },
  'outbox:retry': { input: outboxRow, output: ok },
  'outbox:discard': { input: outboxRow, output: ok },
  /** Change the values of a failed change before retrying it. */
  'outbox:edit': {
    input: z.object({ id: z.number().int().positive(), patch: TriagePatchSchema }).strict(),
    output: ok,
  },
  'conflicts:resolve': {
    input: z
      .object({
        leadId: LeadIdSchema,
        field: z.enum(TRIAGE_FIELDS),
        choice: z.enum(['mine', 'theirs']),
      })
      .strict(),
    output: ok,
  },
} as const;
