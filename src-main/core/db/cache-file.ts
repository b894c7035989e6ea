/**
 * What a file named as the local database is, read before anything touches it: nothing yet (a new
 * database), a plain SQLite file (an older, unencrypted cache, or another program's database),
 * something that looks like an encrypted cache (SQLCipher pages: whole 4 KB pages of random
 * bytes), or something else (a text file, a picture). Lead Triage writes, converts, changes the
 * permissions of or starts over only files it made.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CommandError } from '#contract/errors';
import { isPlainDatabaseFile } from './encryption';

export type CacheFileKind = 'new' | 'plain' | 'encrypted' | 'other';

/** SQLCipher 4's page size: an encrypted cache is always a whole number of these. */
const ENCRYPTED_PAGE = 4096;

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** Mostly printable text: a note, a CSV, a JSON file, never encrypted pages. */
function looksLikeText(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const sample = Buffer.alloc(ENCRYPTED_PAGE);
    const read = readSync(fd, sample, 0, sample.length, 0);
    let printable = 0;
    for (const byte of sample.subarray(0, read)) {
      if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d)
        printable += 1;
    }
    return read > 0 && printable / read > 0.9;
  } finally {
    closeSync(fd);
  }
}

export function cacheFileKind(path: string): CacheFileKind {
  const size = sizeOf(path);
  // A database in WAL mode may hold everything in its -wal while the file itself is empty.
  const wal = sizeOf(`${path}-wal`) ?? 0;
  if (size === null || (size === 0 && wal === 0)) return 'new';
  if (isPlainDatabaseFile(path)) return 'plain';
  if (size === 0) return 'encrypted';
  if (size % ENCRYPTED_PAGE === 0 && !looksLikeText(path)) return 'encrypted';
  return 'other';
}

/** A file that is not a Lead Triage database; it is left exactly as it was. */
export class NotACacheError extends CommandError {
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(
      'storage',
      `${path} is not a Lead Triage database (${why}); it was left untouched. ` +
        'Name a Lead Triage database file, or a new file name.',
    );
    this.name = 'NotACacheError';
  }
}

/** The tables every Lead Triage cache has had since its first version. */
const OWN_TABLES = ['leads', 'outbox'];

/**
 * Refuses a plain SQLite file that is another program's database: one with tables but not ours.
 * Read-only, so the file is not changed.
 */
export function assertPlainCacheIsOurs(path: string, nativeBinding?: string): void {
  // Not `readonly`: a read-only connection to a WAL file leaves a -wal and -shm beside it,
  // where this one, read-only by pragma, removes them on close as SQLite does.
  const db = new Database(path, {
    fileMustExist: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    db.pragma('query_only = 1');
    db.pragma('busy_timeout = 5000');
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .pluck()
      .all() as string[];
    if (tables.length === 0) return;
    const missing = OWN_TABLES.filter((table) => !tables.includes(table));
    if (missing.length > 0)
      throw new NotACacheError(path, "it is another program's SQLite database");
  } finally {
    db.close();
  }
}

/** Refuses what is neither a Lead Triage cache nor a new file, before anything touches it. */
export function assertNotForeign(path: string): CacheFileKind {
  const kind = cacheFileKind(path);
  if (kind === 'other') throw new NotACacheError(path, 'it is not a database');
  return kind;
}
