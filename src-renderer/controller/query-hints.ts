/**
 * A query term whose value no lead on this laptop has (`rating:lukewarm`) finds nothing, and a
 * list of 0 rows does not say why: these sentences do, with the values that are there.
 */
import { parseQuery, type CommandInput } from '#contract';
import { invoke } from '../bridge/client';

const RATING_WORDS = { rating: 'marketing rating', 'sales-rating': 'sales rating' } as const;

/** Values of `field` on this laptop's leads beginning with `prefix`, most used first. */
export async function knownValues(
  field: CommandInput<'query:values'>['field'],
  prefix: string,
): Promise<string[]> {
  return (await invoke('query:values', { field, prefix })).values;
}

/** One sentence per rating term of `query` whose value no lead has; [] when all are known. */
export async function unknownValueHints(query: string): Promise<string[]> {
  let terms;
  try {
    terms = parseQuery(query).terms;
  } catch {
    return [];
  }
  const hints: string[] = [];
  for (const term of terms) {
    if (term.kind !== 'rating' || term.negated) continue;
    const { values } = await invoke('query:values', { field: term.field, prefix: term.value });
    if (values.some((value) => value.toLowerCase() === term.value.toLowerCase())) continue;
    const known = (await invoke('query:values', { field: term.field, prefix: '' })).values;
    const words = RATING_WORDS[term.field];
    hints.push(
      known.length === 0
        ? `No lead here has a ${words} yet, so ${term.field}:${term.value} finds none.`
        : `No lead here has the ${words} “${term.value}”. Known values: ${known.join(', ')}.`,
    );
  }
  return hints;
}
