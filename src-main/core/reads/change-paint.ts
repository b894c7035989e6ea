/**
 * What a change of the person answers the window that made it (contract: change-answer.ts): the
 * leads it reached as the list shows them, which of them the window's list still holds, the
 * sidebar's counts and the detail on screen. Read right after the change's writes (in their
 * transaction, for a change made under its caller's id), so the window paints what was made
 * durable and asks nothing again.
 */
import type Database from 'better-sqlite3';
import {
  SHOWN_ROWS_MAX,
  type ChangeAnswer,
  type Shown,
  type ShownList,
} from '#contract/change-answer';
import { parseQuery } from '#contract/lead-query';
import type { Store } from '../tables/store';
import { leadDetail } from './lead-detail';
import type { LeadQueries } from './lead-queries';
import { compileQuery } from './query-sql';
import { withSearch } from './query-views';

/** Statements kept for query shapes; past this many they are all prepared afresh. */
const QUERY_SHAPES_KEPT = 64;

export class ChangePaint {
  private readonly queryMembers = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    private readonly store: Store,
    private readonly queries: LeadQueries,
    private readonly now: () => number,
    /** The next read version (change-answer.ts): one per answer. */
    private readonly nextVersion: () => number,
  ) {}

  /** The answer for a change that reached `leadIds`, or undefined when nothing was shown. */
  answer(leadIds: readonly number[], shown: Shown | undefined): ChangeAnswer | undefined {
    if (shown === undefined) return undefined;
    const version = this.nextVersion();
    const counts = this.queries.counts();
    const detailId =
      shown.detail !== undefined && leadIds.includes(shown.detail)
        ? shown.detail
        : leadIds.length === 1
          ? leadIds[0]
          : undefined;
    const detail =
      detailId === undefined || !this.store.leads.has(detailId)
        ? null
        : leadDetail(this.store, detailId, this.now());
    if (leadIds.length > SHOWN_ROWS_MAX)
      return { version, rows: null, members: null, counts, detail };
    const ids = [...leadIds];
    const rows = this.queries.rows({ ids }).rows;
    const members = shown.list === undefined ? null : this.members(shown.list, ids);
    return { version, rows, members, counts, detail };
  }

  /** Which of `ids` the list holds: one lookup by id each, never a walk of the list. */
  private members(list: ShownList, ids: number[]): number[] {
    if ('view' in list) return this.queries.membership({ ...list, ids }).ids;
    // A handful of leads: each checks its own facet words rather than reading the candidates.
    const compiled = compileQuery(withSearch(parseQuery(list.query), list.search), undefined, {
      facets: () => 'check',
    });
    const sql = `SELECT id FROM leads WHERE id IN (SELECT value FROM json_each(?))
                 AND (${compiled.where})`;
    let statement = this.queryMembers.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql).pluck();
      if (this.queryMembers.size >= QUERY_SHAPES_KEPT) this.queryMembers.clear();
      this.queryMembers.set(sql, statement);
    }
    const found = new Set(statement.all(JSON.stringify(ids), ...compiled.params) as number[]);
    return ids.filter((id) => found.has(id));
  }
}
