/**
 * The MATCH of a query's facet words over lead_facets, each prefix named as the words it stands
 * for (term-list.ts): `said:widg` at a million leads was 10–20 ms of FTS5 merging every word
 * beginning "widg" before the first match, for the plan's count and again for the page, where the
 * words themselves answer in a fraction of a millisecond.
 *
 * The facet index's term list is an fts5vocab table in the connection's temp schema: it holds
 * nothing (it reads the index), so the cache's own schema does not change for it.
 */
import type Database from 'better-sqlite3';
import { facetMatch, type FacetWord } from '../tables/facets';
import { anyOf, wordsBeginning, type NextTerm } from './term-list';

/** Words a prefix may stand for; past this many, FTS5 merges them as before. */
const MAX_WORDS = 64;

export class FacetTermList {
  private readonly next: NextTerm;

  constructor(db: Database.Database) {
    db.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.lead_facet_terms USING fts5vocab(main, lead_facets, instance)',
    );
    this.next = db
      .prepare<[string], string | undefined>(
        'SELECT term FROM temp.lead_facet_terms WHERE term >= ? LIMIT 1',
      )
      .pluck();
  }

  /** As facetMatch (facets.ts), the same leads found; null for no words. */
  readonly match = (words: readonly FacetWord[]): string | null => {
    if (words.length === 0) return null;
    return words.map((word) => this.wordMatch(word)).join(' AND ');
  };

  private wordMatch(word: FacetWord): string {
    const asTyped = facetMatch([word])!;
    // Only ASCII words are read from the term list: the tokenizer may fold other letters further
    // (it drops accents), and a word it would spell otherwise is left to FTS5 to match.
    if (!word.prefix || !/^[a-z0-9]+$/.test(word.token)) return asTyped;
    const words = wordsBeginning(this.next, word.token, MAX_WORDS);
    // None: the prefix as typed finds nothing at once (it begins no word of the index).
    return words === null || words.length === 0 ? asTyped : anyOf(words)!;
  }
}
