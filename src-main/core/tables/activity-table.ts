/**
 * The per-lead log shown in the detail pane: what the person, Envoke and the sync did. A change
 * of the person is ONE entry that carries its delivery to Envoke (queued, sent, failed, conflict,
 * unsent), updated in place as its outbox row moves, rather than a second "sent" entry.
 */
import type Database from 'better-sqlite3';
import type { ActivityEntry, DeliveryState } from '#contract/dto';
import type { TriageField } from '#contract/lead';
import { plainText } from '#contract/plain-text';
import type { OutboxRow } from './outbox-table';

/** The kinds of entry written. */
export type ActivityKind =
  | 'edit'
  | 'undo'
  | 'redo'
  | 'created'
  | 'sent'
  | 'envoke-changed'
  | 'resolved'
  | 'discarded'
  | 'gone'
  | 'back';

/** Which queued change an entry describes: its outbox row and field (null: the whole row). */
export interface ChangeLink {
  outboxId: number;
  field: TriageField | null;
}

/** The detail pane shows the latest ones. */
const SHOWN = 50;
/** Entries quote values Envoke sent; room for a change of every triage field at once. */
const MESSAGE_LIMIT = 2000;

/** States a change may still leave. The SQL repeats activity_undelivered's condition. */
const UNDELIVERED = "delivery IN ('queued', 'failed', 'conflict')";

interface RawEntry {
  id: number;
  at: number;
  kind: string;
  message: string;
  delivery: DeliveryState | null;
  delivery_note: string | null;
}

interface Undelivered {
  id: number;
  outbox_id: number;
  field: TriageField | null;
  delivery: DeliveryState;
  delivery_note: string | null;
}

/** Notes quote Envoke (its reason, its value in a conflict): shown as plain text. */
function plainNote(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : plainText(text);
}

/** Where an entry stands, judged from the lead's open outbox rows. */
function deliveryOf(
  entry: Undelivered,
  open: readonly OutboxRow[],
): { delivery: DeliveryState; note: string | null } {
  const row = open.find((candidate) => candidate.id === entry.outbox_id);
  // Its row left the queue, or the field left its row, without being sent: undone, discarded,
  // or Envoke's value kept. (A sent change is marked sent before this is asked.)
  if (row === undefined || (entry.field !== null && !(entry.field in row.fields)))
    return { delivery: 'unsent', note: null };
  if (row.state === 'failed') return { delivery: 'failed', note: plainNote(row.lastError) };
  const conflict = row.conflicts.find((candidate) => candidate.field === entry.field);
  if (conflict !== undefined) return { delivery: 'conflict', note: plainNote(conflict.theirs) };
  // Waiting; after a failed try that will be retried, its reason.
  return { delivery: 'queued', note: plainNote(row.lastError) };
}

export class ActivityTable {
  private readonly insertRow: Database.Statement;
  private readonly insertChange: Database.Statement;
  private readonly latest: Database.Statement<[number], RawEntry>;
  private readonly undelivered: Database.Statement<[number], Undelivered>;
  private readonly setDelivery: Database.Statement;
  private readonly replace: Database.Statement;
  private readonly sent: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare(
      `INSERT INTO activity (lead_id, at, kind, message, outbox_id, field, delivery)
       VALUES (@leadId, @at, @kind, @message, @outboxId, @field, @delivery)`,
    );
    // Right after an edit its field is either waiting in its open row, or the edit cancelled
    // out (the value is back to what Envoke has) and there is nothing to send.
    this.insertChange = db.prepare(
      `INSERT INTO activity (lead_id, at, kind, message, outbox_id, field, delivery)
       SELECT @leadId, @at, @kind, @message, @outboxId, @field,
         CASE WHEN EXISTS (
           SELECT 1 FROM outbox
           WHERE id = @outboxId AND state NOT IN ('done', 'cancelled')
             AND (@field IS NULL OR json_type(fields, '$."' || @field || '"') IS NOT NULL)
         ) THEN 'queued' ELSE 'unsent' END`,
    );
    this.latest = db.prepare(
      `SELECT id, at, kind, message, delivery, delivery_note FROM activity
       WHERE lead_id = ? ORDER BY id DESC LIMIT ${SHOWN}`,
    );
    this.undelivered = db.prepare(
      `SELECT id, outbox_id, field, delivery, delivery_note FROM activity
       WHERE lead_id = ? AND ${UNDELIVERED}`,
    );
    this.setDelivery = db.prepare(
      'UPDATE activity SET delivery = ?, delivery_note = ? WHERE id = ?',
    );
    this.replace = db.prepare(
      `UPDATE activity SET delivery = 'unsent', delivery_note = @note
       WHERE lead_id = @leadId AND ${UNDELIVERED} AND outbox_id = @outboxId AND field = @field`,
    );
    this.sent = db.prepare(
      `UPDATE activity SET delivery = 'sent', delivery_note = @note
       WHERE lead_id = @leadId AND ${UNDELIVERED} AND outbox_id = @outboxId
         AND (@all = 1 OR field IN (SELECT value FROM json_each(@fields)))`,
    );
  }

  /** Adds an entry. With `change`, it is a change of the person held by that outbox row. */
  add(leadId: number, kind: ActivityKind, message: string, now: number, change?: ChangeLink): void {
    const params = {
      leadId,
      at: now,
      kind,
      message: plainText(message, MESSAGE_LIMIT),
      outboxId: change?.outboxId ?? null,
      field: change?.field ?? null,
      delivery: null,
    };
    if (change === undefined) this.insertRow.run(params);
    else this.insertChange.run(params);
  }

  /**
   * A new edit of these fields joined `outboxId`: the values earlier entries gave them will
   * never reach Envoke. `why` says so ("replaced by a later change", "undone").
   */
  supersede(leadId: number, outboxId: number, fields: readonly TriageField[], why: string): void {
    for (const field of fields) this.replace.run({ leadId, outboxId, field, note: why });
  }

  /**
   * Envoke has these fields of the row now (`null`: the whole row, such as a new lead). `note`
   * goes on the entries, such as the id Envoke gave a new lead.
   */
  markSent(
    leadId: number,
    outboxId: number,
    fields: readonly TriageField[] | null,
    note: string | null = null,
  ): void {
    this.sent.run({
      leadId,
      outboxId,
      note,
      all: fields === null ? 1 : 0,
      fields: JSON.stringify(fields ?? []),
    });
  }

  /**
   * Brings the lead's undelivered entries in line with its open outbox rows (after any change to
   * them): failed, in conflict, waiting again, or never sent.
   */
  followOutbox(leadId: number, open: readonly OutboxRow[]): void {
    for (const entry of this.undelivered.all(leadId)) {
      const { delivery, note } = deliveryOf(entry, open);
      if (delivery !== entry.delivery || note !== entry.delivery_note)
        this.setDelivery.run(delivery, note, entry.id);
    }
  }

  /** Newest first. */
  forLead(leadId: number): ActivityEntry[] {
    return this.latest.all(leadId).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      kind: row.kind,
      message: row.message,
      delivery: row.delivery,
      deliveryNote: row.delivery_note,
    }));
  }
}
