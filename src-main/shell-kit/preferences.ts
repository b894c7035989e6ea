/**
 * The person's preferences, whoever stores them (electron-store in the desktop app, a JSON file
 * next to the database in the browser host). Stored values are read field by field so one bad
 * value (a hand-edited file, an older version's spelling) falls back to its default instead of
 * losing every other preference.
 */
import { PreferencesSchema, type Preferences } from '#contract';

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({
  autoAdvance: true,
  theme: 'system',
  keymap: {},
  notifyProblems: true,
  ratings: { marketing: [], sales: [] },
});

/** Where preferences live; `update` returns what is stored afterwards. */
export interface PreferencesStore {
  get(): Preferences;
  update(patch: Partial<Preferences>): Preferences;
}

export function readPreferences(stored: unknown): Preferences {
  const record =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const shape = PreferencesSchema.shape;
  const autoAdvance = shape.autoAdvance.safeParse(record.autoAdvance);
  const theme = shape.theme.safeParse(record.theme);
  const keymap = shape.keymap.safeParse(record.keymap);
  const notifyProblems = shape.notifyProblems.safeParse(record.notifyProblems);
  const ratings = shape.ratings.safeParse(record.ratings);
  return {
    autoAdvance: autoAdvance.success ? autoAdvance.data : DEFAULT_PREFERENCES.autoAdvance,
    theme: theme.success ? theme.data : DEFAULT_PREFERENCES.theme,
    keymap: keymap.success ? keymap.data : DEFAULT_PREFERENCES.keymap,
    notifyProblems: notifyProblems.success
      ? notifyProblems.data
      : DEFAULT_PREFERENCES.notifyProblems,
    ratings: ratings.success ? ratings.data : DEFAULT_PREFERENCES.ratings,
  };
}

export function mergePreferences(current: Preferences, patch: Partial<Preferences>): Preferences {
  const next: Preferences = { ...current };
  if (patch.autoAdvance !== undefined) next.autoAdvance = patch.autoAdvance;
  if (patch.theme !== undefined) next.theme = patch.theme;
  if (patch.keymap !== undefined) next.keymap = patch.keymap;
  if (patch.notifyProblems !== undefined) next.notifyProblems = patch.notifyProblems;
  if (patch.ratings !== undefined) next.ratings = patch.ratings;
  return next;
}
