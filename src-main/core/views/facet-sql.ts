/**
 * The query terms about facets a lead has no column for (`said:`, `custom.<key>:`, `interest:`,
 * `unit:`, `consent:`), as SQL. Each finds its candidates in the facet index (store/facets.ts)
 * and then checks the lead itself, so a match is exact (a value contained, a whole interest)
 * where the index only knows words.
 *
 * How the candidates are read is chosen per term, by how many leads the index names (query-
 * views.ts counts a few): few, and the candidates are read and put in order (`matches`: a few
 * hundred leads); many, and the list is walked in its own order, each lead checked against the
 * candidates (`walk`: `+id IN`, which SQLite builds once, with a Bloom filter, stopping at the
 * page); and when most leads match, the list is walked checking each lead alone (`check`:
 * building a list of half a million candidates would cost more than the page). So a first page
 * at a million leads costs about the same whether a term matches ten leads or half of them.
 */
import type { QueryTerm } from '#contract/lead-query';
import { compact, facetMatch, type Facet } from '../store/facets';

const SEEN = 'coalesce(local_json, server_json)';

/** How the candidates of one facet MATCH are read (see the top of this file). */
export type FacetPlan = (match: string) => 'matches' | 'walk' | 'check';

/** LIKE with the person's % and _ taken literally. */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `text` contains the value, or equals it (any case) when `exact`. */
function textTest(text: string, value: string, exact: boolean, params: unknown[]): string {
  params.push(exact ? value : containsPattern(value));
  return exact ? `${text} = ? COLLATE NOCASE` : `${text} LIKE ? ESCAPE '\\'`;
}

/** The consent's letters and digits, lower case, none being "not provided" (facets.ts compact). */
const CONSENT_KEY = `(CASE WHEN trim(coalesce(json_extract(${SEEN}, '$.contact.consent_status'), '')) = ''
  THEN 'notprovided' ELSE lower(replace(replace(replace(replace(replace(
    json_extract(${SEEN}, '$.contact.consent_status'), ' ', ''), '-', ''), ':', ''), '_', ''), '.', ''))
  END)`;

/** The check on the lead itself, after its facet words matched. */
function leadTest(term: FacetTerm, params: unknown[]): string {
  switch (term.kind) {
    case 'consent':
      params.push(`${compact(term.value)}%`);
      return `${CONSENT_KEY} LIKE ?`;
    case 'custom': {
      // `{key: value}` as Envoke's samples show, or `[{name, value}]` as its webhooks do.
      params.push(term.key);
      const keyed = textTest('e.value', term.value, term.exact, params);
      params.push(term.key);
      const listed = textTest(`json_extract(e.value, '$.value')`, term.value, term.exact, params);
      return `EXISTS (SELECT 1 FROM json_each(${SEEN}, '$.contact.custom_fields') AS e
        WHERE (typeof(e.key) = 'text' AND e.key = ? AND ${keyed})
           OR (e.type = 'object' AND json_extract(e.value, '$.name') = ? AND ${listed}))`;
    }
    case 'text':
      if (term.field === 'said')
        return textTest(
          `coalesce(json_extract(${SEEN}, '$.contact.feedback'), '')`,
          term.value,
          term.exact,
          params,
        );
      if (term.field === 'unit')
        return textTest(
          `coalesce(json_extract(${SEEN}, '$.business_unit'), '')`,
          term.value,
          term.exact,
          params,
        );
      {
        // Interests: a list of names, a {name: "Set"} map, or [{name, state}]; unset ones skipped.
        const listed = textTest(`json_extract(e.value, '$.name')`, term.value, term.exact, params);
        const mapped = textTest('e.key', term.value, term.exact, params);
        const named = textTest('e.value', term.value, term.exact, params);
        return `EXISTS (SELECT 1 FROM json_each(${SEEN}, '$.contact.interests') AS e WHERE CASE
          WHEN e.type = 'object' THEN coalesce(json_extract(e.value, '$.state'), '') NOT LIKE 'unset' AND ${listed}
          WHEN typeof(e.key) = 'text' THEN coalesce(e.value, '') NOT LIKE 'unset' AND ${mapped}
          ELSE ${named} END)`;
      }
  }
}

type FacetTerm =
  | Extract<QueryTerm, { kind: 'custom' }>
  | (Extract<QueryTerm, { kind: 'text' }> & { field: 'said' | 'unit' | 'interest' })
  | { kind: 'consent'; value: string };

const FACET_TEXT_FIELDS = new Set(['said', 'unit', 'interest']);

/** The term as a facet term, or null when it is about a column. */
function asFacetTerm(term: QueryTerm): FacetTerm | null {
  if (term.kind === 'custom') return term;
  if (term.kind === 'text' && FACET_TEXT_FIELDS.has(term.field)) return term as FacetTerm;
  if (term.kind === 'enum' && term.field === 'consent')
    return { kind: 'consent', value: term.value };
  return null;
}

function facetOf(term: FacetTerm): Facet {
  if (term.kind === 'custom') return { custom: term.key };
  if (term.kind === 'consent') return 'consent';
  return term.field;
}

/**
 * The condition of a facet term, or undefined when the term is about a column. `plan` decides how
 * its candidates are read; without one they are read first (right for counts and whole lists).
 */
export function facetCondition(
  term: QueryTerm,
  params: unknown[],
  plan?: FacetPlan,
): string | undefined {
  const facet = asFacetTerm(term);
  if (facet === null) return undefined;
  // A whole value's last word is whole too; a consent is one word, "implied" the only one that
  // begins others (inquiry, transaction, no expiry).
  const whole = facet.kind === 'consent' ? compact(facet.value) !== 'implied' : facet.exact;
  const match = facetMatch(facetOf(facet), facet.value, whole);
  const how = match === null ? 'check' : (plan?.(match) ?? 'matches');
  if (match === null || how === 'check') return leadTest(facet, params);
  const walk = how === 'walk';
  params.push(match);
  const candidates = `${walk ? '+id' : 'id'} IN (SELECT rowid FROM lead_facets WHERE lead_facets MATCH ?)`;
  return `(${candidates} AND ${leadTest(facet, params)})`;
}
