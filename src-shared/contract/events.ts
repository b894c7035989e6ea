/** Events pushed from the core to the renderer. */
import { z } from 'zod';
import { OriginSchema, ReadVersionSchema, ViewCountsSchema } from './change-answer';
import { LeadIdSchema, LeadSummarySchema, SyncStatusSchema } from './dto';

export const events = {
  'sync:status': SyncStatusSchema,
  /**
   * Leads changed locally or by a sync; `ids` null means "many: refetch what you show". A change
   * a window made names that window (`origin`): it painted from its command's answer already.
   * Envoke's answers to a push come with the leads as the list shows them now and the counts
   * (`delivered`), so a window repaints them without reading them again.
   */
  'leads:changed': z.object({
    ids: z.array(LeadIdSchema).nullable(),
    origin: OriginSchema.optional(),
    delivered: z
      .object({
        rows: z.array(LeadSummarySchema),
        counts: ViewCountsSchema,
        version: ReadVersionSchema,
      })
      .optional(),
  }),
  /** The app asks the renderer to do something from a menu (Electron) or the host. */
  'app:menu': z.object({ action: z.enum(['sync-now', 'preferences', 'shortcuts', 'help']) }),
  /** The desktop app downloaded an update: it installs when the person restarts (never by itself). */
  'app:update': z.object({ version: z.string() }),
  /** One sentence from the app itself for the person (the data engine stopped and restarts). */
  'app:notice': z.object({ message: z.string() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
