/**
 * What the person's change answers the window that made it, so that window paints from the
 * answer and reads nothing again: the leads changed as the list shows them, which of them the
 * list it shows still holds, the sidebar's counts and the detail of the lead on screen. The window
 * says what it shows (`shown`) and who it is (`origin`); the `leads:changed` the change raises
 * carries that origin, so the window that made it passes it by while other windows refresh.
 */
import { z } from 'zod';
import { LeadDetailSchema, LeadIdSchema, LeadSummarySchema, ViewIdSchema } from './dto';
import { QueryTextSchema } from './commands/views';

/** More leads changed than this at once (a wide bulk change): the answer says "reread". */
export const SHOWN_ROWS_MAX = 500;

/** A window's own name for itself, chosen at random when it opens. */
export const OriginSchema = z
  .string()
  .regex(/^[\w-]{1,64}$/, 'An origin is 1 to 64 letters, digits, "-" or "_"');

const search = z.string().trim().max(200).optional();

/** The list a window shows: a built-in view, or a query (a saved view or a typed one). */
export const ShownListSchema = z.union([
  z.object({ view: ViewIdSchema, search }).strict(),
  z.object({ query: QueryTextSchema, search }).strict(),
]);
export type ShownList = z.infer<typeof ShownListSchema>;

/** What a window shows, so a change can answer with what it needs to paint. */
export const ShownSchema = z
  .object({
    list: ShownListSchema.optional(),
    /** The lead in the detail pane. */
    detail: LeadIdSchema.optional(),
  })
  .strict();
export type Shown = z.infer<typeof ShownSchema>;

/** Every view's count, as the sidebar shows them. */
export const ViewCountsSchema = z.record(ViewIdSchema, z.number().int().nonnegative());
export type ViewCounts = z.infer<typeof ViewCountsSchema>;

/**
 * The order in which the core read what it answers: a window may receive a change's answer and
 * a push's event in either order (an HTTP answer and the event stream are apart), and paints a
 * lead from the later read.
 */
export const ReadVersionSchema = z.number().int().nonnegative();

export const ChangeAnswerSchema = z.object({
  version: ReadVersionSchema,
  /**
   * The leads the change reached, as the list shows them now; null when more than
   * SHOWN_ROWS_MAX did: the window then reads what it shows again.
   */
  rows: z.array(LeadSummarySchema).nullable(),
  /** Which of those the list shown holds now; null with `rows`, or when no list was given. */
  members: z.array(LeadIdSchema).nullable(),
  counts: ViewCountsSchema,
  /**
   * The detail of the lead in the detail pane when the change reached it, or of the one lead
   * the change reached (an undo brings the person back to it); null otherwise.
   */
  detail: LeadDetailSchema.nullable(),
});
export type ChangeAnswer = z.infer<typeof ChangeAnswerSchema>;

/** The input every change that answers with `ChangeAnswer` takes beside its own. */
export const changeContext = {
  origin: OriginSchema.optional(),
  shown: ShownSchema.optional(),
};
