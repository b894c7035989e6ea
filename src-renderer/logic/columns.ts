/**
 * Whether the list's outcome column says something for the rows on screen. At narrow widths an
 * empty column gives its room to the names (styles.css), so "Willow Manufacturing" is not cut to
 * "Willow M…" to keep a column of blanks. (The sync column never hides: it would come and go with
 * every keystroke, as each change is pending for a moment; narrow windows show it as a symbol.)
 */
import type { LeadSummary } from '#contract';

export function outcomeInUse(rows: readonly (LeadSummary | undefined)[]): boolean {
  return rows.some((row) => row?.opportunity === 'Yes' || row?.sale === 'Yes');
}
