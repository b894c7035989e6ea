/**
 * Text from outside (Envoke's error messages, values it sends) made safe to show: in a terminal a
 * raw ESC starts an escape sequence, BEL rings, CR overwrites the line; in the app a bidi override
 * reverses what follows. So control characters and bidi controls go, whitespace runs become one
 * space, and the length is capped. Applied where such text enters the core and where the CLI
 * writes to stderr.
 */

/** Long enough for any real validation message; a 20,000-character one is not read anyway. */
export const PLAIN_TEXT_LIMIT = 500;

/* eslint-disable no-control-regex -- matching control characters is this module's job */

// ANSI sequences are removed whole: dropping only the ESC would leave "[31m" behind.
const CSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]/g;
const OSC_SEQUENCE = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
// C0 and C1 controls (tab, newline and CR included: they become spaces), DEL, and the Unicode
// format characters that reorder or hide text (bidi embeddings, overrides, isolates, marks).
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function plainText(text: string, limit: number = PLAIN_TEXT_LIMIT): string {
  const clean = String(text)
    .replace(CSI_SEQUENCE, ' ')
    .replace(OSC_SEQUENCE, ' ')
    .replace(CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Count and cut by code point so an emoji or accented letter is never split in half.
  const points = Array.from(clean);
  if (points.length <= limit) return clean;
  return `${points
    .slice(0, Math.max(0, limit - 1))
    .join('')
    .trimEnd()}…`;
}
