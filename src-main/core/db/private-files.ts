/**
 * Lead data is for the person whose account it is: the database, its -wal and -shm, and the
 * folder the app keeps them in are readable by the owner only (0600 / 0700), whatever the umask.
 * SQLite creates -wal and -shm with the database file's own permissions, so a database file
 * created 0600 before SQLite opens it keeps all three private.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/** Not a file on disk: SQLite's in-memory and temporary databases. */
function isOnDisk(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/** Creates the database file owner-only if it does not exist yet, before SQLite opens it. */
export function createPrivateFile(path: string): void {
  if (!isOnDisk(path)) return;
  // 'a' creates without truncating; mode applies only when the file is created.
  if (!existsSync(path) && existsSync(dirname(resolve(path))))
    closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/**
 * Makes a Lead Triage database and its -wal/-shm owner-only (files from before this rule was
 * kept). Only for a file known to be one: never a file someone else made.
 */
export function makeDatabaseFilesPrivate(path: string): void {
  if (!isOnDisk(path)) return;
  createPrivateFile(path);
  for (const suffix of SIDE_FILES) {
    const file = `${path}${suffix}`;
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}

/**
 * Creates `folder` (and missing parents) owner-only. With `tightenExisting`, a folder that is
 * already there is made owner-only too: only for folders the app owns, never one the person
 * named (their --db may sit in /tmp or their home folder).
 */
export function makePrivateFolder(
  folder: string,
  options: { tightenExisting?: boolean } = {},
): void {
  const target = resolve(folder);
  const existed = existsSync(target);
  const first = mkdirSync(target, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (first !== undefined) {
    // mkdir's mode is reduced by the umask: set each created folder outright, top to bottom.
    for (let dir = target; ; dir = dirname(dir)) {
      chmodSync(dir, PRIVATE_FOLDER_MODE);
      if (dir === resolve(first) || dir === dirname(dir)) break;
    }
  } else if (existed && options.tightenExisting) {
    try {
      chmodSync(target, PRIVATE_FOLDER_MODE);
    } catch {
      // Owned by someone else (a shared machine's setup): the files inside are still 0600.
    }
  }
}
