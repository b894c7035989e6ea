/**
 * Leads of a query in the lead query language: their ids in order, a capped count, and the
 * values of a field for completion. Statements are prepared once per SQL shape.
 */
import { statementCache } from './statement-cache';
import type Database from 'better-sqlite3';
import type { CommandArgs, CommandOutput, CappedCount } from '#contract/commands';
import { foldText } from '#contract/fold';
import { parseQuery, parseSort, type LeadQuery, type QueryTerm } from '#contract/lead-query';
import { DEFAULT_SORT } from '#contract/lead-query';
import { RATING_COLUMNS, TEXT_COLUMNS } from './query-columns';
import { compileQuery } from './query-sql';
import { afterCondition, SORT_EXPRESSIONS } from './sort-sql';
import { foldedMatch } from './text-term-sql';
import { rareTermMatches } from './rare-terms';
import { SearchPlanner, searchKind } from './search-plan';
import type { FacetPlan } from './facet-sql';
import { FacetTermList } from './facet-terms';

/**
 * Past this many, a saved view's count is shown as "1,000+". A capped count reads leads until it
 * has this many matches: the cost follows how rare the matches are, not the size of the cache, and
 * a thousand matches are a few thousand rows read (most of them still in the page cache when the
 * sidebar recounts), where ten thousand were tens of thousands decrypted from the file each time.
 */
export const VIEW_COUNT_CAP = 1_000;

/**
 * A facet term naming fewer leads than this reads them first (facet-sql.ts): sorting that many
 * costs less than walking the list. About the square root of a million leads times a page of 250.
 */
export const FACET_WALK_FROM = 2_000;
/**
 * Past this share of the newest leads, the list is walked checking each lead's own words: a page
 * reads a few thousand at most, where building the list of candidates would read every one of
 * them first.
 */
export const FACET_CHECK_FROM = 0.05;
/** The share is estimated on the gap back to this many candidates before the newest. */
const FACET_SAMPLE = 200;

const LIKE = "LIKE ? ESCAPE '\\'";

interface ValueColumn {
  column: string;
  /** A text field's values are matched as its terms are, folded; a rating's as they are. */
  folded: boolean;
  /** The condition a prefix `pattern` puts on the column, its parameters pushed on `params`. */
  where(pattern: string, params: unknown[]): string;
}
/**
 * Fields whose values completion offers: the column shown and how a prefix matches it (a text
 * field's folded text, so `company:üb` offers "ÜBER GmbH"). A Map: the field name is whatever the
 * caller sent.
 */
const VALUE_COLUMNS: ReadonlyMap<string, ValueColumn> = new Map<string, ValueColumn>([
  ...Object.entries(TEXT_COLUMNS).map(([field, column]): [string, ValueColumn] => [
    field,
    {
      column,
      folded: true,
      where: (pattern, params) => foldedMatch(column, LIKE, pattern, params),
    },
  ]),
  ...Object.entries(RATING_COLUMNS).map(([field, column]): [string, ValueColumn] => [
    field,
    {
      column,
      folded: false,
      where: (pattern, params) => {
        params.push(pattern);
        return `${column} ${LIKE}`;
      },
    },
  ]),
]);

/**
 * The query with the list's search box words added as words. A phone fragment stays whole
 * ("555 0157"): its digits are looked for together, as the list's own search does.
 */
export function withSearch(query: LeadQuery, search: string | undefined): LeadQuery {
  const text = (search ?? '').trim();
  const words =
    text !== '' && searchKind(text).kind === 'phone' ? [text] : text.split(/\s+/).filter(Boolean);
  return {
    ...query,
    terms: [
      ...query.terms,
      ...words.map((value) => ({ kind: 'word' as const, value, negated: false })),
    ],
  };
}

export class QueryViews {
  private readonly statement: (sql: string) => Database.Statement;

  private readonly facetHits: Database.Statement<[string, number], number>;
  private readonly nthNewestHit: Database.Statement<[string, number], number | undefined>;
  private readonly newestId: Database.Statement<[], number | null>;
  private readonly planner: SearchPlanner;
  private readonly facetTerms: FacetTermList;

