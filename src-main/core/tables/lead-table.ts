/**
 * Writes of the `leads` table (its lookups are LeadLookups'). Every write of what the person sees
 * also refreshes the projection columns (lead-projection.ts) and the tables made from the lead
 * (lead-indexes.ts), so lists, counts and search can never disagree with the detail pane; the
 * leads a transaction inserts are counted before it commits (inserted-counts.ts).
 */
import type Database from 'better-sqlite3';
import type { LeadSyncState } from '#contract/dto';
import { field, type LeadRecord } from './lead-record';
import { InsertedCounts } from './inserted-counts';
import { LeadIndexes } from './lead-indexes';
import { LeadLookups } from './lead-lookups';
import { PROJECTION_COLUMNS, PROJECTION_SET, projection } from './lead-projection';
import type { LeadRow } from './lead-row';
import { LocalRowUpdate } from './local-row-update';

export class LeadTable extends LeadLookups {
  private readonly indexes: LeadIndexes;
  private readonly counts: InsertedCounts;
  private readonly localRow: LocalRowUpdate;
  private readonly insertRow: Database.Statement;
  private readonly updateServerRow: Database.Statement;
  private readonly updateSeen: Database.Statement;
  private readonly attachRow: Database.Statement;
  private readonly goneRow: Database.Statement;
  private readonly deleteRow: Database.Statement;

  constructor(db: Database.Database) {
    super(db);
    this.indexes = new LeadIndexes(db);
    this.counts = new InsertedCounts(db);
    this.localRow = new LocalRowUpdate(db);
    this.insertRow = db.prepare(
      `INSERT INTO leads (envoke_id, remote_id, server_json, local_json, ${PROJECTION_COLUMNS.join(', ')},
         sync_state, pull_generation, updated_at)
       VALUES (?, ?, ?, ?, ${PROJECTION_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
    );
    this.updateServerRow = db.prepare(
      `UPDATE leads SET server_json = ?, local_json = ?, ${PROJECTION_SET}, sync_state = ?,
         gone = 0, pull_generation = max(pull_generation, ?), updated_at = ? WHERE id = ?`,
    );
    this.updateSeen = db.prepare(
      `UPDATE leads SET pull_generation = max(pull_generation, ?), gone = 0
       WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.attachRow = db.prepare('UPDATE leads SET envoke_id = ? WHERE id = ?');
    this.goneRow = db.prepare('UPDATE leads SET gone = ?, updated_at = ? WHERE id = ?');
    this.deleteRow = db.prepare('DELETE FROM leads WHERE id = ?');
  }

  /** A lead straight from Envoke, nothing local about it yet. Returns the local id. */
  insertFromEnvoke(
    envokeId: string,
    serverJson: string,
    server: LeadRecord,
    generation: number,
    now: number,
  ): number {
    return this.insert(envokeId, serverJson, null, server, 'synced', generation, now);
  }

  /** A lead created on this laptop, not on Envoke yet. Returns the local id. */
  insertLocal(local: LeadRecord, now: number): number {
    return this.insert(null, null, JSON.stringify(local), local, 'pending', 0, now);
  }

  /**
   * What the person sees changed; `localJson` null means "Envoke's copy as it is". With
   * `previous` (what they saw before), the tables made from the lead are only rewritten where
   * their text changed; with `stored` (the row as it is in the table), only the columns whose
   * value changes are written (local-row-update.ts).
   */
  writeLocal(
    id: number,
    local: LeadRecord,
    localJson: string | null,
    syncState: LeadSyncState,
    now: number,
    previous?: LeadRecord,
    stored?: LeadRow,
  ): void {
    this.counts.beforeChanging(id);
    this.localRow.run(id, localJson, projection(local), syncState, now, stored);
    this.indexes.put(id, local, previous);
  }

  /** Envoke's copy changed; `local` is what the person now sees (null json: the copy itself). */
  writeServer(
    id: number,
    serverJson: string,
    local: LeadRecord,
    localJson: string | null,
    syncState: LeadSyncState,
    generation: number,
    now: number,
  ): void {
    this.counts.beforeChanging(id);
    this.updateServerRow.run(
      serverJson,
      localJson,
      ...projection(local),
      syncState,
      generation,
      now,
      id,
    );
    this.indexes.put(id, local);
  }

  /** A full pull saw these leads unchanged. */
  markSeen(ids: readonly number[], generation: number): void {
    if (ids.length > 0) this.updateSeen.run(generation, JSON.stringify(ids));
  }

  /** Envoke assigned its id to a lead created here. */
  attachEnvokeId(id: number, envokeId: string): void {
    this.attachRow.run(envokeId, id);
  }

  setGone(id: number, gone: boolean, now: number): void {
    this.goneRow.run(gone ? 1 : 0, now, id);
  }

  /** Outbox rows reference their lead: callers remove those first, deliberately. */
  delete(id: number): void {
    this.counts.beforeChanging(id);
    this.deleteRow.run(id);
    this.indexes.remove(id);
  }

  /**
   * Writes the counts of the leads inserted in the open transaction (inserted-counts.ts). Store
   * runs it at the end of every transaction, inside it, so the counts commit (or roll back) with
   * the leads they count.
   */
  settleCounts(): void {
    this.counts.settle();
  }

  /** The transaction that inserted them rolled back: so did the leads. */
  forgetUncounted(): void {
    this.counts.forget();
  }

  private insert(
    envokeId: string | null,
    serverJson: string | null,
    localJson: string | null,
    seen: LeadRecord,
    syncState: LeadSyncState,
    generation: number,
    now: number,
  ): number {
    const result = this.insertRow.run(
      envokeId,
      field(seen, 'remote_id'),
      serverJson,
      localJson,
      ...projection(seen),
      syncState,
      generation,
      now,
    );
    const id = Number(result.lastInsertRowid);
    this.indexes.add(id, seen);
    this.counts.inserted(id, seen, syncState);
    return id;
  }
}
