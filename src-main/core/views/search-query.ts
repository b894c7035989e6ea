/**
 * Turns what the person typed into a safe FTS5 query: every word becomes a quoted prefix term
 * ("acme"* AND "jan"*), so FTS syntax (AND, NEAR, quotes, colons, parentheses, *) typed by the
 * person is searched for as text and can never break or widen the query.
 */

/** The FTS5 MATCH expression, or null when nothing searchable was typed. */
export function ftsQuery(text: string | undefined): string | null {
  if (text === undefined) return null;
  const terms = text
    .split(/\s+/)
    // A word of punctuation alone has no token to match; FTS5 would reject the empty phrase.
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length === 0 ? null : terms.join(' AND ');
}