  constructor(db: Database.Database) {
    this.statement = statementCache(db);
    this.planner = new SearchPlanner(db);
    this.facetTerms = new FacetTermList(db);
    this.facetHits = db
      .prepare<[string, number], number>(
        'SELECT count(*) FROM (SELECT 1 FROM lead_facets WHERE lead_facets MATCH ? LIMIT ?)',
      )
      .pluck();
    // Read newest first from the index, as a search reads: it stops after a few hundred.
    this.nthNewestHit = db
      .prepare<[string, number], number | undefined>(
        'SELECT rowid FROM lead_facets WHERE lead_facets MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?',
      )
      .pluck();
    this.newestId = db.prepare<[], number | null>('SELECT max(id) FROM leads').pluck();
  }

  /** How a bare word is searched: as the list's search box searches it (search-plan.ts). */
  private readonly search = (text: string) => this.planner.plan(text);

  /**
   * How a page or a count reads a facet term's candidates (facet-sql.ts): by how many leads its
   * words' MATCH names and, past a few thousand, their share among the newest leads.
   */
  private readonly facetPlan: FacetPlan = (match) => {
    if ((this.facetHits.get(match, FACET_WALK_FROM) ?? 0) < FACET_WALK_FROM) return 'matches';
    const newest = this.newestId.get() ?? 0;
    const nth = this.nthNewestHit.get(match, FACET_SAMPLE - 1) ?? 0;
    return FACET_SAMPLE / Math.max(1, newest - nth + 1) >= FACET_CHECK_FROM ? 'check' : 'walk';
  };

  /**
   * A count has no order to walk: without one, SQLite would check every lead's row against the
   * candidates. It reads the candidates (and stops at the cap), or asks each lead when most match.
   */
  private readonly countPlan: FacetPlan = (match) => {
    const reading = this.facetPlan(match);
    return reading === 'walk' ? 'matches' : reading;
  };

  /** The leads of each rare company or contact term of `query` (rare-terms.ts). */
  private rareMatches(query: LeadQuery): Map<QueryTerm, number[]> {
    return rareTermMatches((sql) => this.statement(sql), query);
  }

  idsOf(query: LeadQuery, sortText?: string): number[] {
    const sort = sortText === undefined ? undefined : parseSort(sortText);
    const compiled = compileQuery(query, sort, {
      matched: this.rareMatches(query),
      facetMatch: this.facetTerms.match,
      search: this.search,
    });
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
   * expression and id with a LIMIT lets SQLite walk that sort's index (leads_by_…) and stop
   * at the page, so the first window of a view of a million leads reads a thousand.
   */
  idPage(input: CommandArgs<'query:id-page'>): CommandOutput<'query:id-page'> {
    const query = withSearch(parseQuery(input.query), input.search);
    const sort = input.sort === undefined ? (query.sort ?? DEFAULT_SORT) : parseSort(input.sort);
    const compiled = compileQuery(query, sort, {
      matched: this.rareMatches(query),
      facets: this.facetPlan,
      facetMatch: this.facetTerms.match,
      search: this.search,
    });
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
    // A term alone is counted from its index as it is; beside others, a rare one is read first.
    const compiled = compileQuery(query, undefined, {
      matched: query.terms.length > 1 ? this.rareMatches(query) : new Map(),
      facets: this.countPlan,
      facetMatch: this.facetTerms.match,
      search: this.search,
    });
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
    const found = VALUE_COLUMNS.get(input.field);
    if (found === undefined) return { values: [] };
    const { column, folded, where } = found;
    const prefix = folded ? foldText(input.prefix) : input.prefix;
    const params: unknown[] = [];
    const matched = where(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, params);
    const sql = `SELECT ${column} AS value FROM leads WHERE ${column} <> '' AND ${matched}
                 GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 10`;
    return {
      values: this.statement(sql)
        .pluck()
        .all(...params) as string[],
    };
  }
}
