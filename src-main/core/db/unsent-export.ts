/**
 * Before a database that cannot be opened is set aside, the changes not yet sent that can still
 * be read from it (a damaged file whose outbox is intact) are saved beside it as JSON a person can
 * read, and that `cli replay` queues again in the new database. Read-only: the file is not changed.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { NEW_LEAD_EXTRA_FIELDS } from '#contract/lead';
import { keyConnection } from './encryption';

const Texts = z.record(z.string(), z.string());

export const UnsentChangeSchema = z.object({
  kind: z.enum(['create', 'update']),
  /** As the outbox had it: pending, failed (Envoke refused it), conflict, sending. */
  state: z.string(),
  /** Envoke's id of the lead; null for a lead created here and never sent. */
  envokeId: z.string().nullable(),
  /** The lead's remote_id: the key a create is found by in Envoke, so it is never made twice. */
  remoteId: z.string(),
  /** Company and contact, for the person reading the file. */
  lead: z.string(),
  email: z.string(),
  /** The values to send. */
  fields: Texts,
  /** What each field was before the change: a field Envoke changed since is a conflict. */
  base: Texts,
  lastError: z.string().nullable(),
  madeAt: z.string(),
  /** A create's contact and its own lead fields (rule_rating, create_note, ...). */
  contact: Texts.optional(),
  leadFields: Texts.optional(),
});
export type UnsentChange = z.infer<typeof UnsentChangeSchema>;

export const UNSENT_EXPORT_FORMAT = 'Lead Triage unsent changes';

export const UnsentExportSchema = z.object({
  format: z.literal(UNSENT_EXPORT_FORMAT),
  version: z.literal(1),
  database: z.string(),
  savedAt: z.string(),
  replay: z.string(),
  changes: z.array(UnsentChangeSchema),
});
export type UnsentExport = z.infer<typeof UnsentExportSchema>;

interface OutboxRaw {
  lead_id: number;
  kind: 'create' | 'update';
  fields: string;
  base: string;
  state: string;
  last_error: string | null;
  created_at: number;
}

interface LeadRaw {
  envoke_id: string | null;
  remote_id: string;
  server_json: string | null;
  local_json: string | null;
}

const texts = (value: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(typeof value === 'object' && value !== null ? value : {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );

function parsed(json: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function changeOf(row: OutboxRaw, lead: LeadRaw | undefined): UnsentChange {
  const record = parsed(lead?.local_json ?? lead?.server_json ?? null);
  const contact = texts(record.contact);
  const name = `${contact.first_name ?? ''} ${contact.last_name ?? ''}`.trim();
  const change: UnsentChange = {
    kind: row.kind,
    state: row.state,
    envokeId: lead?.envoke_id ?? null,
    remoteId: lead?.remote_id ?? '',
    lead: [contact.company, name].filter(Boolean).join(' — ') || `#${row.lead_id}`,
    email: contact.email ?? '',
    fields: texts(parsed(row.fields)),
    base: texts(parsed(row.base)),
    lastError: row.last_error,
    madeAt: new Date(row.created_at).toISOString(),
  };
  if (row.kind === 'create') {
    const own = texts(record);
    change.contact = contact;
    change.leadFields = Object.fromEntries(
      NEW_LEAD_EXTRA_FIELDS.filter((name) => own[name]).map((name) => [name, own[name]!]),
    );
  }
  return change;
}

/** The unsent changes in the file, read with `key` (null: unencrypted); throws if unreadable. */
export function readUnsentChanges(
  dbPath: string,
  key: Buffer | null,
  nativeBinding?: string,
): UnsentChange[] {
  const db = new Database(dbPath, {
    readonly: true,
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    if (key !== null) keyConnection(db, key);
    // Columns every version since the first has.
    const rows = db
      .prepare(
        `SELECT lead_id, kind, fields, base, state, last_error, created_at FROM outbox
         WHERE state NOT IN ('done', 'cancelled') ORDER BY id`,
      )
      .all() as OutboxRaw[];
    const leadById = db.prepare(
      'SELECT envoke_id, remote_id, server_json, local_json FROM leads WHERE id = ?',
    );
    return rows.map((row) => {
      let lead: LeadRaw | undefined;
      try {
        lead = leadById.get(row.lead_id) as LeadRaw | undefined;
      } catch {
        // The lead's page is damaged: the change is still saved, with what is known of it.
      }
      return changeOf(row, lead);
    });
  } finally {
    db.close();
  }
}

export const unsentExportPath = (dbPath: string, now: Date): string =>
  `${dbPath}.unsent-${now.toISOString().replace(/[:.]/g, '-')}.json`;

export const replayCommand = (exportPath: string, dbPath: string): string =>
  `npm run -s cli -- replay ${JSON.stringify(exportPath)} --db ${JSON.stringify(dbPath)}`;

/** Writes the changes beside the database, readable by this user only; answers the file. */
export function writeUnsentExport(dbPath: string, changes: UnsentChange[], now: Date): string {
  const path = unsentExportPath(dbPath, now);
  const file: UnsentExport = {
    format: UNSENT_EXPORT_FORMAT,
    version: 1,
    database: dbPath,
    savedAt: now.toISOString(),
    replay: replayCommand(path, dbPath),
    changes,
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return path;
}
