/**
 * Finding leads in the `leads` table: by local id, by Envoke's id, by the client UUID a lead
 * created here carries, and what a pull needs to know of the leads it is about to write. Each is
 * one prepared statement reading by an index; LeadTable adds the writes.
 */
import type Database from 'better-sqlite3';
import type { CachedLead, LeadRow } from './lead-row';

export class LeadLookups {
  private readonly byId: Database.Statement<[number], LeadRow>;
  private readonly exists: Database.Statement<[number], { id: number }>;
  private readonly absent: Database.Statement<[string], number>;
  private readonly byEnvokeId: Database.Statement<[string], { id: number }>;
  private readonly unsentByRemote: Database.Statement<[string], LeadRow>;
  private readonly anyByRemote: Database.Statement<[string], { id: number }>;
  private readonly cachedForPage: Database.Statement<[string], CachedLead & { envoke_id: string }>;
  private readonly unseenRows: Database.Statement<[number], { id: number; envoke_id: string }>;

  constructor(protected readonly db: Database.Database) {
    this.byId = db.prepare('SELECT * FROM leads WHERE id = ?');
    this.exists = db.prepare('SELECT id FROM leads WHERE id = ?');
    this.absent = db
      .prepare<[string], number>(
        // A lookup by id for each one; NOT IN would read every lead to build its list first.
        'SELECT value FROM json_each(?) WHERE NOT EXISTS (SELECT 1 FROM leads WHERE id = value) ORDER BY key',
      )
      .pluck();
    this.byEnvokeId = db.prepare('SELECT id FROM leads WHERE envoke_id = ?');
    this.anyByRemote = db.prepare(
      "SELECT id FROM leads WHERE remote_id = ? AND remote_id <> '' LIMIT 1",
    );
    this.unsentByRemote = db.prepare(
      "SELECT * FROM leads WHERE remote_id = ? AND remote_id <> '' AND envoke_id IS NULL ORDER BY id LIMIT 1",
    );
    this.cachedForPage = db.prepare(
      'SELECT id, envoke_id, server_json, sync_state, gone FROM leads WHERE envoke_id IN (SELECT value FROM json_each(?))',
    );
    // The planner would rather scan the table in id order; the index (leads_unseen) is what makes this
    // cheap at the end of every full pull.
    this.unseenRows = db.prepare(
      `SELECT id, envoke_id FROM leads INDEXED BY leads_unseen
       WHERE envoke_id IS NOT NULL AND gone = 0 AND pull_generation < ? ORDER BY id`,
    );
  }

  get(id: number): LeadRow | undefined {
    return this.byId.get(id);
  }

  has(id: number): boolean {
    return this.exists.get(id) !== undefined;
  }

  /** Those of `ids` no lead has, in their order: one query however many (a bulk action). */
  missing(ids: readonly number[]): number[] {
    return this.absent.all(JSON.stringify(ids));
  }

  idByEnvokeId(envokeId: string): number | null {
    return this.byEnvokeId.get(envokeId)?.id ?? null;
  }

  /**
   * Any lead with this remote_id, sent or not. Only a create that names its own remote_id asks
   * (rarely, from the CLI), so it reads the table rather than keeping an index for every pull.
   */
  idByRemoteId(remoteId: string): number | null {
    return this.anyByRemote.get(remoteId)?.id ?? null;
  }

  /** A lead created on this laptop that Envoke has not acknowledged yet, by its client UUID. */
  unsentByRemoteId(remoteId: string): LeadRow | undefined {
    return this.unsentByRemote.get(remoteId);
  }

  /** The cached state of the given Envoke ids, in one query. */
  cachedByEnvokeIds(envokeIds: readonly string[]): Map<string, CachedLead> {
    const rows = this.cachedForPage.all(JSON.stringify(envokeIds));
    return new Map(rows.map((row) => [row.envoke_id, row]));
  }

  /** Leads Envoke has that the full pull of `generation` did not see (yet). */
  unseenSince(generation: number): { id: number; envoke_id: string }[] {
    return this.unseenRows.all(generation);
  }
}
