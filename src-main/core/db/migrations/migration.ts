import type Database from 'better-sqlite3';

/**
 * One step of the schema. `version` is what `PRAGMA user_version` reads once it has run; steps
 * are numbered with gaps (0010, 0020, ...) so a fix can slot in between without renumbering.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
