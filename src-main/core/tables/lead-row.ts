/**
 * A row of the `leads` table as SQLite returns it, and the two lead records it holds: Envoke's
 * copy (`server_json`) and what the person sees (`local_json`, or Envoke's copy when they are the
 * same). Apart from LeadTable so the code that reads a row (sync, triage, the detail pane) needs
 * its shape alone, not the statements that write it.
 */
import type { LeadSyncState } from '#contract/dto';
import type { LeadRecord } from './lead-record';

export interface LeadRow {
  id: number;
  envoke_id: string | null;
  remote_id: string;
  server_json: string | null;
  /** NULL when the person sees Envoke's copy unchanged. */
  local_json: string | null;
  sort_key: string;
  contact_name: string;
  company: string;
  email: string;
  marketing_rating_status: string;
  marketing_rating: string;
  sales_rating_status: string;
  sales_rating: string;
  opportunity: string;
  sale: string;
  salesperson: string;
  sync_state: LeadSyncState;
  gone: number;
  pull_generation: number;
  updated_at: number;
}

/** What the person sees of a lead. */
export function localRecord(row: Pick<LeadRow, 'local_json' | 'server_json'>): LeadRecord {
  return JSON.parse(row.local_json ?? row.server_json ?? '{}') as LeadRecord;
}

/** Envoke's copy, or null for a lead Envoke does not have yet. */
export function serverRecord(row: Pick<LeadRow, 'server_json'>): LeadRecord | null {
  return row.server_json === null ? null : (JSON.parse(row.server_json) as LeadRecord);
}

/** What a pull needs to know about a lead it is about to write. */
export interface CachedLead {
  id: number;
  server_json: string | null;
  sync_state: LeadSyncState;
  gone: number;
}
