/**
 * Data shapes that cross the bridge between the core and the renderer. Every one is a zod schema so
 * both ends validate what they receive; the TypeScript types are inferred from them.
 */
import { z } from 'zod';
import { enumValue, MARKETING_STATUSES, SALES_STATUSES, TRIAGE_FIELDS } from './lead';

/** Views of the sidebar, in display order. */
export const VIEW_IDS = [
  'all',
  'marketing-unprocessed',
  'passed-to-sales',
  'sales-unprocessed',
  'opportunities',
  'won',
  'pending',
  'failed',
  'conflicts',
] as const;
export const ViewIdSchema = z.enum(VIEW_IDS);
export type ViewId = z.infer<typeof ViewIdSchema>;

/** Where one lead stands with Envoke. */
export const LeadSyncStateSchema = z.enum(['synced', 'pending', 'failed', 'conflict']);
export type LeadSyncState = z.infer<typeof LeadSyncStateSchema>;

/** A local lead id: stable from the moment a lead exists on this laptop, before Envoke knows it. */
export const LeadIdSchema = z.number().int().positive();

/** One row of the lead list. */
export const LeadSummarySchema = z.object({
  id: LeadIdSchema,
  envokeId: z.string().nullable(),
  contactName: z.string(),
  company: z.string(),
  email: z.string(),
  createTime: z.string(),
  marketing_rating_status: z.string(),
  marketing_rating: z.string(),
  sales_rating_status: z.string(),
  sales_rating: z.string(),
  opportunity: z.string(),
  sale: z.string(),
  salesperson: z.string(),
  syncState: LeadSyncStateSchema,
  goneFromEnvoke: z.boolean(),
});
export type LeadSummary = z.infer<typeof LeadSummarySchema>;

/** Keyset position in a view: the sort key and id of the last row seen. */
export const ListCursorSchema = z.object({ sortKey: z.string(), id: LeadIdSchema });
export type ListCursor = z.infer<typeof ListCursorSchema>;

export const OutboxStateSchema = z.enum([
  'pending',
  'sending',
  'failed',
  'conflict',
  'done',
  'cancelled',
]);
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/** One field the person and Envoke both changed differently. */
export const ConflictFieldSchema = z.object({
  field: z.enum(TRIAGE_FIELDS),
  base: z.string(),
  theirs: z.string(),
  mine: z.string(),
});
export type ConflictField = z.infer<typeof ConflictFieldSchema>;

export const OutboxEntrySchema = z.object({
  id: z.number().int().positive(),
  leadId: LeadIdSchema,
  leadLabel: z.string(),
  kind: z.enum(['create', 'update']),
  fields: z.record(z.string(), z.string()),
  state: OutboxStateSchema,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  conflicts: z.array(ConflictFieldSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

/**
 * Where a change stands with Envoke, kept on its activity entry: waiting in the outbox, sent,
 * refused, in conflict with a change made in Envoke, or never sent (undone, replaced by a later
 * change, discarded, or Envoke's value kept).
 */
export const DELIVERY_STATES = ['queued', 'sent', 'failed', 'conflict', 'unsent'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const ActivityEntrySchema = z.object({
  id: z.number().int().positive(),
  at: z.string(),
  kind: z.string(),
  message: z.string(),
  /** Null for entries that are not a change of the person (Envoke's changes, sync notes). */
  delivery: DeliveryStateSchema.nullable(),
  /** Why it failed, Envoke's value in a conflict, what replaced it, or Envoke's new id. */
  deliveryNote: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

export const ContactSchema = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  title: z.string(),
  company: z.string(),
  phone: z.string(),
  city: z.string(),
  province: z.string(),
  country: z.string(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** Everything the detail pane shows for one lead. */
export const LeadDetailSchema = LeadSummarySchema.extend({
  contact: ContactSchema,
  /** Every lead field as the person sees it now (Envoke's copy with pending changes applied). */
  fields: z.record(z.string(), z.string()),
  /** Field values as Envoke last sent them, for "was" hints; null for a lead not yet on Envoke. */
  envokeFields: z.record(z.string(), z.string()).nullable(),
  /**
   * The whole lead as the person sees it, nested as Envoke sends it (`contact` with its custom
   * fields, interests and autoresponders), fields this app does not know included.
   */
  record: z.record(z.string(), z.json()),
  pending: z.array(OutboxEntrySchema),
  conflicts: z.array(ConflictFieldSchema),
  activity: z.array(ActivityEntrySchema),
});
export type LeadDetail = z.infer<typeof LeadDetailSchema>;

export const ConnectionStateSchema = z.enum([
  'idle',
  'syncing',
  'offline',
  'auth-required',
  'error',
]);
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

export const SyncProgressSchema = z.object({
  phase: z.enum(['pull', 'push']),
  done: z.number().int().nonnegative(),
  /** Unknown while pulling: Envoke sends no totals. */
  total: z.number().int().nonnegative().nullable(),
  perSecond: z.number().nonnegative(),
});
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

export const SyncStatusSchema = z.object({
  state: ConnectionStateSchema,
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  progress: SyncProgressSchema.nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** When the queue waits for a retry, the moment it will try again. */
  nextRetryAt: z.string().nullable(),
  /**
   * When the account's name and custom fields were last read from Envoke (a full pull reads
   * them): a window reads them again when this moves, not after every push.
   */
  accountReadAt: z.string().nullable().optional(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

/** What the person has chosen to keep on this laptop; translated to Envoke filters on pull. */
export const SyncScopeSchema = z.object({
  salespeople: z.array(z.string().trim().min(1)).default([]),
  marketingStatuses: z.array(z.string()).default([]),
  salesStatuses: z.array(z.string()).default([]),
});
export type SyncScope = z.infer<typeof SyncScopeSchema>;

const eachOnce = <T>(values: T[]): T[] => [...new Set(values)];

/**
 * A scope as the person sets it: statuses in any spelling Envoke uses become the canonical one,
 * an unknown status is refused rather than silently ignored, and each value is kept once.
 */
export const SyncScopeInputSchema = z.object({
  salespeople: z.array(z.string().trim().min(1)).default([]).transform(eachOnce),
  marketingStatuses: z
    .array(enumValue(MARKETING_STATUSES, 'marketing status'))
    .default([])
    .transform(eachOnce),
  salesStatuses: z.array(enumValue(SALES_STATUSES, 'sales status')).default([]).transform(eachOnce),
});

export const UndoResultSchema = z.object({
  /** What came back, as a sentence ("Undone: sales note cleared"), or null when there was nothing to do. */
  label: z.string().nullable(),
  leadIds: z.array(LeadIdSchema),
});
export type UndoResult = z.infer<typeof UndoResultSchema>;
