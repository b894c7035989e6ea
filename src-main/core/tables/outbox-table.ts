/**
 * The durable queue of changes for Envoke. Rows are parsed into OutboxRow on the way out and
 * written back whole; only this module knows the column layout.
 */
import type Database from 'better-sqlite3';
import type { ConflictField, OutboxState } from '#contract/dto';
import { claimIsLive } from './claims';
import type { FieldValues } from './lead-record';

export type OutboxKind = 'create' | 'update';

export interface OutboxRow {
  id: number;
  leadId: number;
  kind: OutboxKind;
  /** The person's values to send. For a create: the triage fields of the new lead. */
  fields: FieldValues;
  /** For each field of an update, the value the person saw before the first change to it. */
  base: FieldValues;
  /** Fields changed on both sides differently; kept in `fields` but not sent until resolved. */
  conflicts: ConflictField[];
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  outcomeUnknown: boolean;
  lastReason: string | null;
  lastError: string | null;
  actionId: number | null;
  createdAt: number;
  updatedAt: number;
}

interface RawRow {
  id: number;
  lead_id: number;
  kind: OutboxKind;
  fields: string;
  base: string;
  conflicts: string;
  conflict_count: number;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  outcome_unknown: number;
  last_reason: string | null;
  last_error: string | null;
  action_id: number | null;
  created_at: number;
  updated_at: number;
}

