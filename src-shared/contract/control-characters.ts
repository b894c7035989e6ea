/**
 * Control characters in what a person names or asks for (a query, a saved view's name). None can
 * be typed on purpose, and they do harm where they go: a NUL ends SQLite's LIKE pattern early, so
 * `company:"\u0000"` matched every lead, and a bidi override turns the rest of a name around in
 * the sidebar. So they are refused with a sentence that says which one and where, never cleaned
 * away silently (that would save or search for something else than what was sent).
 */

/* eslint-disable no-control-regex -- finding control characters is this module's job */

/** C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The controls that are whitespace: between a query's terms they separate them like spaces. */
const SPACING = /[\t\n\v\f\r]/;

const NAMES: Record<string, string> = {
  '\u0000': 'NUL',
  '\t': 'a tab',
  '\n': 'a line break',
  '\r': 'a carriage return',
  '\u001b': 'ESC',
  '\u007f': 'DEL',
};

export function isControlCharacter(char: string): boolean {
  return CONTROL.test(char);
}

export function isSpacingControl(char: string): boolean {
  return SPACING.test(char);
}

/** "NUL (U+0000)", "a tab (U+0009)", "U+202E": how a sentence names the character. */
export function controlCharacterName(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = Object.hasOwn(NAMES, char)
    ? NAMES[char]
    : /[\u202a-\u202e\u2066-\u2069]/.test(char)
      ? 'a text direction control'
      : undefined;
  return name === undefined ? code : `${name} (${code})`;
}

/** The first control character of `text` (its index, counted from 0) that `allowed` does not let through. */
export function findControlCharacter(
  text: string,
  allowed: (char: string) => boolean = () => false,
): { index: number; char: string } | null {
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (CONTROL.test(char) && !allowed(char)) return { index, char };
  }
  return null;
}

/** The sentence refusing `char` at `index` of `what` ("A query", "A view name"). */
export function controlCharacterSentence(what: string, char: string, index: number): string {
  return `${what} cannot contain control characters: remove ${controlCharacterName(char)} at character ${index + 1}.`;
}
