/**
 * The query terms about facets a lead has no column for (`said:`, `custom.<key>:`, `interest:`,
 * `unit:`, `consent:`), as SQL over the facet index (tables/facets.ts). A term asks for words,
 * as a search does: `said:widg` finds "widgets", `unit:b2b` "B2B Widgets", `interest:events`
 * "Events". Free text (what the contact wrote, custom values) takes the last word as a beginning;
 * an interest, a business unit and a consent are whole words. `:=` asks for the whole value, any
 * case, checked on the lead itself; so are several words of an interest, which must all be in
 * the same one.
 *
 * The words of all the query's facet terms are looked up together, so the index intersects
 * them. How their candidates are read is chosen by how many leads they name (query-views.ts
 * counts them): few, and the candidates are read and put in order (`matches`); more, and the list
 * is walked in its own order, each lead checked against the candidates (`walk`: `+id IN`, which
 * SQLite builds once, with a Bloom filter, stopping at the page); most, and the list is walked
 * checking each lead's own words (`check`, in `lead_facet_text`), without building a list of
 * half a million candidates. A negated term is always checked lead by lead. The words' MATCH
 * names the words a prefix stands for where the index's term list is at hand (facet-terms.ts).
 */
import type { QueryTerm } from '#contract/lead-query';
import { compact, facetMatch, facetWords, type Facet, type FacetWord } from '../tables/facets';

const SEEN = 'coalesce(local_json, server_json)';

export type FacetReading = 'matches' | 'walk' | 'check';

/** How the candidates of the query's facet words, given their MATCH, are read (see the top). */
export type FacetPlan = (match: string) => FacetReading;

/** The MATCH over lead_facets that finds the leads holding all `words`; null for none. */
export type FacetMatcher = (words: readonly FacetWord[]) => string | null;

type FacetTerm =
  | Extract<QueryTerm, { kind: 'custom' }>
  | (Extract<QueryTerm, { kind: 'text' }> & { field: 'said' | 'unit' | 'interest' })
  | { kind: 'consent'; value: string };

const FACET_TEXT_FIELDS = new Set(['said', 'unit', 'interest']);

/** LIKE with the person's % and _ taken literally. */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The consent's letters and digits, lower case, none being "not provided" (facets.ts compact). */
const CONSENT_KEY = `(CASE WHEN trim(coalesce(json_extract(${SEEN}, '$.contact.consent_status'), '')) = ''
  THEN 'notprovided' ELSE lower(replace(replace(replace(replace(replace(
    json_extract(${SEEN}, '$.contact.consent_status'), ' ', ''), '-', ''), ':', ''), '_', ''), '.', ''))
  END)`;

/** The whole value, any case; or, for several words of an interest, each of them in it. */
function valueTest(
  text: string,
  term: { value: string; exact: boolean },
  params: unknown[],
): string {
  if (term.exact) {
    params.push(term.value);
    return `${text} = ? COLLATE NOCASE`;
  }
  const words = term.value.split(/\s+/).filter(Boolean);
  params.push(...words.map(containsPattern));
  return words.map(() => `${text} LIKE ? ESCAPE '\\'`).join(' AND ');
}

/** The check on the lead itself: exact for a consent and a whole value. */
function leadTest(term: FacetTerm, params: unknown[]): string {
  switch (term.kind) {
    case 'consent':
      params.push(compact(term.value) === 'implied' ? 'implied%' : compact(term.value));
      return `${CONSENT_KEY} LIKE ?`;
    case 'custom': {
      // `{key: value}` as Envoke's samples show, or `[{name, value}]` as its webhooks do.
      params.push(term.key);
      const keyed = valueTest('e.value', term, params);
      params.push(term.key);
      const listed = valueTest(`json_extract(e.value, '$.value')`, term, params);
      return `EXISTS (SELECT 1 FROM json_each(${SEEN}, '$.contact.custom_fields') AS e
        WHERE (typeof(e.key) = 'text' AND e.key = ? AND ${keyed})
           OR (e.type = 'object' AND json_extract(e.value, '$.name') = ? AND ${listed}))`;
    }
    case 'text':
      if (term.field === 'said')
        return valueTest(`coalesce(json_extract(${SEEN}, '$.contact.feedback'), '')`, term, params);
      if (term.field === 'unit')
        return valueTest(`coalesce(json_extract(${SEEN}, '$.business_unit'), '')`, term, params);
      {
        // Interests: a list of names, a {name: "Set"} map, or [{name, state}]; unset ones skipped.
        const listed = valueTest(`json_extract(e.value, '$.name')`, term, params);
        const mapped = valueTest('e.key', term, params);
        const named = valueTest('e.value', term, params);
        return `EXISTS (SELECT 1 FROM json_each(${SEEN}, '$.contact.interests') AS e WHERE CASE
          WHEN e.type = 'object' THEN coalesce(json_extract(e.value, '$.state'), '') NOT LIKE 'unset' AND ${listed}
          WHEN typeof(e.key) = 'text' THEN coalesce(e.value, '') NOT LIKE 'unset' AND ${mapped}
          ELSE ${named} END)`;
      }
  }
}

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

