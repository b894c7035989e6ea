/**
 * Leads of a query in the lead query language: their ids in order, a capped count, and the
 * values of a field for completion. Statements are prepared once per SQL shape.
 */
import type Database from 'better-sqlite3';
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { parseQuery, parseSort, type LeadQuery, type QueryFieldName } from '#contract/lead-query';
import type { CappedCount } from '#contract/view-commands';
import { DEFAULT_SORT } from '#contract/lead-query';
import {
  afterCondition,
  compileQuery,
  RATING_COLUMNS,
  SORT_EXPRESSIONS,
  TEXT_COLUMNS,
} from './query-sql';

/**
 * Past this many, a saved view's count is shown as "1,000+". A capped count reads leads until it
 * has this many matches: the cost follows how rare the matches are, not the size of the cache, and
 * a thousand matches are a few thousand rows read (most of them still in the page cache when the
 * sidebar recounts), where ten thousand were tens of thousands decrypted from the file each time.
 */
export const VIEW_COUNT_CAP = 1_000;

/** Fields whose values completion offers, read from their own column. */
const VALUE_COLUMNS: Partial<Record<QueryFieldName, string>> = {
  ...TEXT_COLUMNS,
  ...RATING_COLUMNS,
};

/** The query with the list's search box words added as words. */
export function withSearch(query: LeadQuery, search: string | undefined): LeadQuery {
  const words = (search ?? '').split(/\s+/).filter(Boolean);
  return {
    ...query,
    terms: [
      ...query.terms,
      ...words.map((value) => ({ kind: 'word' as const, value, negated: false })),
    ],
  };
}

export class QueryViews {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  idsOf(query: LeadQuery, sortText?: string): number[] {
    const compiled = compileQuery(query, sortText === undefined ? undefined : parseSort(sortText));
    const sql = `SELECT id FROM leads WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`;
    return this.statement(sql)
      .pluck()
      .all(...compiled.params) as number[];
  }

  ids(input: CommandArgs<'query:ids'>): CommandOutput<'query:ids'> {
    return { ids: this.idsOf(withSearch(parseQuery(input.query), input.search), input.sort) };
  }

  /**
   * A page of a query's ids in its sort, from where the last page ended. ORDER BY the sort's
   * expression and id with a LIMIT lets SQLite walk that sort's index (migration 0080) and stop
   * at the page, so the first window of a view of a million leads reads a thousand.
   */
  idPage(input: CommandArgs<'query:id-page'>): CommandOutput<'query:id-page'> {
    const query = withSearch(parseQuery(input.query), input.search);
    const sort = input.sort === undefined ? (query.sort ?? DEFAULT_SORT) : parseSort(input.sort);
    const compiled = compileQuery(query, sort);
    const after = input.after;
    const where =
      after === undefined ? compiled.where : `${compiled.where} AND ${afterCondition(sort)}`;
    const sql = `SELECT id, ${SORT_EXPRESSIONS[sort.key]} AS key FROM leads WHERE ${where}
                 ORDER BY ${compiled.orderBy} LIMIT ?`;
    const params = [...compiled.params];
    if (after !== undefined) params.push(after.key, after.id);
    const rows = this.statement(sql).all(...params, input.limit) as {
      id: number;
      key: string | number;
    }[];
    const last = rows[rows.length - 1];
    const next =
      rows.length === input.limit && last !== undefined ? { key: last.key, id: last.id } : null;
    return { ids: rows.map((row) => row.id), next };
  }

  /** Counts up to `cap` and stops: a broad query at a million leads answers at once. */
  countOf(query: LeadQuery, cap = VIEW_COUNT_CAP): CappedCount {
    const compiled = compileQuery(query);
    const sql = `SELECT count(*) FROM (SELECT 1 FROM leads WHERE ${compiled.where} LIMIT ?)`;
    const count = this.statement(sql)
      .pluck()
      .get(...compiled.params, cap + 1) as number;
    return { count: Math.min(count, cap), capped: count > cap };
  }

  count(input: CommandArgs<'query:count'>): CommandOutput<'query:count'> {
    return this.countOf(withSearch(parseQuery(input.query), input.search), input.cap);
  }

  /** The most common values of a field that begin with what was typed. */
  values(input: CommandArgs<'query:values'>): CommandOutput<'query:values'> {
    const column = VALUE_COLUMNS[input.field as QueryFieldName];
    if (column === undefined) return { values: [] };
    const pattern = `${input.prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const sql = `SELECT ${column} AS value FROM leads WHERE ${column} <> '' AND ${column} LIKE ? ESCAPE '\\'
                 GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 10`;
    return { values: this.statement(sql).pluck().all(pattern) as string[] };
  }
}
