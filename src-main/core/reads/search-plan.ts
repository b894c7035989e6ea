/**
 * What a search reads, decided from what was typed:
 *
 * - A phone fragment (digits with spaces and + - ( ) . / only, three digits at least: "555 01",
 *   "+1 (416) 555-0199") finds the leads whose phone holds those digits in a row, from the
 *   contact keys (tables/contact-keys.ts), and also every lead its words find as before (a number
 *   in a note).
 * - An email, or part of one with its `@` ("jane@acme", "@acme.com"), finds the leads whose email
 *   begins with it, or whose domain does, from the contact keys alone: its words ("com",
 *   "example") are in nearly every email and would find nearly every lead.
 * - Anything else finds the leads that hold every word, the last of each as a beginning, from
 *   the words index (lead_search).
 *
 * A plan is the union of the arms it names. FTS5 answers a prefix (`"harbor"*`) by merging the
 * list of every word it begins into one before handing back the first match: tens of
 * milliseconds for a common word at a million leads, whatever the page. SearchPlanner reads the
 * index's own term list first and names those words instead (`("harbor" OR "harborlabs")`): each
 * word's list is then read newest first from where the last match was, the rarest word leading
 * the others (FTS5's AND moves every list to the furthest match any of them is at), and the read
 * stops at the page. The words are the very ones the prefix stands for, so the leads found are the
 * same; a prefix that begins more than a few dozen words is left as it is.
 */
import type Database from 'better-sqlite3';
import { foldText } from '#contract/fold';
import { emailKey, MIN_PHONE_DIGITS, phoneDigits, phoneKey } from '../tables/contact-keys';
import { ftsTerms, quotedTerm, type FtsTerm } from './search-query';
import { anyOf, wordsBeginning } from './term-list';

export interface SearchPlan {
  /** MATCH over lead_search; null: this arm finds nothing. */
  words: string | null;
  /** MATCH over lead_contact_keys; null: this arm finds nothing. */
  contact: string | null;
  /** A phone fragment's digits, when the contact arm is its phone key. */
  phone: PhoneFragment | null;
}

export interface PhoneFragment {
  digits: string;
  /**
   * The contact arm is a prefix of many numbers: a page reads the newest phones first
   * (lead_phones), where a fragment that many numbers hold fills it soonest.
   */
  walk: boolean;
}

export type SearchKind =
  { kind: 'phone'; digits: string } | { kind: 'email'; folded: string } | { kind: 'words' };

const PHONE_TEXT = /^[\d\s()+\-./]+$/u;

/** Which kind of search `text` is (see the top of this file). */
export function searchKind(text: string): SearchKind {
  const typed = text.trim().normalize('NFKC');
  if (PHONE_TEXT.test(typed)) {
    const digits = phoneDigits(typed);
    if (digits.length >= MIN_PHONE_DIGITS) return { kind: 'phone', digits };
  }
  if (!/\s/u.test(typed) && typed.includes('@') && /[\p{L}\p{N}]/u.test(typed))
    return { kind: 'email', folded: foldText(typed) };
  return { kind: 'words' };
}

/** Every term of `text`, each as `expand` reads it, all required; null when one finds nothing. */
function wordsMatch(text: string, expand: (term: FtsTerm) => string | null): string | null {
  const terms = ftsTerms(text);
  if (terms.length === 0) return null;
  const parts = terms.map(expand);
  return parts.some((part) => part === null) ? null : parts.join(' AND ');
}

/**
 * The plan of `text` without reading the index: every arm as a prefix. Null when nothing
 * searchable was typed. The same leads as SearchPlanner's plan, found more slowly.
 */
export function plainPlan(text: string | undefined): SearchPlan | null {
  if (text === undefined) return null;
  return planOf(
    text,
    (term) => quotedTerm(term),
    (key) => ({ match: `"${key}"*`, many: true }),
  );
}

function planOf(
  text: string,
  word: (term: FtsTerm) => string | null,
  contact: (key: string, phone: boolean) => { match: string | null; many: boolean },
): SearchPlan | null {
  const kind = searchKind(text);
  if (kind.kind === 'email') {
    return { words: null, contact: contact(emailKey(kind.folded), false).match, phone: null };
  }
  if (kind.kind === 'words') {
    // Nothing searchable (punctuation alone) is no search at all, as before.
    if (ftsTerms(text).length === 0) return null;
    return { words: wordsMatch(text, word), contact: null, phone: null };
  }
  const words = wordsMatch(text, word);
  const phone = contact(phoneKey(kind.digits), true);
  return { words, contact: phone.match, phone: { digits: kind.digits, walk: phone.many } };
}

/** Words a prefix may stand for in the query, read from the index's term list. */
const MAX_WORDS = 64;
/** A phone prefix of more numbers than this is read newest first from lead_phones instead. */
const MAX_PHONE_KEYS = 16;
/** Prefixes this short are read from FTS5's own prefix index (migration 0061): one list already. */
const INDEXED_PREFIX = 2;

export class SearchPlanner {
  private readonly nextWord: Database.Statement<[string], string | undefined>;
  private readonly nextKey: Database.Statement<[string], string | undefined>;

  constructor(db: Database.Database) {
    this.nextWord = db
      .prepare<[string], string | undefined>(
        'SELECT term FROM lead_search_terms WHERE term >= ? LIMIT 1',
      )
      .pluck();
    this.nextKey = db
      .prepare<[string], string | undefined>(
        'SELECT term FROM lead_contact_terms WHERE term >= ? LIMIT 1',
      )
      .pluck();
  }

  /** The plan of `text` (see the top of this file); null when nothing searchable was typed. */
  plan(text: string | undefined): SearchPlan | null {
    if (text === undefined) return null;
    return planOf(
      text,
      (term) => this.wordTerm(term),
      (key, phone) => {
        const words = wordsBeginning(this.nextKey, key, phone ? MAX_PHONE_KEYS : MAX_WORDS);
        if (words === null) return { match: `"${key}"*`, many: true };
        return { match: anyOf(words), many: false };
      },
    );
  }

  /** A word of the query as the words it stands for; null when the index has none. */
  private wordTerm(term: FtsTerm): string | null {
    // Only ASCII words are read from the term list: the tokenizer may fold other letters further
    // (it drops accents), and a word it would spell otherwise is left to FTS5 to match.
    if (!term.prefix || term.token.length <= INDEXED_PREFIX || !/^[a-z0-9]+$/.test(term.token))
      return quotedTerm(term);
    const words = wordsBeginning(this.nextWord, term.token, MAX_WORDS);
    return words === null ? quotedTerm(term) : anyOf(words);
  }
}
