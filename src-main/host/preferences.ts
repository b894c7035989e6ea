/**
 * The person's preferences, whoever stores them (electron-store in the desktop app, a JSON file
 * next to the database in the browser host). Stored values are read field by field so one bad
 * value (a hand-edited file, an older version's spelling) falls back to its default instead of
 * losing every other preference.
 */
import { PreferencesSchema, type Preferences } from '../../src-preload/contract';

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({
  autoAdvance: true,
  theme: 'system',
  keymap: {},
});

/** Where preferences live; `update` returns what is stored afterwards. */
export interface PreferencesStore {
  get(): Preferences;
  update(patch: Partial<Preferences>): Preferences;
}

export function readPreferences(stored: unknown): Preferences {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const shape = PreferencesSchema.shape;
  const autoAdvance = shape.autoAdvance.safeParse(record.autoAdvance);
  const theme = shape.theme.safeParse(record.theme);
  const keymap = shape.keymap.safeParse(record.keymap);
  return {
    autoAdvance: autoAdvance.success ? autoAdvance.data : DEFAULT_PREFERENCES.autoAdvance,
    theme: theme.success ? theme.data : DEFAULT_PREFERENCES.theme,
    keymap: keymap.success ? keymap.data : DEFAULT_PREFERENCES.keymap,
  };
}

export function mergePreferences(current: Preferences, patch: Partial<Preferences>): Preferences {
  const next: Preferences = { ...current };
  if (patch.autoAdvance !== undefined) next.autoAdvance = patch.autoAdvance;
  if (patch.theme !== undefined) next.theme = patch.theme;
  if (patch.keymap !== undefined) next.keymap = patch.keymap;
  return next;
}
