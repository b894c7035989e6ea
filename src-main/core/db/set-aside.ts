/**
 * Starting over with a database that cannot be opened: its files are moved aside, not deleted,
 * so the next open makes a new, empty one while the old one stays whole should its key turn up
 * (SQLite finds a database's write-ahead log by its name, so the log moves with it). Only ever on
 * the person's explicit choice, after being told what it costs.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { unsentNotePath } from './unsent-note';

export const setAsidePath = (dbPath: string, now: Date): string =>
  `${dbPath}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;

/** Moves the database (and its log and note) to `setAsidePath`; answers that path. */
export function setAsideDatabase(dbPath: string, now: Date): string {
  const aside = setAsidePath(dbPath, now);
  const moves: [string, string][] = [
    [`${dbPath}-wal`, `${aside}-wal`],
    [unsentNotePath(dbPath), unsentNotePath(aside)],
    // The database last: while it is still in place, a failed move above leaves it usable.
    [dbPath, aside],
  ];
  for (const [from, to] of moves) if (existsSync(from)) renameSync(from, to);
  // Rebuilt from the log by SQLite whenever the file is opened again.
  rmSync(`${dbPath}-shm`, { force: true });
  return aside;
}
