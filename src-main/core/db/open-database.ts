/**
 * Opens (or creates) the local database with the settings every write relies on, and migrates it.
 * Any failure comes out as CommandError('storage') with a sentence naming the file and the cause.
 *
 * Nothing is changed in a file before it is known to be a Lead Triage database (or a new one):
 * not its permissions, not its contents. Converting an unencrypted cache holds the opening lock
 * (cache-lock.ts), so a second process opening the same old file at the same moment waits and
 * finds it converted, instead of converting it too under the first one's feet.
 */
import Database from 'better-sqlite3';
import { assertNotForeign, assertPlainCacheIsOurs } from './cache-file';
import { withOpeningLock } from './cache-lock';
import { encryptPlainDatabase } from './encrypt-plain-database';
import { isPlainDatabaseFile, keyConnection } from './encryption';
import { DatabaseKeyError, storageError } from './errors';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { createPrivateFile, makeDatabaseFilesPrivate } from './private-files';
import { countUnsent, readUnsentNote } from './unsent-note';

export interface OpenOptions {
  /** Stop at this schema version (tests build older files with it). */
  targetVersion?: number;
  migrations?: readonly Migration[];
  /**
   * better-sqlite3's compiled module to load instead of the one in node_modules: the desktop app
   * passes its Electron-ABI build here, while Node (tests, CLI, browser host) uses the default.
   */
  nativeBinding?: string | undefined;
  /**
   * The database's 32-byte key (see encryption.ts). The core always passes one; without it the
   * file is plain, as tests of the schema alone build it. A plain file opened with a key is
   * encrypted in place first.
   */
  key?: Buffer | undefined;
}

/**
 * An unencrypted file: checked to be a Lead Triage cache, then (with a key) encrypted in place,
 * unless another process did so while this one waited for the opening lock. Both under the lock:
 * no connection of this process may be open on the plain file while another converts it, since
 * SQLite closing that connection would delete the converted file's write-ahead log by its name.
 */
function checkAndEncryptPlain(path: string, options: OpenOptions): void {
  withOpeningLock(
    path,
    () => {
      if (!isPlainDatabaseFile(path)) return;
      assertPlainCacheIsOurs(path, options.nativeBinding);
      if (options.key) encryptPlainDatabase(path, options.key, options.nativeBinding);
    },
    { nativeBinding: options.nativeBinding },
  );
}

/**
 * A file a pre-release build made (a version below the first step, the baseline) has a schema no
 * step upgrades. It is refused as a database that cannot be used, so every shell offers to start
 * over: its unsent changes, readable here, are saved for `replay` first and the file set aside.
 */
function refusePreRelease(db: Database.Database, path: string, options: OpenOptions): void {
  const version = schemaVersion(db);
  const baseline = (options.migrations ?? MIGRATIONS)[0]?.version ?? 0;
  if (version === 0 || version >= baseline) return;
  let unsent: number | null;
  try {
    unsent = countUnsent(db);
  } catch {
    unsent = readUnsentNote(path);
  }
  throw new DatabaseKeyError(path, unsent, { kind: 'pre-release', fileVersion: version });
}

/**
 * Migrating can take seconds on a slow laptop, longer than a second process waits on SQLite's
 * busy timeout: so the steps run holding the opening lock, which the other process waits on for
 * up to a minute (and then says another Lead Triage is updating), instead of it failing with
 * "locked" part-way. Nothing to do, no lock taken: the usual open stays cheap.
 */
function migrateUnderOpeningLock(db: Database.Database, path: string, options: OpenOptions): void {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.targetVersion ?? migrations[migrations.length - 1]?.version ?? 0;
  if (schemaVersion(db) === target) return;
  withOpeningLock(path, () => migrate(db, path, migrations, options.targetVersion), {
    nativeBinding: options.nativeBinding,
  });
}

export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    const kind = assertNotForeign(path);
    if (kind === 'new') createPrivateFile(path);
    if (kind === 'plain') checkAndEncryptPlain(path, options);
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // Before any other statement: the first read of the file must already decrypt it.
    if (options.key) keyConnection(db, options.key);
    // First of the settings: another process may be opening (and migrating) the same file.
    db.pragma('busy_timeout = 5000');
    // WAL lets reads run beside the one writer; synchronous=FULL (WAL's default is NORMAL, which
    // can lose the last commits on power loss) because a triage keystroke is acknowledged only
    // once it is on disk.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // No mmap_size: the cipher maps no encrypted file (only the WAL index, -shm, is mapped; the
    // process's memory maps show it), so every page is read and decrypted through SQLite's page
    // cache whatever mmap_size says.
    // Reading the schema touches every page header SQLite needs: a file that is not a database,
    // or is damaged at the start, fails here rather than at the first command.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    // Known to be a Lead Triage database now: it, and a -wal or -shm an older version left
    // readable by others, are made owner-only.
    makeDatabaseFilesPrivate(path);
    refusePreRelease(db, path, options);
    migrateUnderOpeningLock(db, path, options);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown } | null)?.code;
    // With a key, "not a database" means the key does not decrypt the file.
    if (options.key && code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError(path, readUnsentNote(path));
    }
    // Decrypted, but damaged: the person may start over too (what can be read is saved first).
    if (options.key && (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB')) {
      throw new DatabaseKeyError(path, readUnsentNote(path), { kind: 'damaged' });
    }
    throw storageError(path, error);
  }
}