function parse(raw: RawRow): OutboxRow {
  return {
    id: raw.id,
    leadId: raw.lead_id,
    kind: raw.kind,
    fields: JSON.parse(raw.fields) as FieldValues,
    base: JSON.parse(raw.base) as FieldValues,
    conflicts: JSON.parse(raw.conflicts) as ConflictField[],
    state: raw.state,
    attempts: raw.attempts,
    nextAttemptAt: raw.next_attempt_at,
    outcomeUnknown: raw.outcome_unknown === 1,
    lastReason: raw.last_reason,
    lastError: raw.last_error,
    actionId: raw.action_id,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}

export interface OutboxCounts {
  pending: number;
  failed: number;
  conflicts: number;
}

export type NewOutboxRow = Omit<OutboxRow, 'id'>;

export class OutboxTable {
  private readonly byId: Database.Statement<[number], RawRow>;
  private readonly openByLead: Database.Statement<[number], RawRow>;
  private readonly insertRow: Database.Statement;
  private readonly updateRow: Database.Statement;
  private readonly ready: Database.Statement<[number], RawRow>;
  private readonly readyUpdates: Database.Statement<[number, number], string>;
  private readonly countOpen: Database.Statement<[], Record<keyof OutboxCounts, number | null>>;
  private readonly listOpen: Database.Statement<[], RawRow>;
  private readonly listAll: Database.Statement<[], RawRow>;
  private readonly earliest: Database.Statement<[number], { at: number | null }>;
  private readonly clearWaits: Database.Statement;
  private readonly claimRow: Database.Statement;
  private readonly sendingClaims: Database.Statement<
    [],
    { id: number; claimed_by: string | null; updated_at: number }
  >;
  private readonly abandon: Database.Statement;
  private readonly deleteForLead: Database.Statement;
  private readonly openCount: Database.Statement<[number], { n: number }>;
  private readonly actionOf: Database.Statement;

  constructor(db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM outbox WHERE id = ?');
    this.openByLead = db.prepare(
      "SELECT * FROM outbox WHERE lead_id = ? AND state NOT IN ('done', 'cancelled') ORDER BY id",
    );
    this.insertRow = db.prepare(
      `INSERT INTO outbox (lead_id, kind, fields, base, conflicts, conflict_count, state, attempts,
         next_attempt_at, outcome_unknown, last_reason, last_error, action_id, created_at, updated_at)
       VALUES (@leadId, @kind, @fields, @base, @conflicts, @conflictCount, @state, @attempts,
         @nextAttemptAt, @outcomeUnknown, @lastReason, @lastError, @actionId, @createdAt, @updatedAt)`,
    );
    this.updateRow = db.prepare(
      `UPDATE outbox SET fields = @fields, base = @base, conflicts = @conflicts,
         conflict_count = @conflictCount, state = @state, attempts = @attempts,
         next_attempt_at = @nextAttemptAt, outcome_unknown = @outcomeUnknown,
         last_reason = @lastReason, last_error = @lastError, updated_at = @updatedAt,
         claimed_by = CASE WHEN @state = 'sending' THEN claimed_by END
       WHERE id = @id`,
    );
    // The oldest row ready to send whose lead has nothing older still on its way: changes to one
    // lead reach Envoke in the order they were made. A row waiting for the person (failed,
    // conflict) does not hold back later ones; the three-way check protects its fields. An update
    // waits until Envoke has given its lead an id.
    this.ready = db.prepare(
      `SELECT o.* FROM outbox o JOIN leads l ON l.id = o.lead_id
       WHERE o.state = 'pending' AND o.next_attempt_at <= ?
         AND (o.kind = 'create' OR l.envoke_id IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lead_id = o.lead_id AND p.id < o.id
                         AND p.state IN ('pending', 'sending'))
       ORDER BY o.id LIMIT 1`,
    );
    this.readyUpdates = db
      .prepare<[number, number], string>(
        `SELECT l.envoke_id FROM outbox o JOIN leads l ON l.id = o.lead_id
         WHERE o.state = 'pending' AND o.next_attempt_at <= ? AND o.kind = 'update'
           AND l.envoke_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.lead_id = o.lead_id AND p.id < o.id
                           AND p.state IN ('pending', 'sending'))
         ORDER BY o.id LIMIT ?`,
      )
      .pluck();
    this.countOpen = db.prepare(
      `SELECT sum(state IN ('pending', 'sending')) AS pending, sum(state = 'failed') AS failed,
         sum(conflict_count > 0) AS conflicts
       FROM outbox WHERE state NOT IN ('done', 'cancelled')`,
    );
    this.listOpen = db.prepare(
      "SELECT * FROM outbox WHERE state NOT IN ('done', 'cancelled') ORDER BY id",
    );
    this.listAll = db.prepare('SELECT * FROM outbox ORDER BY id');
    this.earliest = db.prepare(
      "SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND next_attempt_at > ?",
    );
    this.clearWaits = db.prepare(
      `UPDATE outbox SET next_attempt_at = min(next_attempt_at, ?)
       WHERE state = 'pending' AND coalesce(last_reason, '') <> 'rate-limited'`,
    );
    // Only a row still waiting: another engine on the same file may have claimed it a moment ago.
    this.claimRow = db.prepare(
      `UPDATE outbox SET state = 'sending', claimed_by = @claimant, attempts = attempts + 1,
         updated_at = @now
       WHERE id = @id AND state = 'pending'`,
    );
    this.sendingClaims = db.prepare(
      "SELECT id, claimed_by, updated_at FROM outbox WHERE state = 'sending'",
    );
    this.abandon = db.prepare(
      `UPDATE outbox SET state = 'pending', outcome_unknown = 1, claimed_by = NULL
       WHERE id = ? AND state = 'sending'`,
    );
    this.deleteForLead = db.prepare('DELETE FROM outbox WHERE lead_id = ?');
    this.actionOf = db.prepare(
      'UPDATE outbox SET action_id = ? WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.openCount = db.prepare(
      "SELECT count(*) AS n FROM outbox WHERE lead_id = ? AND state NOT IN ('done', 'cancelled')",
    );
  }

  get(id: number): OutboxRow | undefined {
    const raw = this.byId.get(id);
    return raw === undefined ? undefined : parse(raw);
  }

  openForLead(leadId: number): OutboxRow[] {
    return this.openByLead.all(leadId).map(parse);
  }

  hasOpen(leadId: number): boolean {
    return (this.openCount.get(leadId)?.n ?? 0) > 0;
  }

  insert(row: NewOutboxRow): number {
    const result = this.insertRow.run(this.params(row));
    return Number(result.lastInsertRowid);
  }

  save(row: OutboxRow): void {
    this.updateRow.run({ id: row.id, ...this.params(row) });
  }

  /** Links rows to the history action that opened them. */
  setAction(rowIds: readonly number[], actionId: number): void {
    if (rowIds.length > 0) this.actionOf.run(actionId, JSON.stringify(rowIds));
  }

  /** Envoke ids of the leads whose changes go out next (updates only), in the order they go. */
  readyEnvokeIds(now: number, limit: number): string[] {
    return this.readyUpdates.all(now, limit);
  }

  nextReady(now: number): OutboxRow | undefined {
    const raw = this.ready.get(now);
    return raw === undefined ? undefined : parse(raw);
  }

  counts(): OutboxCounts {
    const row = this.countOpen.get();
    return { pending: row?.pending ?? 0, failed: row?.failed ?? 0, conflicts: row?.conflicts ?? 0 };
  }

  list(includeDone: boolean): OutboxRow[] {
    return (includeDone ? this.listAll : this.listOpen).all().map(parse);
  }

  /**
   * The next moment after `now` a waiting row may be tried, or null. Rows already due but held
   * back (behind an earlier change of their lead) are not a reason to wake up: finishing that
   * earlier change is.
   */
  nextAttemptAfter(now: number): number | null {
    return this.earliest.get(now)?.at ?? null;
  }

  /** The connection is back or the person asked: stop waiting, except where Envoke asked us to. */
  clearBackoff(now: number): void {
    this.clearWaits.run(now);
  }

  /**
   * Marks a waiting row 'sending' for `claimant` (see claims.ts); false when it no longer waits
   * (another engine on this file took it first).
   */
  claim(id: number, claimant: string, now: number): boolean {
    return this.claimRow.run({ id, claimant, now }).changes === 1;
  }

  /**
   * Rows left 'sending' by an engine that is gone (a crash, a kill): whether Envoke got them is
   * unknown, so they go back to the queue marked as such (creates are looked up by remote_id
   * before any new POST). Rows a live engine is sending stay its own. Answers how many came back.
   */
  recoverAbandoned(now: number): number {
    let recovered = 0;
    for (const row of this.sendingClaims.all()) {
      if (claimIsLive(row.claimed_by, row.updated_at, now)) continue;
      recovered += this.abandon.run(row.id).changes;
    }
    return recovered;
  }

  /** Only when the person discards a lead Envoke never had. */
  deleteAllForLead(leadId: number): void {
    this.deleteForLead.run(leadId);
  }

  private params(row: NewOutboxRow): Record<string, unknown> {
    return {
      leadId: row.leadId,
      kind: row.kind,
      fields: JSON.stringify(row.fields),
      base: JSON.stringify(row.base),
      conflicts: JSON.stringify(row.conflicts),
      conflictCount: row.conflicts.length,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      outcomeUnknown: row.outcomeUnknown ? 1 : 0,
      lastReason: row.lastReason,
      lastError: row.lastError,
      actionId: row.actionId,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
}
