/**
 * A cache as the first pre-release build made it (its step 0010, before the schema was folded
 * into the baseline): the lead and outbox tables of that time, leads seen in Envoke and changes
 * not sent yet, at the schema version given (a later pre-release build's file differs in what
 * came after; the outbox and the leads' ids and JSON are what every one of them had). Plain, as
 * those builds wrote them, or encrypted with `key`.
 */
import Database from 'better-sqlite3';
import { keyConnection } from '../../../src-main/core/db/encryption';

const PRE_RELEASE_TABLES = `
  CREATE TABLE leads (
    id INTEGER PRIMARY KEY,
    envoke_id TEXT UNIQUE,
    remote_id TEXT NOT NULL DEFAULT '',
    server_json TEXT,
    local_json TEXT,
    sort_key TEXT NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    marketing_rating_status TEXT NOT NULL DEFAULT '',
    marketing_rating TEXT NOT NULL DEFAULT '',
    sales_rating_status TEXT NOT NULL DEFAULT '',
    sales_rating TEXT NOT NULL DEFAULT '',
    opportunity TEXT NOT NULL DEFAULT '',
    sale TEXT NOT NULL DEFAULT '',
    salesperson TEXT NOT NULL DEFAULT '',
    sync_state TEXT NOT NULL DEFAULT 'synced'
      CHECK (sync_state IN ('synced', 'pending', 'failed', 'conflict')),
    gone INTEGER NOT NULL DEFAULT 0,
    pull_generation INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    CHECK (server_json IS NOT NULL OR local_json IS NOT NULL)
  ) STRICT;
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    lead_id INTEGER NOT NULL REFERENCES leads (id),
    kind TEXT NOT NULL CHECK (kind IN ('create', 'update')),
    fields TEXT NOT NULL,
    base TEXT NOT NULL DEFAULT '{}',
    conflicts TEXT NOT NULL DEFAULT '[]',
    conflict_count INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL
      CHECK (state IN ('pending', 'sending', 'failed', 'conflict', 'done', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    outcome_unknown INTEGER NOT NULL DEFAULT 0,
    last_reason TEXT,
    last_error TEXT,
    action_id INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    changes TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;

export interface PreReleaseLead {
  envokeId: string;
  company: string;
  email: string;
  /** Envoke's copy as a pull wrote it; a small made-up one when not given. */
  server?: Record<string, unknown>;
  /** A note the person wrote and did not send yet; none: the lead is as Envoke has it. */
  unsentNote?: string;
}

/** Writes the cache; answers the outbox rows it holds (id, lead_id, fields, state). */
export function writePreReleaseCache(
  path: string,
  options: { version: number; leads: readonly PreReleaseLead[]; key?: Buffer },
): unknown[] {
  const db = new Database(path);
  try {
    if (options.key) keyConnection(db, options.key);
    db.pragma('journal_mode = WAL');
    db.exec(PRE_RELEASE_TABLES);
    const insertLead = db.prepare(
      `INSERT INTO leads (id, envoke_id, server_json, local_json, sort_key, company, email,
         sync_state, updated_at) VALUES (?, ?, ?, ?, '2026-10-01 10:00:00', ?, ?, ?, 0)`,
    );
    const insertChange = db.prepare(
      `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at)
       VALUES (?, 'update', ?, ?, 'pending', 0, 0, 0)`,
    );
    db.transaction(() => {
      options.leads.forEach((lead, index) => {
        const id = index + 1;
        const server = lead.server ?? {
          id: lead.envokeId,
          create_time: '2026-10-01 10:00:00',
          contact: { company: lead.company, email: lead.email },
        };
        const local =
          lead.unsentNote === undefined ? null : { ...server, sales_rating_note: lead.unsentNote };
        insertLead.run(
          id,
          lead.envokeId,
          JSON.stringify(server),
          local === null ? null : JSON.stringify(local),
          lead.company,
          lead.email,
          local === null ? 'synced' : 'pending',
        );
        // What the person saw before the change: Envoke's note then.
        const before = typeof server.sales_rating_note === 'string' ? server.sales_rating_note : '';
        if (lead.unsentNote !== undefined)
          insertChange.run(
            id,
            JSON.stringify({ sales_rating_note: lead.unsentNote }),
            JSON.stringify({ sales_rating_note: before }),
          );
      });
    })();
    db.pragma(`user_version = ${options.version}`);
    return db.prepare('SELECT id, lead_id, fields, state FROM outbox ORDER BY id').all();
  } finally {
    db.close();
  }
}
