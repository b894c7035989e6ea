/**
 * The commands of queries and saved views: a query's ids, pages and count, completion values, and
 * the saved views the sidebar lists (save, rename, move, delete, their counts).
 */
import { z } from 'zod';
import { controlCharacterSentence, findControlCharacter } from '../control-characters';
import { LeadIdSchema } from '../dto';
import { QUERY_FIELDS, SORT_KEYS, tryParseQuery } from '../lead-query';
import { none, ok, searchText } from './common';

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

/** The most a count reads before it stops: exact for any view a person works through. */
export const QUERY_COUNT_CAP_MAX = 100_000;

export const viewCommands = {
  /** Every lead id of a query in its order (for the virtual list and export). */
  'query:ids': {
    input: z
      .object({
        query: QueryTextSchema,
        sort: SortTextSchema.optional(),
        search: searchText,
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
        search: searchText,
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
        search: searchText,
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
} as const;
