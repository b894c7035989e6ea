/**
 * Starting over when the database cannot be opened (its key is lost): every file of it goes, so
 * the next open makes a new, empty one and the leads are downloaded again. Only ever on the
 * person's explicit choice, after being told how many unsent changes that loses.
 */
import { rmSync } from 'node:fs';
import { unsentNotePath } from './unsent-note';

export function discardDatabaseFiles(dbPath: string): void {
  for (const path of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, unsentNotePath(dbPath)]) {
    rmSync(path, { force: true });
  }
}
