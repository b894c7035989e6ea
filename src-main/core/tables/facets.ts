/**
 * The facets of a lead the query language asks about that have no column of their own: what the
 * contact wrote (`said:`), the contact's custom values (`custom.<key>:`), its interests
 * (`interest:`), the business unit (`unit:`) and the consent (`consent:`). Each is kept as words
 * in the `lead_facets` full-text index, every word tagged with its facet
 * (`saidxwidgets`, `unitxb2b`, `customxwidgetnamexgold`), so one index finds the few leads a
 * term can match among a million without reading them; the condition on the lead itself then
 * decides (reads/facet-sql.ts). The index has no column filters (detail = none): the tags keep the
 * facets apart instead.
 */
import { normalizeConsent } from '#contract/consent';
import { tagNames } from '#contract/contact-shapes';
import { contactOf, customEntries, field, textOf, type LeadRecord } from './lead-record';

/** A word longer than this is kept (and looked for) by its beginning. */
const WORD_LIMIT = 60;

export type Facet = 'said' | 'unit' | 'interest' | 'consent' | { custom: string };

/** Words as the search index's tokenizer makes them: letters, numbers and private-use runs. */
export function wordsOf(text: string): string[] {
  // Without accents, as the index's tokenizer keeps them, so a lead's own words (lead_facet_text)
  // compare as the index does.
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{Co}]+/u)
    .filter(Boolean)
    .map((word) => word.slice(0, WORD_LIMIT));
}

/** Letters and digits of a key or a consent, lower case: "Implied - Inquiry" is "impliedinquiry". */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function tagOf(facet: Facet): string {
  return typeof facet === 'string' ? `${facet}x` : `customx${compact(facet.custom)}x`;
}

/** The consent a lead's contact has, Envoke's spelling where known; none is "Not provided". */
export function consentOfRecord(record: LeadRecord): string {
  const status = textOf(contactOf(record).consent_status).trim();
  if (status === '') return 'Not provided';
  return normalizeConsent(status) ?? status;
}

/** The tagged words of a lead, each once, as the facet index holds them. */
export function facetText(record: LeadRecord): string {
  const tokens = new Set<string>();
  const add = (facet: Facet, text: string) => {
    for (const word of wordsOf(text)) tokens.add(`${tagOf(facet)}${word}`);
  };
  add('said', textOf(contactOf(record).feedback));
  add('unit', field(record, 'business_unit'));
  for (const name of tagNames(contactOf(record).interests)) add('interest', name);
  for (const [key, value] of customEntries(record)) add({ custom: key }, value);
  tokens.add(`${tagOf('consent')}${compact(consentOfRecord(record))}`);
  return [...tokens].join(' ');
}

/** One word a facet term looks for: a whole word, or (`prefix`) the beginning of words. */
export interface FacetWord {
  token: string;
  prefix: boolean;
}

/**
 * The words a facet term looks for in `value`, tagged with its facet: all whole but the last,
 * which begins words unless `whole`. Words a term names all hold (AND), in any order.
 */
export function facetWords(facet: Facet, value: string, whole: boolean): FacetWord[] {
  const words = facet === 'consent' ? [compact(value)].filter(Boolean) : wordsOf(value);
  const tag = tagOf(facet);
  return words.map((word, i) => ({
    token: `${tag}${word}`,
    prefix: i === words.length - 1 && !whole,
  }));
}

/** The MATCH expression for these words, or null for none. Safe: only tagged words in quotes. */
export function facetMatch(words: readonly FacetWord[]): string | null {
  if (words.length === 0) return null;
  return words.map((word) => `"${word.token}"${word.prefix ? '*' : ''}`).join(' AND ');
}
