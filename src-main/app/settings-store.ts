/**
 * The desktop app's settings file (electron-store, in the user data folder): preferences, the
 * Envoke account with its encrypted key, and the window's last bounds. Values are validated on
 * read, so a hand-edited or older file degrades to defaults instead of breaking the app.
 */
import { chmodSync, existsSync } from 'node:fs';
import Store from 'electron-store';
import { PRIVATE_FILE_MODE } from '../core';
import { mergePreferences, readPreferences, type PreferencesStore } from '../shell-kit/preferences';

interface StoredSettings {
  preferences?: unknown;
  account?: unknown;
  windowBounds?: unknown;
  /** Each database file's key, sealed with the OS keychain (see database-keys.ts). */
  databaseKeys?: unknown;
  [key: string]: unknown;
}

export type SettingsFile = Store<StoredSettings>;

/**
 * The settings file holds the sealed API key and, where Linux has no keychain, database keys that
 * only the file's permissions protect: it is readable by this user alone, whatever the umask, and
 * a file an older version left readable to others is narrowed on open.
 */
export function openSettingsFile(): SettingsFile {
  const file = new Store<StoredSettings>({
    name: 'settings',
    // A corrupt file would otherwise stop the app from starting; preferences can be set again.
    clearInvalidConfig: true,
    configFileMode: PRIVATE_FILE_MODE,
  });
  if (existsSync(file.path)) chmodSync(file.path, PRIVATE_FILE_MODE);
  return file;
}

export function createElectronPreferences(file: SettingsFile): PreferencesStore {
  return {
    get: () => readPreferences(file.get('preferences')),
    update(patch) {
      const next = mergePreferences(readPreferences(file.get('preferences')), patch);
      file.set('preferences', next);
      return next;
    },
  };
}

/** One stored value, read and written as a whole. */
export interface StoredValue {
  read(): unknown;
  write(value: unknown): void;
  remove(): void;
}

export function storedValue(
  file: SettingsFile,
  key: 'account' | 'windowBounds' | 'databaseKeys',
): StoredValue {
  return {
    read: () => file.get(key),
    write: (value) => file.set(key, value),
    remove: () => file.delete(key),
  };
}
