/**
 * The local database is encrypted at rest with SQLCipher's format (better-sqlite3 is installed as
 * better-sqlite3-multiple-ciphers, the same API with SQLite3 Multiple Ciphers compiled in). Every
 * connection is keyed before its first statement; the key is 32 random bytes per database, handed
 * in by the host that keeps it (the OS keychain in the desktop app, an environment variable or a
 * key file for the browser host and the CLI).
 *
 * The key is given raw (`x'…'`), not as a passphrase: it is already random, so SQLCipher's
 * key-derivation rounds (about 150 ms per connection) would add nothing.
 */
import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync } from 'node:fs';

export const DATABASE_KEY_BYTES = 32;

/** What SQLite writes at the start of every plain database file. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The statements that key a connection; also run by the checkpoint thread (see checkpointer.ts). */
export function keyStatements(key: Buffer): string[] {
  if (key.length !== DATABASE_KEY_BYTES) {
    throw new RangeError(`A database key is ${DATABASE_KEY_BYTES} bytes, not ${key.length}`);
  }
  return [
    // SQLCipher 4's format, so standard SQLCipher tools can open a copy given the key.
    "cipher = 'sqlcipher'",
    'legacy = 4',
    `key = "x'${key.toString('hex')}'"`,
  ];
}

export function keyConnection(db: Database.Database, key: Buffer): void {
  for (const statement of keyStatements(key)) db.pragma(statement);
}

/** Whether the file holds an unencrypted SQLite database (false for a missing or empty file). */
export function isPlainDatabaseFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(PLAIN_HEADER.length);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.equals(PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}
