/**
 * Key names as the keymap writes them: `[Mod+][Alt+][Shift+]key`, where `Mod` is Ctrl, or Cmd on a
 * Mac, and `key` is the character typed (letters lower-case) or a named key such as `ArrowDown`.
 * Shift is written only where it is not already part of the character: `?` and `$` are typed with
 * Shift on many layouts, and the keymap should not care.
 */

/** The parts of a KeyboardEvent the keymap reads; a plain object in tests. */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const MODIFIER_KEYS = new Set([
  'Control',
  'Meta',
  'Alt',
  'Shift',
  'AltGraph',
  'CapsLock',
  'Dead',
  'Unidentified',
]);

/** The keymap name of a key press, or null for a modifier pressed alone. */
export function keyName(event: KeyLike): string | null {
  if (MODIFIER_KEYS.has(event.key)) return null;
  let key = event.key === ' ' ? 'Space' : event.key;
  // With Alt (Option on a Mac) digits and letters become other characters; read the key itself.
  if (event.altKey && event.code) {
    const match = /^(?:Digit|Key)(\w)$/.exec(event.code);
    if (match?.[1]) key = match[1];
  }
  const printable = key.length === 1;
  const letter = printable && key.toLowerCase() !== key.toUpperCase();
  if (letter) key = key.toLowerCase();
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('Mod');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey && (!printable || letter)) parts.push('Shift');
  parts.push(key);
  return parts.join('+');
}

const NAMED: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
  Delete: 'Del',
  Space: 'Space',
};

/** Splits `Mod+Shift+z` into modifiers and key; the key itself may be `+`. */
function splitKey(name: string): { mods: string[]; key: string } {
  if (name === '+' || name.endsWith('++')) {
    const mods = name.slice(0, -1).split('+').filter(Boolean);
    return { mods, key: '+' };
  }
  const parts = name.split('+');
  const key = parts.pop() ?? '';
  return { mods: parts, key };
}

/** How a key is shown to the person: `Ctrl+Shift+Z`, `⌘K`, `j`, `↓`. */
export function displayKey(name: string, mac: boolean): string {
  const { mods, key } = splitKey(name);
  const shown = mods.map((mod) => {
    if (mod === 'Mod') return mac ? '⌘' : 'Ctrl';
    if (mod === 'Alt') return mac ? '⌥' : 'Alt';
    if (mod === 'Shift') return mac ? '⇧' : 'Shift';
    return mod;
  });
  const main = NAMED[key] ?? (key.length === 1 && mods.length > 0 ? key.toUpperCase() : key);
  return [...shown, main].join(mac ? '' : '+');
}

/** The parts of a focused element that decide whether it takes typing. */
export interface FocusLike {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'color',
  'submit',
  'reset',
  'file',
  'image',
]);

/** True where typing goes into a field, so no shortcut may act on the key. */
export function takesTyping(element: FocusLike | null | undefined): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
  return false;
}
