/**
 * Reading an FTS5 index's own term list (an fts5vocab table) for the words a prefix stands for.
 * FTS5 answers a prefix without a prefix index (`"harbor"*`) by merging the list of every word
 * it begins into one before handing back the first match: tens of milliseconds for a common word
 * at a million leads, whatever the page. Named words instead (`("harbor" OR "harborlabs")`) are
 * read from where the last match was and stop at the page, and find the very same leads.
 */
import type Database from 'better-sqlite3';
import { quotedTerm } from './search-query';

/** The first term at or after the text given: `SELECT term FROM <vocab> WHERE term >= ? LIMIT 1`. */
export type NextTerm = Database.Statement<[string], string | undefined>;

/**
 * The index's words that begin with `prefix`, one lookup each (the term list is ordered, and
 * each lookup starts past the word before); null past `most`.
 */
export function wordsBeginning(next: NextTerm, prefix: string, most: number): string[] | null {
  const words: string[] = [];
  for (let from = prefix; ;) {
    const word = next.get(from);
    if (word === undefined || !word.startsWith(prefix)) return words;
    if (words.length === most) return null;
    words.push(word);
    // Words hold no control characters: this is the first text after `word` and its own.
    from = `${word}\u0001`;
  }
}

/** Any of `words` as an FTS5 expression; null (nothing matches) for none. */
export function anyOf(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  const quoted = words.map((token) => quotedTerm({ token, prefix: false }));
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' OR ')})`;
}
