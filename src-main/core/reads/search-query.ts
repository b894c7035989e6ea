/**
 * Turns what the person typed into a safe FTS5 query: every word becomes quoted terms of letters
 * and numbers only, the last a prefix ("acme"* AND "jan"*), so FTS syntax (AND, NEAR, quotes,
 * colons, parentheses, *) typed by the person can never break or widen the query.
 */

import { foldText } from '#contract/fold';

/** One term of a search: a word of the index, or (prefix) any word that begins with it. */
export interface FtsTerm {
  token: string;
  prefix: boolean;
}

/** The terms every match must hold, in the order typed; none when nothing searchable was typed. */
export function ftsTerms(text: string | undefined): FtsTerm[] {
  if (text === undefined) return [];
  return (
    text
      .split(/\s+/)
      // The index keeps no positions (detail = none), so a word the tokenizer splits ("jane.doe",
      // "o'brien") is searched as its words, each required, the last one as a prefix. The
      // tokenizer's word characters are letters, numbers and private-use characters.
      .flatMap((word) => {
        // Folded as the index's text is (search-index.ts): `ｆｕｌｌ` finds "FULL", `strasse` "Straße".
        const tokens = foldText(word)
          .split(/[^\p{L}\p{N}\p{Co}]+/u)
          .filter(Boolean);
        return tokens.map((token, i) => ({ token, prefix: i === tokens.length - 1 }));
      })
  );
}

/** A term as FTS5 reads it: quoted, so it is only ever a word. */
export function quotedTerm(term: FtsTerm): string {
  return `"${term.token.replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
}

/** The FTS5 MATCH expression, or null when nothing searchable was typed. */
export function ftsQuery(text: string | undefined): string | null {
  const terms = ftsTerms(text);
  return terms.length === 0 ? null : terms.map(quotedTerm).join(' AND ');
}
