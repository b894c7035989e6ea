/**
 * Commands of saved views, queries, the pipeline and possible duplicates. Kept apart from the
 * list commands so each can change without the other; commands.ts merges them into the one map.
 */
import { z } from 'zod';
import { controlCharacterSentence, findControlCharacter } from './control-characters';
import { LeadIdSchema, LeadSummarySchema } from './dto';
import { QUERY_FIELDS, SORT_KEYS, tryParseQuery } from './lead-query';

/** A query in the lead query language; a wrong term is refused with the parser's sentence. */
export const QueryTextSchema = z
  .string()
  .trim()
  .max(1000, 'A query has at most 1,000 characters')
  .superRefine((text, ctx) => {
    const parsed = tryParseQuery(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error.message });
  });

/** A sort as `sort:` writes it: a key, `-` before it for descending. */
export const SortTextSchema = z
  .string()
  .regex(new RegExp(`^-?(${SORT_KEYS.join('|')})$`), `Sort by one of: ${SORT_KEYS.join(', ')}`);

export const ViewNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the view a name')
  .max(60, 'A view name has at most 60 characters')
  .superRefine((name, ctx) => {
    const control = findControlCharacter(name);
    if (control !== null)
      ctx.addIssue({
        code: 'custom',
        message: controlCharacterSentence('A view name', control.char, control.index),
      });
  });

export const SavedViewSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  query: z.string(),
  sort: z.string(),
  position: z.number().int().nonnegative(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** Where a page of a query ends: the last lead's sort value (text, or a rating's rank) and id. */
export const QueryCursorSchema = z
  .object({ key: z.union([z.string(), z.number()]), id: LeadIdSchema })
  .strict();
export type QueryCursor = z.infer<typeof QueryCursorSchema>;

/** A count that stopped at its cap: past it, the sidebar shows "1,000+". */
export const CappedCountSchema = z.object({
  count: z.number().int().nonnegative(),
  capped: z.boolean(),
});
export type CappedCount = z.infer<typeof CappedCountSchema>;

export const PIPELINE_STEPS = ['new', 'passed', 'rated-good', 'opportunity', 'sale'] as const;
export type PipelineStepId = (typeof PIPELINE_STEPS)[number];

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Write dates as YYYY-MM-DD');

export const PipelineSchema = z.object({
  from: z.string(),
  to: z.string(),
  steps: z.array(
    z.object({
      id: z.enum(PIPELINE_STEPS),
      label: z.string(),
      count: z.number().int().nonnegative(),
      /** Share of the step before, 0..1; null for the first step or when the step before is 0. */
      rate: z.number().nonnegative().nullable(),
      /** The leads of this bar, as a query a view can open. */
      query: z.string(),
      /** Counts per week of the period, oldest first. */
      weekly: z.array(z.object({ week: z.string(), count: z.number().int().nonnegative() })),
    }),
  ),
  salespeople: z.array(z.string()),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

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

/** The most a count reads before it stops: exact for any view a person works through. */
export const QUERY_COUNT_CAP_MAX = 100_000;

const ok = z.object({ ok: z.literal(true) });
const none = z.object({}).strict();

export const viewCommands = {
  /** Every lead id of a query in its order (for the virtual list and export). */
  'query:ids': {
    input: z
      .object({
        query: QueryTextSchema,
        sort: SortTextSchema.optional(),
        search: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  /**
   * A page of a query's ids in its sort, by keyset: the list reads the ids it shows and the next
   * page as the person nears their end, never the whole view at once. `next` is the sort value
   * and id of the page's last lead, or null at the end.
   */
  'query:id-page': {
    input: z
      .object({
        query: QueryTextSchema,
        sort: SortTextSchema.optional(),
        search: z.string().trim().max(200).optional(),
        after: QueryCursorSchema.optional(),
        limit: z.number().int().min(1).max(5_000).default(1_000),
      })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema), next: QueryCursorSchema.nullable() }),
  },
  /**
   * How many leads a query has (with the list's search words, if any), capped: at 1,000 unless
   * `cap` asks for more (the query bar says the exact number a pipeline bar says).
   */
  'query:count': {
    input: z
      .object({
        query: QueryTextSchema,
        search: z.string().trim().max(200).optional(),
        cap: z.number().int().min(1).max(QUERY_COUNT_CAP_MAX).optional(),
      })
      .strict(),
    output: CappedCountSchema,
  },
  /** Values on this laptop of a text field, for completion. */
  'query:values': {
    input: z
      .object({
        field: z.enum(QUERY_FIELDS as [string, ...string[]]),
        prefix: z.string().max(100).default(''),
      })
      .strict(),
    output: z.object({ values: z.array(z.string()) }),
  },
  'views:list': { input: none, output: z.object({ views: z.array(SavedViewSchema) }) },
  'views:save': {
    input: z
      .object({ name: ViewNameSchema, query: QueryTextSchema, sort: SortTextSchema.optional() })
      .strict(),
    output: SavedViewSchema,
  },
  'views:rename': {
    input: z.object({ id: z.number().int().positive(), name: ViewNameSchema }).strict(),
    output: SavedViewSchema,
  },
  /** Moves a view to `position` (0 is first); the others close up around it. */
  'views:move': {
    input: z
      .object({ id: z.number().int().positive(), position: z.number().int().nonnegative() })
      .strict(),
    output: z.object({ views: z.array(SavedViewSchema) }),
  },
  'views:delete': { input: z.object({ id: z.number().int().positive() }).strict(), output: ok },
  /** Each saved view's count, capped (an exact count of a broad query at 1M leads is slow). */
  'views:counts': {
    input: none,
    output: z.object({ counts: z.record(z.string(), CappedCountSchema) }),
  },
  'pipeline:get': {
    input: z
      .object({
        from: DaySchema,
        /** Inclusive. */
        to: DaySchema,
        salesperson: z.string().trim().max(100).optional(),
      })
      .strict()
      .refine((input) => input.from <= input.to, 'The period ends before it starts'),
    output: PipelineSchema,
  },
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
