/**
 * One cache, one writer. Beside the database, `FILE.lock` is a tiny SQLite file whose locks say
 * who is using the cache; SQLite's locks are the operating system's file locks, so they end with
 * the process that holds them, however it ends (a crash, a kill, a power cut): there is never a
 * stale lock to clean up and no process id to trust blindly.
 *
 * - The session lock: a shell (the desktop app, the browser host, the CLI) holds a read lock on
 *   FILE.lock for as long as it uses the cache. Taking it needs an exclusive lock for a moment,
 *   which fails while any other session holds its read lock; the holder's process id, what it is
 *   and since when are written in FILE.lock for the one who finds it busy to read.
 * - The opening lock: converting an unencrypted cache in place takes FILE.lock's write lock,
 *   which sessions do not hold, so the session that converts holds both. Another process that
 *   would convert (or open) the same file waits for it, and finds the file converted.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { CommandError } from '#contract/errors';

export const cacheLockPath = (dbPath: string): string => `${dbPath}.lock`;

/** What a session says it is, for the sentence another one shows. */
export type CacheUser = 'the desktop app' | 'the browser host' | 'a command line';

export interface CacheHolder {
  pid: number;
  kind: string;
  /** Epoch milliseconds. */
  since: number;
}

/** The cache is in use, or being converted, by another Lead Triage. */
export class CacheBusyError extends CommandError {
  constructor(
    readonly path: string,
    readonly holder: CacheHolder | null,
  ) {
    super('storage', busySentence(path, holder));
    this.name = 'CacheBusyError';
  }
}

function busySentence(path: string, holder: CacheHolder | null): string {
  if (holder === null)
    return `Another Lead Triage is updating the local database ${path}; try again once it is done.`;
  const since = new Date(holder.since).toLocaleTimeString('en-GB', { hour12: false });
  return (
    `The local database ${path} is in use by ${holder.kind} (process ${holder.pid}, since ` +
    `${since}): close that one first, or use another database file.`
  );
}

interface LockOptions {
  nativeBinding?: string | undefined;
}

function openLockFile(dbPath: string, options: LockOptions): Database.Database {
  const path = cacheLockPath(dbPath);
  const made = !existsSync(path);
  const db = new Database(
    path,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  // Holds nothing secret, yet sits with files that do: owner-only like them. Only a file this
  // created; the journal SQLite writes beside it takes its mode.
  if (made) chmodSync(path, 0o600);
  return db;
}

const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
};

/** Who holds the session lock, as the holder wrote it; null when unknown or not running. */
export function readCacheHolder(dbPath: string, options: LockOptions = {}): CacheHolder | null {
  let db: Database.Database | undefined;
  try {
    db = openLockFile(dbPath, options);
    db.pragma('busy_timeout = 1000');
    const row = db.prepare('SELECT pid, kind, since FROM holder').get() as CacheHolder | undefined;
    return row !== undefined && processExists(row.pid) ? row : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `work` holding the opening lock, waiting up to `waitMs` for another process that holds it;
 * then refuses with "another Lead Triage is updating". Without a lock file (a read-only folder)
 * it runs unguarded: nothing there can be converted anyway.
 */
export function withOpeningLock<T>(
  dbPath: string,
  work: () => T,
  options: LockOptions & { waitMs?: number } = {},
): T {
  let db: Database.Database;
  try {
    db = openLockFile(dbPath, options);
  } catch {
    return work();
  }
  try {
    db.pragma(`busy_timeout = ${options.waitMs ?? 60_000}`);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (isBusy(error)) throw new CacheBusyError(dbPath, null);
      throw error;
    }
    try {
      return work();
    } finally {
      db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}

export interface CacheLock {
  /** Lets the next one in. Idempotent. */
  release(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the session lock for `user`, or refuses with a CacheBusyError naming who holds it. While
 * the holder is `waitFor` (a command line finishes in moments), waits up to `waitMs` first.
 */
export async function lockCache(
  dbPath: string,
  user: CacheUser,
  options: LockOptions & { waitMs?: number; waitFor?: readonly string[] } = {},
): Promise<CacheLock> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    const taken = tryLock(dbPath, user, options);
    if (taken !== null) return taken;
    const holder = readCacheHolder(dbPath, options);
    // No live holder: someone is taking it or converting the file this very moment.
    const worthWaiting = holder === null || (options.waitFor ?? []).includes(holder.kind);
    if (!worthWaiting || Date.now() >= deadline) throw new CacheBusyError(dbPath, holder);
    await sleep(100);
  }
}

/** Nothing to hold: the folder is missing or read-only, which opening the database then says. */
const NO_LOCK: CacheLock = { release() {} };

/**
 * The lock files' connections held now. The lock is the connection's open read: were it only in
 * the lock's closure, a caller that kept no reference would lose the lock when the connection
 * was collected as garbage, at a moment no one chose. Held here until released.
 */
const held = new Set<Database.Database>();

function tryLock(dbPath: string, user: CacheUser, options: LockOptions): CacheLock | null {
  let db: Database.Database;
  try {
    db = openLockFile(dbPath, options);
  } catch {
    return NO_LOCK;
  }
  try {
    // No wait: an exclusive lock asked for and not granted at once would hold off the readers
    // (the holder's sentence) while it waits.
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      if (isBusy(error)) {
        db.close();
        return null;
      }
      throw error;
    }
    const token = randomUUID();
    db.exec(
      'CREATE TABLE IF NOT EXISTS holder (pid INTEGER, kind TEXT, since INTEGER, token TEXT)',
    );
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, kind, since, token) VALUES (?, ?, ?, ?)').run(
      process.pid,
      user,
      Date.now(),
      token,
    );
    db.exec('COMMIT');
    // From here on the read lock is the lock. Another process may have slipped in between the
    // commit and this read; whoever's row is read once both hold their read locks won.
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    const row = db.prepare('SELECT token FROM holder').get() as { token: string } | undefined;
    if (row?.token !== token) {
      db.exec('COMMIT');
      db.close();
      return null;
    }
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
  held.add(db);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.delete(db);
      try {
        db.exec('COMMIT');
        // Best effort: no one is named as the holder any more (a process converting the file
        // at this moment keeps the write lock, and the row then stays until the next holder).
        db.pragma('busy_timeout = 0');
        db.exec('BEGIN IMMEDIATE');
        db.exec('DELETE FROM holder');
        db.exec('COMMIT');
      } catch {
        if (db.inTransaction) db.exec('ROLLBACK');
      } finally {
        db.close();
      }
    },
  };
}
