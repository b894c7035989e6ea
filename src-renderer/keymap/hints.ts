/**
 * A word for a key that means nothing where it was pressed, so a slip or a key from another panel
 * (d, e in the list) is not met with silence.
 */

/** The sentence to show, or null for keys not worth a word. */
export function unboundKeyHint(name: string, helpKey: string | undefined): string | null {
  // Only plain typed characters: chords and named keys (Tab, F5, Backspace) belong to the system.
  if (name.length !== 1 || name.trim() === '') return null;
  const help = helpKey ? ` Press ${helpKey} to see every key.` : '';
  return `“${name}” does nothing here.${help}`;
}
