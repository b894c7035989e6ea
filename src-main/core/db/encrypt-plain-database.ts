/**
 * Converts a cache written before encryption into an encrypted one, in place, keeping every row
 * (the outbox's unsent changes above all). The plain file is never modified: an encrypted copy is
 * made beside it and renamed over it only once it reads back with the key, so a crash at any step
 * leaves either the old plain file or the new encrypted one, never half of each.
 */
import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { keyConnection, keyStatements } from './encryption';

function syncToDisk(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function encryptPlainDatabase(path: string, key: Buffer, nativeBinding?: string): void {
  const options = nativeBinding ? { nativeBinding } : {};
  const copy = `${path}.encrypting`;
  for (const leftover of [copy, `${copy}-journal`]) rmSync(leftover, { force: true });

  // Everything still in the write-ahead log goes into the file, and the log is emptied, so the
  // file alone holds the whole database.
  const plain = new Database(path, options);
  try {
    plain.pragma('busy_timeout = 5000');
    plain.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    plain.close();
  }

  copyFileSync(path, copy);
  chmodSync(copy, 0o600);
  const converting = new Database(copy, options);
  try {
    const [cipher, legacy, keyStatement] = keyStatements(key);
    converting.pragma(cipher!);
    converting.pragma(legacy!);
    // Rekeying rewrites every page; it needs a rollback journal, not a write-ahead log.
    converting.pragma('journal_mode = DELETE');
    converting.pragma(keyStatement!.replace(/^key/, 'rekey'));
  } finally {
    converting.close();
  }

  const check = new Database(copy, options);
  try {
    keyConnection(check, key);
    check.prepare('SELECT count(*) FROM sqlite_schema').get();
  } finally {
    check.close();
  }

  syncToDisk(copy);
  for (const stale of [`${path}-wal`, `${path}-shm`]) rmSync(stale, { force: true });
  renameSync(copy, path);
  try {
    syncToDisk(dirname(path));
  } catch {
    // Windows cannot open a folder to sync it; its rename is already durable there.
  }
}
