/** The commands of possible duplicates: pairs page by page, the list's flag, and dismissing a pair. */
import { z } from 'zod';
import { LeadIdSchema, LeadSummarySchema } from '../dto';
import { ok } from './common';

export const DuplicatePairSchema = z.object({
  reason: z.enum(['email', 'name-company']),
  a: LeadSummarySchema,
  b: LeadSummarySchema,
});
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;

/**
 * Where a page of possible duplicates ends: pairs come by email (in any case), then by name and
 * company, each in that order and then by the two leads' ids.
 */
export const DuplicateCursorSchema = z
  .object({
    reason: z.enum(['email', 'name-company']),
    /** The email, or the name and the company, of the page's last pair. */
    key: z.array(z.string().max(1_000)).min(1).max(2),
    a: LeadIdSchema,
    b: LeadIdSchema,
  })
  .strict();
export type DuplicateCursor = z.infer<typeof DuplicateCursorSchema>;

export const duplicateCommands = {
  /** A page of possible duplicate pairs, by keyset: `next` reads on, null at the last pair. */
  'duplicates:pairs': {
    input: z
      .object({
        limit: z.number().int().min(1).max(500).default(200),
        after: DuplicateCursorSchema.optional(),
      })
      .strict(),
    output: z.object({
      pairs: z.array(DuplicatePairSchema),
      next: DuplicateCursorSchema.nullable(),
    }),
  },
  /** Which of these leads have a possible duplicate, for the list's flag. */
  'duplicates:among': {
    input: z.object({ ids: z.array(LeadIdSchema).max(500) }).strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  'duplicates:dismiss': {
    input: z
      .object({ a: LeadIdSchema, b: LeadIdSchema })
      .strict()
      .refine((p) => p.a !== p.b, 'A lead is not its own duplicate'),
    output: ok,
  },
} as const;
