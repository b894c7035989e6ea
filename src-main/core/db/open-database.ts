/**
 * Opens (or creates) the local database with the settings every write relies on, and migrates it.
 * Any failure comes out as CommandError('storage') with a sentence naming the file and the cause.
 */
import Database from 'better-sqlite3';
import { encryptPlainDatabase } from './encrypt-plain-database';
import { isPlainDatabaseFile, keyConnection } from './encryption';
import { DatabaseKeyError, storageError } from './errors';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { makeDatabaseFilesPrivate } from './private-files';
import { readUnsentNote } from './unsent-note';

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

export function openDatabase(path: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    makeDatabaseFilesPrivate(path);
    if (options.key && isPlainDatabaseFile(path)) {
      encryptPlainDatabase(path, options.key, options.nativeBinding);
    }
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // Before any other statement: the first read of the file must already decrypt it.
    if (options.key) keyConnection(db, options.key);
    // WAL lets reads run beside the one writer; synchronous=FULL (WAL's default is NORMAL, which
    // can lose the last commits on power loss) because a triage keystroke is acknowledged only
    // once it is on disk.
    db.pragma('journal_mode = WAL');
    // A -wal or -shm left by an older version keeps its old mode when SQLite reuses it.
    makeDatabaseFilesPrivate(path);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // No mmap_size: the cipher maps no encrypted file (only the WAL index, -shm, is mapped; the
    // process's memory maps show it), so every page is read and decrypted through SQLite's page
    // cache whatever mmap_size says.
    // Reading the schema touches every page header SQLite needs: a file that is not a database,
    // or is damaged at the start, fails here rather than at the first command.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const migrations = options.migrations ?? MIGRATIONS;
    migrate(db, path, migrations, options.targetVersion);
    return db;
  } catch (error) {
    db?.close();
    // With a key, "not a database" means the key does not decrypt the file.
    if (options.key && (error as { code?: unknown } | null)?.code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError(path, readUnsentNote(path));
    }
    throw storageError(path, error);
  }
}
