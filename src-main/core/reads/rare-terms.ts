/**
 * A page of a query walks its sort's index and reads each lead's row to test a text term, until a
 * page of matches: quick for a term many leads match, but for a company one lead in a thousand
 * has, a quarter of a million rows at a million leads (seconds). Such a term's leads are better
 * read from its column's index first (one pass over the index, far smaller than the rows, then a
 * row per match). This tells the two apart cheaply, for company and
 * contact terms (the columns with such an index): a term that matches at least one lead in two
 * hundred among the newest leads keeps the walk; for one that does not, its matches are read from
 * the index, and used when there are fewer than a hundredth of the cache (a term common among
 * older leads only keeps the walk too).
 */
import type Database from 'better-sqlite3';
import type { LeadQuery, QueryTerm } from '#contract/lead-query';
import { compileQuery } from './query-sql';
import { indexedTextTerms, textCondition } from './text-term-sql';

/** The newest leads a term is tried on, by id (the order leads arrive in). */
const SAMPLE = 2_000;
/** Matches among them that make a term common enough to walk for. */
const COMMON_IN_SAMPLE = SAMPLE / 200;
/** The most matches read from an index: a hundredth of the cache, and at least this many. */
const MATCHES_FLOOR = 2_000;
const MATCHES_SHARE = 100;

/** The leads of each rare company or contact term of `query`, for compileQuery's `matched`. */
export function rareTermMatches(
  statement: (sql: string) => Database.Statement,
  query: LeadQuery,
): Map<QueryTerm, number[]> {
  const matches = new Map<QueryTerm, number[]>();
  const terms = indexedTextTerms(query);
  if (terms.length === 0) return matches;
  // The largest id stands for the number of leads (a lookup, where count(*) reads them all).
  const last = (statement('SELECT max(id) FROM leads').pluck().get() as number | null) ?? 0;
  const most = Math.max(MATCHES_FLOOR, Math.ceil(last / MATCHES_SHARE));
  for (const term of terms) {
    // Its text as stored is enough to see a common term (folded copies are the few).
    const params: unknown[] = [last - SAMPLE];
    const stored = textCondition(term, params, false);
    const recent = statement(`SELECT count(*) FROM leads WHERE id > ? AND ${stored}`)
      .pluck()
      .get(...params) as number;
    if (recent >= COMMON_IN_SAMPLE) continue;
    const alone = compileQuery({ terms: [term] });
    const ids = statement(`SELECT id FROM leads WHERE ${alone.where} LIMIT ?`)
      .pluck()
      .all(...alone.params, most) as number[];
    if (ids.length < most) matches.set(term, ids);
  }
  return matches;
}
