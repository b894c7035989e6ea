/**
 * Turns what the person typed into a safe FTS5 query: every word becomes quoted terms of letters
 * and numbers only, the last a prefix ("acme"* AND "jan"*), so FTS syntax (AND, NEAR, quotes,
 * colons, parentheses, *) typed by the person can never break or widen the query.
 */

import { foldText } from '#contract/fold';

/** The FTS5 MATCH expression, or null when nothing searchable was typed. */
export function ftsQuery(text: string | undefined): string | null {
  if (text === undefined) return null;
  const terms = text
    .split(/\s+/)
    // The index keeps no positions (detail = none), so a word the tokenizer splits ("jane.doe",
    // "o'brien") is searched as its words, each required, the last one as a prefix. The
    // tokenizer's word characters are letters, numbers and private-use characters.
    .flatMap((word) => {
      // Folded as the index's text is (search-index.ts): `ｆｕｌｌ` finds "FULL", `strasse` "Straße".
      const tokens = foldText(word)
        .split(/[^\p{L}\p{N}\p{Co}]+/u)
        .filter(Boolean);
      return tokens.map((token, i) => `"${token}"${i === tokens.length - 1 ? '*' : ''}`);
    });
  return terms.length === 0 ? null : terms.join(' AND ');
}
