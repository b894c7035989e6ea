/**
 * Whether the list's outcome column says something for the rows on screen. At every width an
 * empty column gives its room to the names and stages (styles.css), so "Willow Manufacturing" or
 * "Contacted: Good" is not cut to keep a column of blanks. (The sync column never hides: it would
 * come and go with every keystroke, as each change is pending for a moment; it is a symbol.)
 */
import type { LeadSummary } from '#contract';

export function outcomeInUse(rows: readonly (LeadSummary | undefined)[]): boolean {
  return rows.some((row) => row?.opportunity === 'Yes' || row?.sale === 'Yes');
}
