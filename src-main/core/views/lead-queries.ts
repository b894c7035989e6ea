/**
 * Read side of the lead list: pages of a view by keyset (never OFFSET, so page 900 costs what page
 * 1 costs), the whole ordered id list of a view for the virtual list, rows by id, and counts.
 * Newest first: (sort_key, id) descending, where sort_key is Envoke's create_time.
 *
 * A search is read from the search index in its own order, newest lead id first (leads reach the
 * cache in Envoke's id order, which is its creation order, and leads created here come last), and
 * stops at the page: ordering its matches by sort_key would read and sort every match first,
 * a second for a one-letter search in a million leads.
 */
import type Database from 'better-sqlite3';
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { VIEW_IDS, type LeadSummary, type ViewId } from '#contract/dto';
import type { LeadRow } from '../store/lead-table';
import { ftsQuery } from './search-query';
import { VIEW_CONDITIONS } from './view-filters';

const SUMMARY_COLUMNS = `id, envoke_id, sort_key, contact_name, company, email, marketing_rating_status,
  marketing_rating, sales_rating_status, sales_rating, opportunity, sale, salesperson, sync_state, gone`;

type SummaryRow = Omit<
  LeadRow,
  'remote_id' | 'server_json' | 'local_json' | 'pull_generation' | 'updated_at'
>;

export function toSummary(row: SummaryRow): LeadSummary {
  return {
    id: row.id,
    envokeId: row.envoke_id,
    contactName: row.contact_name,
    company: row.company,
    email: row.email,
    createTime: row.sort_key,
    marketing_rating_status: row.marketing_rating_status,
    marketing_rating: row.marketing_rating,
    sales_rating_status: row.sales_rating_status,
    sales_rating: row.sales_rating,
    opportunity: row.opportunity,
    sale: row.sale,
    salesperson: row.salesperson,
    syncState: row.sync_state,
    goneFromEnvoke: row.gone === 1,
  };
}

/** Past this many, matches elsewhere are shown as "1,000+". */
export const SEARCH_ELSEWHERE_CAP = 1_000;

/** The summary columns of `l`, the leads table joined to the search index (both have email). */
const SUMMARY_COLUMNS_OF_L = SUMMARY_COLUMNS.split(',')
  .map((column) => `l.${column.trim()}`)
  .join(', ');

/**
 * Matches in the search index's order, each joined to its lead by id: CROSS JOIN keeps the index
 * as the outer loop, so ORDER BY s.rowid DESC LIMIT n reads n matches (plus those the view skips).
 */
const SEARCH_FROM = `lead_search AS s CROSS JOIN leads AS l ON l.id = s.rowid
  WHERE lead_search MATCH ?`;

/** A page of a search in a view: (match, [after id], limit). */
export function searchPageSql(view: ViewId, withCursor: boolean): string {
  return `SELECT ${SUMMARY_COLUMNS_OF_L} FROM ${SEARCH_FROM}
    AND ${VIEW_CONDITIONS[view]} ${withCursor ? 'AND s.rowid < ?' : ''}
    ORDER BY s.rowid DESC LIMIT ?`;
}

export class LeadQueries {
  private readonly cache = new Map<string, Database.Statement>();
  private readonly rowsById: Database.Statement<[string], SummaryRow>;
  private readonly keptCounts: Database.Statement<[], { view: string; count: number }>;
  private readonly sortKeyOf: Database.Statement<[number], string>;

  constructor(private readonly db: Database.Database) {
    this.rowsById = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM leads WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.keptCounts = db.prepare('SELECT view, count FROM view_counts');
    this.sortKeyOf = db
      .prepare<[number], string>('SELECT sort_key FROM leads WHERE id = ?')
      .pluck();
  }

