/**
 * Text widths for fitting a list value to its column (logic/fit-words.ts), measured on a canvas in
 * the list's own fonts: no layout is read, so fitting a screen of rows costs nothing visible.
 */
import type { Measure } from '../logic/fit-words';

let context: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

function textWidth(font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return 0;
  context.font = font;
  const width = context.measureText(text).width;
  if (cache.size > 5_000) cache.clear();
  cache.set(key, width);
  return width;
}

function family(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

/** A status pill: 11 px, weight 500, 7 px of padding each side (a quiet one: plain, no padding). */
export function pillMeasure(quiet: boolean): Measure {
  const font = `${quiet ? 400 : 500} 11px ${family()}`;
  const padding = quiet ? 0 : 14;
  return (text) => textWidth(font, text) + padding;
}

/** A rating beside it: 11 px, weight 600. */
export function ratingMeasure(): Measure {
  const font = `600 11px ${family()}`;
  return (text) => textWidth(font, text);
}
