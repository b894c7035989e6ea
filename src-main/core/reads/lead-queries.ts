/**
 * Read side of the lead list: pages of a view by keyset (never OFFSET, so page 900 costs what page
 * 1 costs), the whole ordered id list of a view for the virtual list, rows by id, and counts.
 * Newest first: (sort_key, id) descending, where sort_key is Envoke's create_time.
 *
 * A search is read from its indexes in their own order, newest lead id first (search-reader.ts),
 * and stops at the page: ordering its matches by sort_key would read and sort every match first,
 * a second for a one-letter search in a million leads. What it reads is planned from what was
 * typed (search-plan.ts): words, a phone fragment, or an email.
 */
import type Database from 'better-sqlite3';
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { VIEW_IDS, type LeadSummary, type ViewId } from '#contract/dto';
import type { LeadRow } from '../tables/lead-row';
import { SearchPlanner, type SearchPlan } from './search-plan';
import { searchFrom, SearchReader, type ArmTable } from './search-reader';
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

/** A page of a search in a view: (match, [after id], limit), from one index (`table`). */
export function searchPageSql(
  view: ViewId,
  withCursor: boolean,
  table: ArmTable = 'lead_search',
): string {
  return `SELECT ${SUMMARY_COLUMNS_OF_L} FROM ${searchFrom(table)}
    AND ${VIEW_CONDITIONS[view]} ${withCursor ? 'AND s.rowid < ?' : ''}
    ORDER BY s.rowid DESC LIMIT ?`;
}

/** The one index a plan reads, when it reads one and reads it alone. */
function soleArm(plan: SearchPlan): { table: ArmTable; match: string } | null {
  if (plan.words !== null && plan.contact === null)
    return { table: 'lead_search', match: plan.words };
  if (plan.words === null && plan.contact !== null && plan.phone?.walk !== true)
    return { table: 'lead_contact_keys', match: plan.contact };
  return null;
}

export class LeadQueries {
  private readonly cache = new Map<string, Database.Statement>();
  private readonly rowsById: Database.Statement<[string], SummaryRow>;
  private readonly keptCounts: Database.Statement<[], { view: string; count: number }>;
  private readonly sortKeyOf: Database.Statement<[number], string>;
  private readonly planner: SearchPlanner;
  private readonly searches: SearchReader;

  constructor(private readonly db: Database.Database) {
    this.rowsById = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM leads WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.keptCounts = db.prepare('SELECT view, count FROM view_counts');
    this.sortKeyOf = db
      .prepare<[number], string>('SELECT sort_key FROM leads WHERE id = ?')
      .pluck();
    this.planner = new SearchPlanner(db);
    this.searches = new SearchReader(db);
  }

  /** Statements are built per (view, cursor?) shape once and reused. */
  private statement(key: string, sql: () => string): Database.Statement {
    let statement = this.cache.get(key);
    if (statement === undefined) {
      statement = this.db.prepare(sql());
      this.cache.set(key, statement);
    }
    return statement;
  }

  list(input: CommandArgs<'leads:list'>): CommandOutput<'leads:list'> {
    const plan = this.planner.plan(input.search);
    const rows = plan === null ? this.viewPage(input) : this.searchPage(plan, input);
    const last = rows[rows.length - 1];
    const next =
      rows.length === input.limit && last !== undefined
        ? { sortKey: last.createTime, id: last.id }
        : null;
    return { rows, next };
  }

  /** A page of a view, by (sort_key, id). */
  private viewPage(input: CommandArgs<'leads:list'>): LeadSummary[] {
    const after = input.after;
    const statement = this.statement(`list:${input.view}:${after !== undefined}`, () => {
      const where = [VIEW_CONDITIONS[input.view]];
      if (after !== undefined) where.push('(sort_key, id) < (?, ?)');
      return `SELECT ${SUMMARY_COLUMNS} FROM leads WHERE ${where.join(' AND ')}
              ORDER BY sort_key DESC, id DESC LIMIT ?`;
    });
    const params: unknown[] = after === undefined ? [] : [after.sortKey, after.id];
    return (statement.all(...params, input.limit) as SummaryRow[]).map(toSummary);
  }