  /** Statements are built per (view, search?, cursor?) shape once and reused. */
  private statement(key: string, sql: () => string): Database.Statement {
    let statement = this.cache.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sql());
      this.cache.set(key, statement);
    }
    return statement;
  }

  list(input: CommandArgs<'leads:list'>): CommandOutput<'leads:list'> {
    const match = ftsQuery(input.search);
    const after = input.after;
    const key = `list:${input.view}:${match !== null}:${after !== undefined}`;
    const statement = this.statement(key, () => {
      if (match !== null) return searchPageSql(input.view, after !== undefined);
      const where = [VIEW_CONDITIONS[input.view]];
      if (after !== undefined) where.push('(sort_key, id) < (?, ?)');
      return `SELECT ${SUMMARY_COLUMNS} FROM leads WHERE ${where.join(' AND ')}
              ORDER BY sort_key DESC, id DESC LIMIT ?`;
    });
    const params = pageParams(match, after, input.limit);
    const rows = (statement.all(...params) as SummaryRow[]).map(toSummary);
    const last = rows[rows.length - 1];
    const next =
      rows.length === input.limit && last !== undefined
        ? { sortKey: last.createTime, id: last.id }
        : null;
    return { rows, next };
  }

  ids(input: CommandArgs<'leads:ids'>): CommandOutput<'leads:ids'> {
    const match = ftsQuery(input.search);
    const statement = this.statement(`ids:${input.view}:${match !== null}`, () =>
      match !== null
        ? `SELECT s.rowid FROM ${SEARCH_FROM} AND ${VIEW_CONDITIONS[input.view]}
           ORDER BY s.rowid DESC`
        : `SELECT id FROM leads WHERE ${VIEW_CONDITIONS[input.view]}
           ORDER BY sort_key DESC, id DESC`,
    );
    const ids = (
      match === null ? statement.pluck().all() : statement.pluck().all(match)
    ) as number[];
    return { ids };
  }

  idPage(input: CommandArgs<'leads:id-page'>): CommandOutput<'leads:id-page'> {
    const match = ftsQuery(input.search);
    const after = input.after;
    const key = `id-page:${input.view}:${match !== null}:${after !== undefined}`;
    const statement = this.statement(key, () =>
      match !== null
        ? // The search's own order (see the top of this file): its cursor is the id alone.
          `SELECT s.rowid AS id, '' AS sort_key FROM ${SEARCH_FROM}
           AND ${VIEW_CONDITIONS[input.view]} ${after !== undefined ? 'AND s.rowid < ?' : ''}
           ORDER BY s.rowid DESC LIMIT ?`
        : `SELECT id, sort_key FROM leads WHERE ${VIEW_CONDITIONS[input.view]}
           ${after !== undefined ? 'AND (sort_key, id) < (?, ?)' : ''}
           ORDER BY sort_key DESC, id DESC LIMIT ?`,
    );
    const params = pageParams(match, after, input.limit);
    const rows = statement.all(...params) as { id: number; sort_key: string }[];
    const last = rows[rows.length - 1];
    const next =
      rows.length === input.limit && last !== undefined
        ? { sortKey: last.sort_key, id: last.id }
        : null;
    return { ids: rows.map((row) => row.id), next };
  }

  membership(input: CommandArgs<'leads:membership'>): CommandOutput<'leads:membership'> {
    const match = ftsQuery(input.search);
    const statement = this.statement(`member:${input.view}:${match !== null}`, () =>
      match !== null
        ? `SELECT 1 FROM leads WHERE id = ? AND ${VIEW_CONDITIONS[input.view]} AND EXISTS (
             SELECT 1 FROM lead_search WHERE lead_search MATCH ? AND rowid = leads.id)`
        : `SELECT 1 FROM leads WHERE id = ? AND ${VIEW_CONDITIONS[input.view]}`,
    );
    // One lookup by id each: a handful of leads changed, never a scan of the view.
    const ids = input.ids.filter(
      (id) => (match === null ? statement.get(id) : statement.get(id, match)) !== undefined,
    );
    return { ids };
  }

  position(input: CommandArgs<'leads:position'>): CommandOutput<'leads:position'> {
    const member = this.membership({ view: input.view, search: input.search, ids: [input.id] });
    if (member.ids.length === 0) return { index: null };
    const match = ftsQuery(input.search);
    // Counting stops at `upTo`: the cost is the place asked about, not the length of the view.
    const limit = input.upTo ?? -1;
    if (match !== null) {
      const before = this.statement(
        `position-search:${input.view}`,
        () => `SELECT count(*) FROM (SELECT 1 FROM ${SEARCH_FROM}
               AND ${VIEW_CONDITIONS[input.view]} AND s.rowid > ? LIMIT ?)`,
      );
      return { index: before.pluck().get(match, input.id, limit) as number };
    }
    const sortKey = this.sortKeyOf.get(input.id) as string;
    const before = this.statement(
      `position:${input.view}`,
      () => `SELECT count(*) FROM (SELECT 1 FROM leads WHERE ${VIEW_CONDITIONS[input.view]}
             AND (sort_key, id) > (?, ?) LIMIT ?)`,
    );
    return { index: before.pluck().get(sortKey, input.id, limit) as number };
  }

  /**
   * Matches of a search outside `view`, counted up to SEARCH_ELSEWHERE_CAP: a search for "a" in
   * a million leads stops counting early instead of reading every match.
   */
  searchElsewhere(
    input: CommandArgs<'leads:search-elsewhere'>,
  ): CommandOutput<'leads:search-elsewhere'> {
    const match = ftsQuery(input.search);
    if (match === null || input.view === 'all') return { view: 'all', count: 0, capped: false };
    const statement = this.statement(
      `elsewhere:${input.view}`,
      // A view's condition may be NULL for a lead (a missing column value): such a lead is not
      // in the view, so it counts as elsewhere.
      () => `SELECT count(*) FROM (SELECT 1 FROM ${SEARCH_FROM}
               AND NOT coalesce((${VIEW_CONDITIONS[input.view]}), 0) LIMIT ?)`,
    );
    const count = statement.pluck().get(match, SEARCH_ELSEWHERE_CAP + 1) as number;
    return {
      view: 'all',
      count: Math.min(count, SEARCH_ELSEWHERE_CAP),
      capped: count > SEARCH_ELSEWHERE_CAP,
    };
  }

  /** Summaries of the given ids, in the order asked; ids that no longer exist are left out. */
  rows(input: CommandArgs<'leads:rows'>): CommandOutput<'leads:rows'> {
    const found = new Map(this.rowsById.all(JSON.stringify(input.ids)).map((row) => [row.id, row]));
    const rows: LeadSummary[] = [];
    for (const id of input.ids) {
      const row = found.get(id);
      if (row !== undefined) rows.push(toSummary(row));
    }
    return { rows };
  }

  /** Kept by triggers in the same transaction as every write (store/kept-counts.ts): O(1) to read. */
  counts(): CommandOutput<'leads:counts'> {
    const kept = new Map(this.keptCounts.all().map((row) => [row.view, row.count]));
    const counts = {} as Record<ViewId, number>;
    for (const view of VIEW_IDS) counts[view] = kept.get(view) ?? 0;
    return counts;
  }
}

/**
 * The parameters of a keyset page: a search pages by id alone (the index's own order), a view
 * by (sort_key, id).
 */
function pageParams(
  match: string | null,
  after: { sortKey: string; id: number } | undefined,
  limit: number,
): unknown[] {
  const params: unknown[] = [];
  if (match !== null) {
    params.push(match);
    if (after !== undefined) params.push(after.id);
  } else if (after !== undefined) params.push(after.sortKey, after.id);
  params.push(limit);
  return params;
}
