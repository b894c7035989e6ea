/**
 * Cutting a value at the end of a word. A stage cell holds a status and a rating side by side;
 * when both do not fit, the rating gives up words first, then the status, each ending in "…"
 * after a whole word ("Contact…", never "Contact attempte"), and neither vanishes.
 */

/** Width of a text in a given style, in px. */
export type Measure = (text: string) => number;

/**
 * `text` as it fits in `width`: whole, or its first words then "…" (at least the first word). A
 * single word is kept whole ("Warm…" would only be longer): the caller makes room for it.
 */
export function shortenToWidth(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const words = text.split(/\s+/).filter(Boolean);
  for (let count = words.length - 1; count >= 1; count--) {
    const shorter = `${words
      .slice(0, count)
      .join(' ')
      .replace(/[,:;.-]+$/, '')}…`;
    if (measure(shorter) <= width) return shorter;
  }
  if (words.length <= 1) return text;
  return `${(words[0] ?? text).replace(/[,:;.-]+$/, '')}…`;
}

export interface StageTexts {
  status: string;
  rating: string;
}

/**
 * The status and rating as they fit side by side in `width` (`gap` between them): the rating is
 * shortened first, down to its first word, then the status.
 */
export function fitStage(
  status: string,
  rating: string,
  width: number,
  measure: { status: Measure; rating: Measure },
  gap: number,
): StageTexts {
  const statusWidth = measure.status(status);
  if (rating === '') return { status: shortenToWidth(status, width, measure.status), rating };
  const room = width - statusWidth - gap;
  const ratingShown = shortenToWidth(rating, Math.max(0, room), measure.rating);
  const ratingWidth = measure.rating(ratingShown);
  if (ratingWidth <= room) return { status, rating: ratingShown };
  return {
    status: shortenToWidth(status, width - ratingWidth - gap, measure.status),
    rating: ratingShown,
  };
}
