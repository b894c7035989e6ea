/**
 * The database key of the browser host and the CLI, which have no OS keychain to ask: 64
 * hexadecimal characters in LEAD_TRIAGE_DB_KEY, or else a key file beside the database, readable
 * only by this user. A key file guards against a copied database file (a backup, a synced folder,
 * a file sent by mistake), not against someone who can sign in as this user: said so when the
 * file is made.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { assertNotForeign, DATABASE_KEY_BYTES, DatabaseKeyError, readUnsentNote } from '../core';

export const DB_KEY_ENV = 'LEAD_TRIAGE_DB_KEY';

export class DatabaseKeySetupError extends Error {
  override name = 'DatabaseKeySetupError';
}

export interface HostDatabaseKey {
  key: Buffer;
  /** A sentence to show once: a key file was just made, and what it does and does not protect. */
  notice: string | null;
}

export const keyFilePath = (dbPath: string): string => `${dbPath}.key`;

/** Where hostDatabaseKey keeps the key, for settings to say. */
export function hostDatabaseKeyStorage(env: NodeJS.ProcessEnv): 'environment' | 'owner-only-file' {
  const fromEnv = env[DB_KEY_ENV];
  return fromEnv !== undefined && fromEnv !== '' ? 'environment' : 'owner-only-file';
}

function parseHexKey(text: string, where: string): Buffer {
  const hex = text.trim();
  if (!new RegExp(`^[0-9a-fA-F]{${DATABASE_KEY_BYTES * 2}}$`).test(hex)) {
    throw new DatabaseKeySetupError(
      `${where} must hold the database key as ${DATABASE_KEY_BYTES * 2} hexadecimal characters.`,
    );
  }
  return Buffer.from(hex, 'hex');
}

export function hostDatabaseKey(dbPath: string, env: NodeJS.ProcessEnv): HostDatabaseKey {
  const fromEnv = env[DB_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    return { key: parseHexKey(fromEnv, DB_KEY_ENV), notice: null };
  }
  const path = keyFilePath(dbPath);
  let text: string | null = null;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new DatabaseKeySetupError(
        `The database key file ${path} cannot be read: ${String(error)}.`,
      );
    }
  }
  if (text !== null) {
    // Someone widened its mode (a copy, an archive tool): only this user may read the key.
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    return { key: parseHexKey(text, `The database key file ${path}`), notice: null };
  }
  // A key is made only for a database that does not exist yet, or an unencrypted one about to be
  // encrypted with it. A new key could never open an encrypted file, and would sit where its
  // real key, restored from a backup, must go.
  const kind = assertNotForeign(dbPath);
  if (kind === 'encrypted')
    throw new DatabaseKeyError(dbPath, readUnsentNote(dbPath), {
      kind: 'key-missing',
      expectedIn: `the key file ${path} (or the variable ${DB_KEY_ENV})`,
    });
  const key = randomBytes(DATABASE_KEY_BYTES);
  try {
    // 'wx': never overwrite a key another process made a moment ago; use that one instead.
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return hostDatabaseKey(dbPath, env);
    throw new DatabaseKeySetupError(
      `The database key file ${path} cannot be written: ${String(error)}.`,
    );
  }
  return {
    key,
    notice:
      `The local database is encrypted with a key kept in ${path}, readable only by this user: ` +
      'this protects a copied database file, not an account someone else can sign in to ' +
      `(set ${DB_KEY_ENV} to keep the key elsewhere).`,
  };
}
