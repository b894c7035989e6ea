/**
 * The rating values a stage offers: the account's own (most used first, from the cache), then the
 * ones the person added in settings. Envoke's ratings are labels each account sets up, so fixed
 * Hot/Warm/Cold would write words the account does not use ("Contacted: Good" is a sales rating).
 */
import { RATINGS, type RatingChoices } from '#contract';
import type { Stage } from './stage';

export type StageRatings = Readonly<Record<Stage, readonly string[]>>;

/**
 * What a stage offers before any lead of the account carries a rating and before the person added
 * one: Envoke's documented examples.
 */
export const FIRST_RUN_RATINGS: StageRatings = {
  marketing: RATINGS,
  sales: ['Contacted: Good', 'Contacted: Bad', 'Unable to contact'],
};

export function ratingChoices(
  stage: Stage,
  account: StageRatings,
  added: RatingChoices,
): readonly string[] {
  const choices = [...new Set([...account[stage], ...added[stage]])];
  return choices.length > 0 ? choices : FIRST_RUN_RATINGS[stage];
}

/**
 * The account's values after a new read, in a stable order: values already offered keep their
 * place (and so their keys), new ones join at the end, ones no lead carries any more leave.
 * Re-sorting by use after every change would move "Cold" from `c` to `w` under the person's
 * fingers in the middle of triage; most used first is the order of the first read.
 */
export function keepOrder(previous: readonly string[], next: readonly string[]): string[] {
  const now = new Set(next);
  const kept = previous.filter((value) => now.has(value));
  const known = new Set(kept);
  return [...kept, ...next.filter((value) => !known.has(value))];
}

/**
 * Which value each rating key sets. A key takes the first value that starts with its own letter
 * (h Hot, w Warm, c Cold: the keys keep meaning what they say where the account's words allow);
 * keys with no such value take the remaining values, most used first. `keys` are the first keys
 * of the rating actions in order, as the person mapped them.
 */
export function ratingsOnKeys(
  choices: readonly string[],
  keys: readonly (string | undefined)[],
): (string | undefined)[] {
  const taken = new Set<string>();
  const initial = (value: string) => value.trim().charAt(0).toLowerCase();
  const onKeys = keys.map((key) => {
    // A key such as Shift+c or 1 names no letter; an unbound action sets nothing.
    if (key === undefined || key.length !== 1) return undefined;
    const match = choices.find(
      (value) => !taken.has(value) && initial(value) === key.toLowerCase(),
    );
    if (match !== undefined) taken.add(match);
    return match;
  });
  const rest = choices.filter((value) => !taken.has(value));
  return onKeys.map((value, i) => (keys[i] === undefined ? undefined : (value ?? rest.shift())));
}

/**
 * The rating picker's order: the values on the rating keys first, in the keys' order (1 is what
 * `h` sets, 2 what `w` sets…), then the others, most used first. So a number and a letter never
 * disagree about where a value is.
 */
export function pickerOrder(
  choices: readonly string[],
  onKeys: readonly (string | undefined)[],
): string[] {
  const first = onKeys.filter((value): value is string => value !== undefined);
  const placed = new Set(first);
  return [...new Set(first), ...choices.filter((value) => !placed.has(value))];
}
