/**
 * The desktop app's database keys: 32 random bytes per database file, sealed with the OS keychain
 * (safeStorage) and kept, sealed, in the settings file. Where Linux has no keychain Electron falls
 * back to "basic_text", which seals with a password built into Chromium: the key is then kept,
 * protected only by the settings file being readable by this user alone, and the log and
 * Settings say so plainly.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import {
  cacheFileKind,
  DATABASE_KEY_BYTES,
  DatabaseKeyError,
  type Logger,
  readUnsentNote,
} from '../core';
import type { SafeStorageLike } from './credentials';
import type { StoredValue } from './settings-store';

const StoredKeysSchema = z.record(
  z.string(),
  z.union([z.object({ sealed: z.string().min(1) }), z.object({ plain: z.string().min(1) })]),
);

export const UNPROTECTED_DATABASE_KEY_MESSAGE =
  'This computer has no keychain, so the key that encrypts the local database is kept in the ' +
  'settings file, which only this user can read, without the protection of the operating ' +
  'system: a copy of the whole profile folder can be read. Set up a keychain (such as GNOME ' +
  'Keyring or KWallet) to protect it.';

export interface DatabaseKeyringOptions {
  record: StoredValue;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  logger: Logger;
}

export interface DatabaseKeyring {
  /** The key of this database file, made (and kept) on first use. */
  keyFor(dbPath: string): Buffer;
  /** Whether the OS keychain protects the keys. */
  osProtected(): boolean;
  /**
   * As settings say it: sealed by the keychain, or else kept in the settings file, which only
   * this user can read (settings-store.ts).
   */
  storage(): 'keychain' | 'owner-only-file';
  /** Drops the key of a database file. */
  forget(dbPath: string): void;
  /** The person started over: the key follows the old files to where they were set aside. */
  setAside(dbPath: string, aside: string): void;
}

export function createDatabaseKeyring(options: DatabaseKeyringOptions): DatabaseKeyring {
  const { record, safeStorage, platform, logger } = options;
  const osProtected = (): boolean =>
    safeStorage.isEncryptionAvailable() &&
    !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');

  function readAll(): z.infer<typeof StoredKeysSchema> {
    const parsed = StoredKeysSchema.safeParse(record.read() ?? {});
    return parsed.success ? parsed.data : {};
  }

  function unseal(entry: z.infer<typeof StoredKeysSchema>[string]): Buffer | null {
    try {
      const hex =
        'sealed' in entry
          ? safeStorage.decryptString(Buffer.from(entry.sealed, 'base64'))
          : entry.plain;
      const key = Buffer.from(hex, 'hex');
      return key.length === DATABASE_KEY_BYTES ? key : null;
    } catch (error) {
      logger.warn('A database key could not be unsealed', { error: String(error) });
      return null;
    }
  }

  return {
    osProtected,
    storage: () => (osProtected() ? 'keychain' : 'owner-only-file'),
    forget(dbPath) {
      const { [basename(dbPath)]: _dropped, ...rest } = readAll();
      record.write(rest);
    },
    setAside(dbPath, aside) {
      const { [basename(dbPath)]: moved, ...rest } = readAll();
      record.write(moved === undefined ? rest : { ...rest, [basename(aside)]: moved });
    },
    keyFor(dbPath) {
      // The file name only: moving the profile folder keeps its keys.
      const name = basename(dbPath);
      const all = readAll();
      if (!osProtected()) logger.warn(UNPROTECTED_DATABASE_KEY_MESSAGE);
      const existing = all[name];
      if (existing !== undefined) {
        const key = unseal(existing);
        if (key !== null) return key;
        // An unreadable key of an existing file is not replaced: opening then fails with the
        // lost-key message, and the person chooses whether to start over. With no file there is
        // nothing to lose, and a new key is kept below.
        if (existsSync(dbPath)) return randomBytes(DATABASE_KEY_BYTES);
      } else if (cacheFileKind(dbPath) === 'encrypted') {
        // Never a new key for an encrypted file: it could not open it, and would take the place
        // of the real one (settings restored from a backup bring it back).
        throw new DatabaseKeyError(dbPath, readUnsentNote(dbPath), {
          kind: 'key-missing',
          expectedIn: "Lead Triage's settings file, sealed by the system keychain",
        });
      }
      const key = randomBytes(DATABASE_KEY_BYTES);
      const entry = safeStorage.isEncryptionAvailable()
        ? { sealed: safeStorage.encryptString(key.toString('hex')).toString('base64') }
        : { plain: key.toString('hex') };
      record.write({ ...all, [name]: entry });
      return key;
    },
  };
}