/** Whether the lead must be asked too: a whole value, or words that must share one interest. */
function needsLeadTest(term: FacetTerm): boolean {
  if (term.kind === 'consent') return false;
  if (term.exact) return true;
  return term.kind === 'text' && term.field === 'interest' && /\S\s+\S/.test(term.value.trim());
}

function wordsOfTerm(term: FacetTerm): FacetWord[] {
  // Free text takes its last word as a beginning; a consent's "implied" begins its kinds.
  const freeText = term.kind === 'custom' || (term.kind === 'text' && term.field === 'said');
  const whole =
    term.kind === 'consent' ? compact(term.value) !== 'implied' : term.exact || !freeText;
  return facetWords(facetOf(term), term.value, whole);
}

/** The lead's own facet words hold these: a whole word, or one that begins so. */
function wordsTest(words: readonly FacetWord[], params: unknown[]): string {
  const text = `(' ' || (SELECT tokens FROM lead_facet_text WHERE id = leads.id) || ' ')`;
  return words
    .map((word) => {
      params.push(` ${word.token}${word.prefix ? '' : ' '}`);
      return `instr(${text}, ?) > 0`;
    })
    .join(' AND ');
}

/** One term, checked on the lead alone: its words, and the lead itself where they do not say all. */
function checkTerm(term: FacetTerm, params: unknown[]): string {
  const words = wordsOfTerm(term);
  if (words.length === 0) return noWords(term, params);
  const test = wordsTest(words, params);
  return needsLeadTest(term) ? `${test} AND ${leadTest(term, params)}` : test;
}

/** A value without a word: a whole value is still compared; words, of which there are none, match nothing. */
function noWords(term: FacetTerm, params: unknown[]): string {
  return term.kind !== 'consent' && term.exact ? leadTest(term, params) : '0';
}

/**
 * The condition of the query's facet terms, or null when it has none. Positive terms are looked
 * up together by their words (`plan` decides how, see the top); a negated term is checked on
 * each lead. Returns the terms it answered, which the caller leaves out.
 */
export function facetConditions(
  terms: readonly QueryTerm[],
  params: unknown[],
  plan?: FacetPlan,
  matcher: FacetMatcher = facetMatch,
): { condition: string; answered: Set<QueryTerm> } | null {
  const facets = terms.flatMap((term) => {
    const facet = asFacetTerm(term);
    return facet === null ? [] : [{ term, facet }];
  });
  if (facets.length === 0) return null;
  const parts: string[] = [];
  const positive = facets.filter(({ term }) => !term.negated);
  const words = positive.flatMap(({ facet }) => wordsOfTerm(facet));
  const match = matcher(words);
  const reading = match === null ? 'check' : (plan?.(match) ?? 'matches');
  if (reading === 'check') {
    for (const { facet } of positive) parts.push(checkTerm(facet, params));
  } else {
    params.push(match);
    parts.push(
      `${reading === 'walk' ? '+id' : 'id'} IN (SELECT rowid FROM lead_facets WHERE lead_facets MATCH ?)`,
    );
    for (const { facet } of positive) {
      if (wordsOfTerm(facet).length === 0) parts.push(noWords(facet, params));
      else if (needsLeadTest(facet)) parts.push(leadTest(facet, params));
    }
  }
  for (const { facet } of facets.filter(({ term }) => term.negated))
    parts.push(`NOT (${checkTerm(facet, params)})`);
  return { condition: parts.join(' AND '), answered: new Set(facets.map(({ term }) => term)) };
}
