/** The per-lead log shown in the detail pane: what the person, Envoke and the sync did. */
import type Database from 'better-sqlite3';
import type { ActivityEntry } from '../../../src-preload/contract/dto';
import { plainText } from '../../../src-preload/contract/plain-text';

export type ActivityKind =
  | 'edit'
  | 'undo'
  | 'redo'
  | 'created'
  | 'sent'
  | 'envoke-changed'
  | 'conflict'
  | 'resolved'
  | 'failed'
  | 'discarded'
  | 'gone'
  | 'back';

/** The detail pane shows the latest ones. */
const SHOWN = 50;
/** Entries quote values Envoke sent; room for a change of every triage field at once. */
const MESSAGE_LIMIT = 2000;

export class ActivityTable {
  private readonly insertRow: Database.Statement;
  private readonly latest: Database.Statement<
    [number],
    { id: number; at: number; kind: string; message: string }
  >;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare(
      'INSERT INTO activity (lead_id, at, kind, message) VALUES (?, ?, ?, ?)',
    );
    this.latest = db.prepare(
      `SELECT id, at, kind, message FROM activity WHERE lead_id = ? ORDER BY id DESC LIMIT ${SHOWN}`,
    );
  }

  add(leadId: number, kind: ActivityKind, message: string, now: number): void {
    this.insertRow.run(leadId, now, kind, plainText(message, MESSAGE_LIMIT));
  }

  /** Newest first. */
  forLead(leadId: number): ActivityEntry[] {
    return this.latest.all(leadId).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      kind: row.kind,
      message: row.message,
    }));
  }
}
