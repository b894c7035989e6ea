/**
 * The lead list's commands: pages and windows of a built-in view (and its search), rows by id,
 * counts, one lead's detail, and the person's changes to leads (update, create). Undo and redo
 * are in history.ts.
 */
import { z } from 'zod';
import { ChangeAnswerSchema, changeContext, ViewCountsSchema } from '../change-answer';
import {
  LeadDetailSchema,
  LeadIdSchema,
  LeadSummarySchema,
  ListCursorSchema,
  ViewIdSchema,
} from '../dto';
import { EmailSchema } from '../email';
import { NewContactSchema, NewLeadFieldsSchema, TriagePatchSchema } from '../lead';
import { none, searchText as search } from './common';

export const leadCommands = {
  /** A page of a view in its order (newest first), by keyset. */
  'leads:list': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        after: ListCursorSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ rows: z.array(LeadSummarySchema), next: ListCursorSchema.nullable() }),
  },
  /**
   * Every lead id of a view in order. Cheap (ids only) and lets a virtual list place any row at
   * any index; rows themselves are then fetched by window with `leads:rows`.
   */
  'leads:ids': {
    input: z.object({ view: ViewIdSchema, search }).strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  /**
   * A page of a view's ids in order, by keyset: the list loads the ids it shows and the next
   * page as the person nears the end of them, never the whole view at once.
   */
  'leads:id-page': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        after: ListCursorSchema.optional(),
        limit: z.number().int().min(1).max(5_000).default(1_000),
      })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema), next: ListCursorSchema.nullable() }),
  },
  /**
   * Which of the given leads are in a view (and search), in the order asked: after the person
   * changes a few leads the list learns which left or joined it without reading the whole view.
   */
  'leads:membership': {
    input: z
      .object({ view: ViewIdSchema, search, ids: z.array(LeadIdSchema).max(10_000) })
      .strict(),
    output: z.object({ ids: z.array(LeadIdSchema) }),
  },
  /**
   * Where a lead stands in a view (and search): how many leads come before it, or null when it
   * is not in the view. Counted by keyset from the top, for a lead that just joined the list;
   * with `upTo`, at most that many (the answer is then `upTo` for a lead further down).
   */
  'leads:position': {
    input: z
      .object({
        view: ViewIdSchema,
        search,
        id: LeadIdSchema,
        /** Stop counting here: the list only needs the place of a lead among the ids it holds. */
        upTo: z.number().int().positive().optional(),
      })
      .strict(),
    output: z.object({ index: z.number().int().nonnegative().nullable() }),
  },
  /**
   * How many leads match a search outside the view searched, so the list can offer them
   * ("3 more in All leads"). Counted up to a cap: past it the answer is "at least".
   */
  'leads:search-elsewhere': {
    input: z.object({ view: ViewIdSchema, search: z.string().trim().min(1).max(200) }).strict(),
    output: z.object({
      /** Where the other matches are: every lead. */
      view: ViewIdSchema,
      count: z.number().int().nonnegative(),
      /** True when there are more than `count`: the count stopped at its cap. */
      capped: z.boolean(),
    }),
  },
  'leads:rows': {
    input: z.object({ ids: z.array(LeadIdSchema).max(500) }).strict(),
    output: z.object({ rows: z.array(LeadSummarySchema) }),
  },
  'leads:counts': {
    input: none,
    output: ViewCountsSchema,
  },
  /**
   * The rating values the account's leads carry, per stage, most used first: the rating keys and
   * the palette offer these (Envoke's ratings are labels each account sets up).
   */
  'leads:rating-values': {
    input: none,
    output: z.object({ marketing: z.array(z.string()), sales: z.array(z.string()) }),
  },
  'leads:get': {
    input: z.object({ id: LeadIdSchema }).strict(),
    output: LeadDetailSchema,
  },
  /**
   * One action of the person on one or many leads; durable when this answers. Given what the
   * window shows (`shown`), the answer carries what it needs to paint (`paint`, change-answer.ts).
   */
  'leads:update': {
    input: z
      .object({
        ids: z.array(LeadIdSchema).min(1).max(10_000),
        patch: TriagePatchSchema,
        ...changeContext,
      })
      .strict(),
    output: z.object({
      actionId: z.number().int().positive().nullable(),
      changed: z.number().int(),
      paint: ChangeAnswerSchema.optional(),
    }),
  },
  'leads:create': {
    input: z
      .object({
        email: EmailSchema,
        firstName: z.string().trim().max(20).optional(),
        lastName: z.string().trim().max(20).optional(),
        company: z.string().trim().max(50).optional(),
        title: z.string().trim().max(50).optional(),
        phone: z.string().trim().max(25).optional(),
        /** Any other contact field Envoke takes; a name here wins over the one above. */
        contact: NewContactSchema.optional(),
        /** Triage fields, rule_rating, remote_id and the other lead fields Envoke takes. */
        fields: NewLeadFieldsSchema.optional(),
      })
      .strict(),
    output: z.object({ id: LeadIdSchema }),
  },
} as const;
