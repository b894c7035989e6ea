/**
 * The searches the bench times, one of each kind a person types; each exists in the simulator's
 * seeded leads at every cache size (lead 1's contact is Noah Tremblay of Borealis Consulting,
 * noah.tremblay@borealisconsulting.example, +234 1 555 0157). Add a kind here and it gets its row.
 */
export interface SearchTerm {
  kind: string;
  text: string;
}

export const SEARCH_TERMS: readonly SearchTerm[] = [
  { kind: 'one letter', text: 'm' },
  { kind: 'rare prefix', text: 'sanj' },
  { kind: 'two words', text: 'harbor labs' },
  { kind: 'full name', text: 'Noah Tremblay' },
  { kind: 'company', text: 'Borealis Consulting' },
  { kind: 'whole email', text: 'noah.tremblay@borealisconsulting.example' },
  { kind: 'email domain', text: '@borealisconsulting.example' },
  { kind: 'phone fragment', text: '555 0157' },
  { kind: 'phone fragment most numbers hold', text: '555 01' },
  { kind: 'no match', text: 'qwzx' },
];

/**
 * The same question put to FTS5 bare, for the baseline: every word of the text required, each
 * split where the index's tokenizer splits it, the last piece of each word a prefix.
 */
export function bareMatch(text: string): string | null {
  const terms = text.split(/\s+/).flatMap((word) => {
    const pieces = word.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean);
    return pieces.map((piece, i) => `"${piece}"${i === pieces.length - 1 ? '*' : ''}`);
  });
  return terms.length === 0 ? null : terms.join(' ');
}
