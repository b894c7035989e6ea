/** The person's preferences and what the app says about itself (version, demo, account). */
import type { StateCreator } from 'zustand';
import type { CommandOutput, Preferences } from '#contract';
import type { Store } from './store';

export type AppInfo = CommandOutput<'app:info'>;

export const DEFAULT_PREFERENCES: Preferences = {
  autoAdvance: true,
  theme: 'system',
  keymap: {},
  notifyProblems: true,
  ratings: { marketing: [], sales: [] },
};

export interface PrefsSlice {
  prefs: Preferences;
  info: AppInfo | null;
  setPrefs(prefs: Preferences): void;
  setInfo(info: AppInfo): void;
}

export const createPrefsSlice: StateCreator<Store, [], [], PrefsSlice> = (set) => ({
  prefs: DEFAULT_PREFERENCES,
  info: null,
  setPrefs: (prefs) => set({ prefs }),
  setInfo: (info) => set({ info }),
});
