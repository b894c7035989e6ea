/**
 * Reads and writes of the `leads` table. Every write of what the person sees also refreshes the
 * projection columns and the search index, so lists, counts and search can never disagree with
 * the detail pane. Kept whole past 300 lines: it is the one module that knows the table's columns.
 */
import type Database from 'better-sqlite3';
import type { LeadSyncState } from '#contract/dto';
import {
  contactField,
  contactName,
  field,
  searchTextOf,
  type LeadRecord,
  type SearchText,
} from './lead-record';
import { INSERTED_STEPS_SQL } from './kept-counts';
import { ContactIndex } from './contact-index';
import { FoldedTextTable } from './folded-text-table';
import { FacetIndex } from './facet-index';
import { facetText } from './facets';
import { SearchIndex } from './search-index';
import { viewsOf } from './view-membership';

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

const PROJECTION_COLUMNS = [
  'sort_key',
  'contact_name',
  'company',
  'email',
  'marketing_rating_status',
  'marketing_rating',
  'sales_rating_status',
  'sales_rating',
  'opportunity',
  'sale',
  'salesperson',
];
const PROJECTION_SET = PROJECTION_COLUMNS.map((column) => `${column} = ?`).join(', ');

/** The projection columns of a record, in the order of PROJECTION_COLUMNS. */
function projection(record: LeadRecord): string[] {
  return [
    field(record, 'create_time'),
    contactName(record),
    contactField(record, 'company'),
    contactField(record, 'email'),
    field(record, 'marketing_rating_status'),
    field(record, 'marketing_rating'),
    field(record, 'sales_rating_status'),
    field(record, 'sales_rating'),
    field(record, 'opportunity'),
    field(record, 'sale'),
    field(record, 'salesperson'),
  ];
}

function sameText(a: SearchText, b: SearchText): boolean {
  return a.name === b.name && a.company === b.company && a.email === b.email && a.notes === b.notes;
}

export class LeadTable {
  readonly search: SearchIndex;
  private readonly folded: FoldedTextTable;
  readonly facets: FacetIndex;
  private readonly contacts: ContactIndex;
  private readonly byId: Database.Statement<[number], LeadRow>;
  private readonly exists: Database.Statement<[number], { id: number }>;
  private readonly absent: Database.Statement<[string], number>;
  private readonly byEnvokeId: Database.Statement<[string], { id: number }>;
  private readonly unsentByRemote: Database.Statement<[string], LeadRow>;
  private readonly anyByRemote: Database.Statement<[string], { id: number }>;
  private readonly cachedForPage: Database.Statement<[string], CachedLead & { envoke_id: string }>;
  private readonly insertRow: Database.Statement;
  private readonly updateLocalRow: Database.Statement;
  private readonly updateServerRow: Database.Statement;
  private readonly updateSeen: Database.Statement;
  private readonly attachRow: Database.Statement;
  private readonly goneRow: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly unseenRows: Database.Statement<[number], { id: number; envoke_id: string }>;
  private readonly addToCount: Database.Statement<[number, string]>;
  private readonly addSteps: Database.Statement<[{ ids: string }]>;
  /** Leads inserted in the open transaction, per view, not yet in view_counts (kept-counts.ts). */
  private uncounted = new Map<string, number>();
  /** UPDATEs of what the person sees naming only the columns that change, by those columns. */
  private readonly partialUpdates = new Map<string, Database.Statement>();
  /** Leads inserted in the open transaction, not yet counted in either. */
  private readonly uncountedIds = new Set<number>();

