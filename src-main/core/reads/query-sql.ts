/**
 * Turns a parsed lead query (src-shared/contract/lead-query.ts) into a parameterised SQL
 * condition and order over the leads table's columns. Every value the person typed goes in as a
 * parameter; only fixed column names and operators are written into the SQL text. Each kind of
 * term has its own module (enum-, text-, date-term-sql.ts, facet-sql.ts); this one joins them.
 */
import type { LeadQuery, QuerySort, QueryTerm } from '#contract/lead-query';
import { DEFAULT_SORT } from '#contract/lead-query';
import { dateCondition } from './date-term-sql';
import { enumCondition } from './enum-term-sql';
import { facetConditions, type FacetMatcher, type FacetPlan } from './facet-sql';
import { columnOf, RATING_COLUMNS } from './query-columns';
import { plainPlan, type SearchPlan } from './search-plan';
import { orderByOf } from './sort-sql';
import { textCondition } from './text-term-sql';

/** How a query's terms read their leads (see compileQuery). */
export interface QueryReading {
  matched?: ReadonlyMap<QueryTerm, readonly number[]>;
  facets?: FacetPlan | undefined;
  /** The MATCH of facet words (facet-terms.ts); each prefix as FTS5 reads it without it. */
  facetMatch?: FacetMatcher | undefined;
  /** How a bare word is searched (search-plan.ts); every arm as a prefix without it. */
  search?: ((text: string) => SearchPlan | null) | undefined;
}

export interface CompiledQuery {
  /** A condition over `leads` (never empty: '1' when the query has no terms). */
  where: string;
  params: unknown[];
  /** ORDER BY clause body, ending with id for a total order. */
  orderBy: string;
}

/** A bare word: the leads its search plan finds, in any of the plan's indexes. */
function wordCondition(plan: SearchPlan | null, params: unknown[]): string | null {
  // Punctuation alone has nothing to search for: the word narrows nothing.
  if (plan === null) return null;
  const arms: string[] = [];
  if (plan.words !== null) {
    params.push(plan.words);
    arms.push('id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?)');
  }
  if (plan.contact !== null) {
    params.push(plan.contact);
    arms.push('id IN (SELECT rowid FROM lead_contact_keys WHERE lead_contact_keys MATCH ?)');
  }
  if (arms.length === 0) return '0';
  return arms.length === 1 ? arms[0]! : `(${arms.join(' OR ')})`;
}

function termCondition(
  term: QueryTerm,
  params: unknown[],
  matched: ReadonlyMap<QueryTerm, readonly number[]>,
  search: (text: string) => SearchPlan | null,
): string | null {
  switch (term.kind) {
    case 'enum':
      return enumCondition(term.field, term.value);
    case 'rating':
      params.push(term.value);
      return `${columnOf(RATING_COLUMNS, term.field)} = ? COLLATE NOCASE`;
    case 'text': {
      const ids = matched.get(term);
      if (ids === undefined) return textCondition(term, params);
      // Its leads read from the column's index already: only their rows are read.
      params.push(JSON.stringify(ids));
      return 'id IN (SELECT value FROM json_each(?))';
    }
    case 'date':
      return dateCondition(term, params);
    case 'word':
      return wordCondition(search(term.value), params);
    case 'custom':
      return null; // Answered with the other facet terms (facet-sql.ts).
  }
}

/**
 * The query's condition, parameters and order; `sort` wins over the query's own sort term.
 * `reading` says how some terms read their leads: `matched` gives the leads of some text terms,
 * found beforehand (QueryViews reads a rare term's leads from its column's index), which the
 * condition then names by id; `facets` how facet terms read their candidates (facet-sql.ts).
 */
export function compileQuery(
  query: LeadQuery,
  sort?: QuerySort,
  reading: QueryReading = {},
): CompiledQuery {
  const matched = reading.matched ?? new Map<QueryTerm, readonly number[]>();
  const params: unknown[] = [];
  const conditions: string[] = [];
  const facets = facetConditions(query.terms, params, reading.facets, reading.facetMatch);
  if (facets !== null) conditions.push(facets.condition);
  for (const term of query.terms) {
    if (facets?.answered.has(term)) continue;
    const condition = termCondition(term, params, matched, reading.search ?? plainPlan);
    if (condition === null) continue;
    conditions.push(term.negated ? `NOT (${condition})` : condition);
  }
  return {
    where: conditions.length === 0 ? '1' : conditions.join(' AND '),
    params,
    orderBy: orderByOf(sort ?? query.sort ?? DEFAULT_SORT),
  };
}