  /**
   * A page of a search, by id alone (the indexes' own order). A plan that reads one index reads
   * the page's rows with its matches; one that merges several reads its ids first.
   */
  private searchPage(plan: SearchPlan, input: CommandArgs<'leads:list'>): LeadSummary[] {
    const after = input.after;
    const sole = soleArm(plan);
    if (sole === null) {
      const ids = this.searches.ids(plan, input, { below: after?.id }, input.limit);
      return this.rows({ ids }).rows;
    }
    const statement = this.statement(
      `search:${sole.table}:${input.view}:${after !== undefined}`,
      () => searchPageSql(input.view, after !== undefined, sole.table),
    );
    const params: unknown[] = [sole.match];
    if (after !== undefined) params.push(after.id);
    return (statement.all(...params, input.limit) as SummaryRow[]).map(toSummary);
  }

  ids(input: CommandArgs<'leads:ids'>): CommandOutput<'leads:ids'> {
    const plan = this.planner.plan(input.search);
    if (plan !== null) return { ids: this.searches.ids(plan, input, {}, -1) };
    const statement = this.statement(
      `ids:${input.view}`,
      () => `SELECT id FROM leads WHERE ${VIEW_CONDITIONS[input.view]}
             ORDER BY sort_key DESC, id DESC`,
    );
    return { ids: statement.pluck().all() as number[] };
  }

  idPage(input: CommandArgs<'leads:id-page'>): CommandOutput<'leads:id-page'> {
    const plan = this.planner.plan(input.search);
    const after = input.after;
    if (plan !== null) {
      // The search's own order (see the top of this file): its cursor is the id alone.
      const ids = this.searches.ids(plan, input, { below: after?.id }, input.limit);
      const last = ids[ids.length - 1];
      const next =
        ids.length === input.limit && last !== undefined ? { sortKey: '', id: last } : null;
      return { ids, next };
    }
    const statement = this.statement(
      `id-page:${input.view}:${after !== undefined}`,
      () => `SELECT id, sort_key FROM leads WHERE ${VIEW_CONDITIONS[input.view]}
             ${after !== undefined ? 'AND (sort_key, id) < (?, ?)' : ''}
             ORDER BY sort_key DESC, id DESC LIMIT ?`,
    );
    const params: unknown[] = after === undefined ? [] : [after.sortKey, after.id];
    const rows = statement.all(...params, input.limit) as { id: number; sort_key: string }[];
    const last = rows[rows.length - 1];
    const next =
      rows.length === input.limit && last !== undefined
        ? { sortKey: last.sort_key, id: last.id }
        : null;
    return { ids: rows.map((row) => row.id), next };
  }

  membership(input: CommandArgs<'leads:membership'>): CommandOutput<'leads:membership'> {
    const plan = this.planner.plan(input.search);
    // One lookup by id each: a handful of leads changed, never a scan of the view.
    if (plan !== null)
      return { ids: input.ids.filter((id) => this.searches.has(plan, input.view, id)) };
    const statement = this.statement(
      `member:${input.view}`,
      () => `SELECT 1 FROM leads WHERE id = ? AND ${VIEW_CONDITIONS[input.view]}`,
    );
    return { ids: input.ids.filter((id) => statement.get(id) !== undefined) };
  }

  position(input: CommandArgs<'leads:position'>): CommandOutput<'leads:position'> {
    const member = this.membership({ view: input.view, search: input.search, ids: [input.id] });
    if (member.ids.length === 0) return { index: null };
    // Counting stops at `upTo`: the cost is the place asked about, not the length of the view.
    const limit = input.upTo ?? -1;
    const plan = this.planner.plan(input.search);
    if (plan !== null)
      return { index: this.searches.ids(plan, input, { above: input.id }, limit).length };
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
    const plan = this.planner.plan(input.search);
    if (plan === null || input.view === 'all') return { view: 'all', count: 0, capped: false };
    const scope = { view: input.view, outside: true };
    const count = this.searches.ids(plan, scope, {}, SEARCH_ELSEWHERE_CAP + 1).length;
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

  /** Kept by triggers in the same transaction as every write (tables/kept-counts.ts): O(1) to read. */
  counts(): CommandOutput<'leads:counts'> {
    const kept = new Map(this.keptCounts.all().map((row) => [row.view, row.count]));
    const counts = {} as Record<ViewId, number>;
    for (const view of VIEW_IDS) counts[view] = kept.get(view) ?? 0;
    return counts;
  }
}