  constructor(private readonly db: Database.Database) {
    this.search = new SearchIndex(db);
    this.folded = new FoldedTextTable(db);
    this.facets = new FacetIndex(db);
    this.contacts = new ContactIndex(db);
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
    this.insertRow = db.prepare(
      `INSERT INTO leads (envoke_id, remote_id, server_json, local_json, ${PROJECTION_COLUMNS.join(', ')},
         sync_state, pull_generation, updated_at)
       VALUES (?, ?, ?, ?, ${PROJECTION_COLUMNS.map(() => '?').join(', ')}, ?, ?, ?)`,
    );
    this.updateLocalRow = db.prepare(
      `UPDATE leads SET local_json = ?, ${PROJECTION_SET}, sync_state = ?, updated_at = ? WHERE id = ?`,
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
    this.addToCount = db.prepare('UPDATE view_counts SET count = count + ? WHERE view = ?');
    this.addSteps = db.prepare(INSERTED_STEPS_SQL);
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
   * `previous` (what they saw before), the search index is only rewritten when its text changed:
   * most triage changes touch statuses, not names or notes. With `stored` (the row as it is in
   * the table), only the columns whose value changes are written: SQLite rewrites the entry of
   * every index over a column an UPDATE names, changed or not, and each rewritten index page is
   * one more page encrypted and synced with the person's change.
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
    this.countBeforeChanging(id);
    const values = projection(local);
    if (stored === undefined) {
      this.updateLocalRow.run(localJson, ...values, syncState, now, id);
    } else {
      const changed = PROJECTION_COLUMNS.flatMap((column, i) =>
        values[i] === stored[column as keyof LeadRow] ? [] : [i],
      );
      const newState = stored.sync_state !== syncState;
      this.changedColumnsUpdate(changed, newState).run(
        localJson,
        ...changed.map((i) => values[i]),
        ...(newState ? [syncState] : []),
        now,
        id,
      );
    }
    const text = searchTextOf(local);
    if (previous === undefined || !sameText(text, searchTextOf(previous)))
      this.search.put(id, text);
    this.folded.put(id, local, previous);
    const facets = facetText(local);
    if (previous === undefined || facets !== facetText(previous)) this.facets.put(id, facets);
    this.contacts.put(id, local, previous);
  }

  /** An UPDATE of local_json, the given projection columns, sync_state if `withState`, updated_at. */
  private changedColumnsUpdate(changed: readonly number[], withState: boolean): Database.Statement {
    const key = `${changed.join(',')}:${withState}`;
    let statement = this.partialUpdates.get(key);
    if (statement === undefined) {
      const sets = [
        'local_json = ?',
        ...changed.map((i) => `${PROJECTION_COLUMNS[i]} = ?`),
        ...(withState ? ['sync_state = ?'] : []),
        'updated_at = ?',
      ];
      statement = this.db.prepare(`UPDATE leads SET ${sets.join(', ')} WHERE id = ?`);
      this.partialUpdates.set(key, statement);
    }
    return statement;
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
    this.countBeforeChanging(id);
    this.updateServerRow.run(
      serverJson,
      localJson,
      ...projection(local),
      syncState,
      generation,
      now,
      id,
    );
    this.search.put(id, searchTextOf(local));
    this.folded.put(id, local);
    this.facets.put(id, facetText(local));
    this.contacts.put(id, local);
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
    this.countBeforeChanging(id);
    this.deleteRow.run(id);
    this.search.remove(id);
    this.facets.remove(id);
    this.contacts.remove(id);
  }

  /**
   * Writes the inserted leads' views into view_counts and their pipeline steps into
   * pipeline_days. Store runs it at the end of every transaction, inside it, so the counts
   * commit (or roll back) with the leads they count.
   */
  settleCounts(): void {
    if (this.uncountedIds.size === 0) return;
    for (const [view, count] of this.uncounted) this.addToCount.run(count, view);
    this.addSteps.run({ ids: JSON.stringify([...this.uncountedIds]) });
    this.forgetUncounted();
  }

  /**
   * The update and delete triggers adjust the counts from the row as it was: a lead inserted in
   * this transaction is counted first, so they find it counted.
   */
  private countBeforeChanging(id: number): void {
    if (this.uncountedIds.has(id)) this.settleCounts();
  }

  /** The transaction that inserted them rolled back: so did the leads. */
  forgetUncounted(): void {
    this.uncounted.clear();
    this.uncountedIds.clear();
  }

  private countInserted(id: number, seen: LeadRecord, syncState: LeadSyncState): void {
    this.uncountedIds.add(id);
    const views = viewsOf({
      marketing_rating_status: field(seen, 'marketing_rating_status'),
      sales_rating_status: field(seen, 'sales_rating_status'),
      opportunity: field(seen, 'opportunity'),
      sale: field(seen, 'sale'),
      sync_state: syncState,
    });
    for (const view of views) this.uncounted.set(view, (this.uncounted.get(view) ?? 0) + 1);
    // An insert outside any transaction commits at once: so does its count.
    if (!this.db.inTransaction) this.settleCounts();
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
    this.search.add(id, searchTextOf(seen));
    this.folded.add(id, seen);
    this.facets.add(id, facetText(seen));
    this.contacts.add(id, seen);
    this.countInserted(id, seen, syncState);
    return id;
  }
}
