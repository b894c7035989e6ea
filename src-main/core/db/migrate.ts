/**
 * Brings a database to the schema this app knows, on `PRAGMA user_version`. Every pending step
 * runs in ONE transaction, so a crash or a failing step leaves the file exactly as it was.
 * A file from a newer app is refused, never reset.
 */
import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';
import type { Migration } from './migrations';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs the steps of `migrations` above the file's version, up to `target` (tests stop early to
 * build files as an older version left them).
 */
export function migrate(
  db: Database.Database,
  path: string,
  migrations: readonly Migration[],
  target: number = migrations[migrations.length - 1]?.version ?? 0,
): MigrationResult {
  const known = migrations[migrations.length - 1]?.version ?? 0;
  const pendingFrom = (from: number) => {
    if (from > known) throw new DatabaseTooNewError(path, from, known);
    return migrations.filter((step) => step.version > from && step.version <= target);
  };
  const before = schemaVersion(db);
  if (pendingFrom(before).length === 0) return { from: before, to: before, applied: [] };

  // The version is read again inside the transaction, which holds the write lock: another
  // process opening the same file may have migrated it while this one waited for the lock.
  const applied = db
    .transaction(() => {
      const pending = pendingFrom(schemaVersion(db));
      for (const step of pending) step.up(db);
      // user_version is part of the database header and commits (or rolls back) with the rest.
      if (pending.length > 0) db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
      return pending.map((step) => step.name);
    })
    .immediate();

  return { from: before, to: schemaVersion(db), applied };
}
