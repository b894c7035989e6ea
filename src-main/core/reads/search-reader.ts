/**
 * The leads a search plan (search-plan.ts) finds in a view, newest lead id first: each arm of the
 * plan read from its index in the index's own order, joined to its lead by id (CROSS JOIN keeps
 * the index as the outer loop, so ORDER BY rowid DESC LIMIT n reads n matches, plus those the view
 * skips), and the arms merged. Leads reach the cache in Envoke's id order, which is its creation
 * order, and leads created here come last: newest id first is newest first.
 *
 * A phone fragment that many numbers hold ("555") would make FTS5 merge the lists of all those
 * numbers first; the newest phones are read instead (lead_phones, a short row each), where such
 * a fragment fills a page soonest, and the index only below them, for the fewer older matches.
 */
import { statementCache } from './statement-cache';
import type Database from 'better-sqlite3';
import type { ViewId } from '#contract/dto';
import type { SearchPlan } from './search-plan';
import { VIEW_CONDITIONS } from './view-filters';

/** Leads in the view, or (for "matches elsewhere") every lead outside it. */
export interface SearchScope {
  view: ViewId;
  outside?: boolean;
}

/** Lead ids below `below` and above `above`, when given. */
export interface IdRange {
  below?: number | undefined;
  above?: number | undefined;
}

/** The search indexes an arm reads. */
export type ArmTable = 'lead_search' | 'lead_contact_keys';

/**
 * Phones read newest first before the index: ten thousand short rows, about fifty pages. A
 * fragment that fills no page among them is held by fewer than one number in two hundred, whose
 * list the index then merges quickly.
 */
const WALKED_PHONES = 10_000;

/** The condition of `scope` over the leads table (`l` in a join). */
function scopeCondition(scope: SearchScope): string {
  const condition = VIEW_CONDITIONS[scope.view];
  // A view's condition may be NULL for a lead (a missing column value): such a lead is not in
  // the view, so it is outside it.
  return scope.outside === true ? `NOT coalesce((${condition}), 0)` : condition;
}

/** The newest `limit` of several newest-first id lists together, each id once (-1: all). */
export function mergeNewest(lists: readonly (readonly number[])[], limit: number): number[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) {
    const only = nonEmpty[0] ?? [];
    return limit < 0 ? [...only] : only.slice(0, limit);
  }
  const merged = [...new Set(nonEmpty.flat())].sort((a, b) => b - a);
  return limit < 0 ? merged : merged.slice(0, limit);
}

export class SearchReader {
  private readonly statement: (sql: string) => Database.Statement;
  private readonly newestId: Database.Statement<[], number | null>;

  private readonly walkedPhones: number;

  constructor(db: Database.Database, options: { walkedPhones?: number } = {}) {
    this.statement = statementCache(db);
    this.walkedPhones = options.walkedPhones ?? WALKED_PHONES;
    this.newestId = db.prepare<[], number | null>('SELECT max(id) FROM leads').pluck();
  }

  /** The plan's leads in `scope` and `range`, newest first, at most `limit` (-1: all). */
  ids(plan: SearchPlan, scope: SearchScope, range: IdRange, limit: number): number[] {
    const lists: number[][] = [];
    if (plan.words !== null)
      lists.push(this.armIds('lead_search', plan.words, scope, range, limit));
    if (plan.contact !== null) {
      lists.push(
        plan.phone?.walk === true
          ? this.phoneIds(plan.phone.digits, plan.contact, scope, range, limit)
          : this.armIds('lead_contact_keys', plan.contact, scope, range, limit),
      );
    }
    return mergeNewest(lists, limit);
  }

  /** Whether lead `id` is in `view` and found by the plan: a lookup by id in each arm. */
  has(plan: SearchPlan, view: ViewId, id: number): boolean {
    const arms: string[] = [];
    const params: unknown[] = [id];
    if (plan.words !== null) {
      arms.push(
        'EXISTS (SELECT 1 FROM lead_search WHERE lead_search MATCH ? AND rowid = leads.id)',
      );
      params.push(plan.words);
    }
    if (plan.phone !== null && plan.contact !== null) {
      // The lead's own digits: a prefix of many numbers would be merged whole to test one lead.
      arms.push('EXISTS (SELECT 1 FROM lead_phones WHERE id = leads.id AND instr(digits, ?) > 0)');
      params.push(plan.phone.digits);
    } else if (plan.contact !== null) {
      arms.push(`EXISTS (SELECT 1 FROM lead_contact_keys
        WHERE lead_contact_keys MATCH ? AND rowid = leads.id)`);
      params.push(plan.contact);
    }
    if (arms.length === 0) return false;
    const sql = `SELECT 1 FROM leads WHERE id = ? AND ${VIEW_CONDITIONS[view]}
      AND (${arms.join(' OR ')})`;
    return this.statement(sql).get(...params) !== undefined;
  }

  /** One arm read from its index, newest first. */
  private armIds(
    table: ArmTable,
    match: string,
    scope: SearchScope,
    range: IdRange,
    limit: number,
  ): number[] {
    const sql = `SELECT s.rowid FROM ${searchFrom(table)} AND ${scopeCondition(scope)}
      ${range.below !== undefined ? 'AND s.rowid < ?' : ''}
      ${range.above !== undefined ? 'AND s.rowid > ?' : ''}
      ORDER BY s.rowid DESC LIMIT ?`;
    const params: unknown[] = [match];
    if (range.below !== undefined) params.push(range.below);
    if (range.above !== undefined) params.push(range.above);
    return this.statement(sql)
      .pluck()
      .all(...params, limit) as number[];
  }

  /** A phone fragment many numbers hold: the newest phones first, then the index below them. */
  private phoneIds(
    digits: string,
    match: string,
    scope: SearchScope,
    range: IdRange,
    limit: number,
  ): number[] {
    const top = range.below ?? (this.newestId.get() ?? 0) + 1;
    const bottom = Math.max((range.above ?? 0) + 1, top - this.walkedPhones);
    const inView = scope.view === 'all' && scope.outside !== true;
    const sql = `SELECT p.id FROM lead_phones AS p
      ${inView ? '' : 'CROSS JOIN leads AS l ON l.id = p.id'}
      WHERE p.id < ? AND p.id >= ? AND instr(p.digits, ?) > 0
      ${inView ? '' : `AND ${scopeCondition(scope)}`}
      ORDER BY p.id DESC LIMIT ?`;
    const newest = this.statement(sql).pluck().all(top, bottom, digits, limit) as number[];
    if (newest.length === limit || bottom <= (range.above ?? 0) + 1) return newest;
    const rest = limit < 0 ? limit : limit - newest.length;
    const older = this.armIds('lead_contact_keys', match, scope, { ...range, below: bottom }, rest);
    return [...newest, ...older];
  }
}

/** An arm's matches in its index's order, each joined to its lead by id. */
export function searchFrom(table: ArmTable): string {
  return `${table} AS s CROSS JOIN leads AS l ON l.id = s.rowid WHERE ${table} MATCH ?`;
}
