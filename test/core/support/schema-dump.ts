/**
 * What a database's schema is, as data two files can be compared by: every entry of
 * `sqlite_schema` (its SQL with comments dropped and white space made single, since a statement's
 * layout changes nothing), every row of its ordinary tables (the seeded counts, the full-text
 * indexes' own tables) and its version. Where an entry's root page is, or how its SQL was laid
 * out, is left out: neither changes what the file holds or does.
 */
import type Database from 'better-sqlite3';

export interface SchemaEntry {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

export interface SchemaDump {
  userVersion: number;
  entries: SchemaEntry[];
  /** Rows of each ordinary table, in rowid (or key) order; blobs as hex. */
  rows: Record<string, unknown[][]>;
}

/** The SQL as SQLite runs it: without comments, one space where there was any. */
export function normalizeSql(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ,/g, ',')
    .trim();
}

const cell = (value: unknown): unknown =>
  Buffer.isBuffer(value) ? { hex: value.toString('hex') } : value;

export function schemaDump(db: Database.Database): SchemaDump {
  const entries = (
    db
      .prepare('SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema ORDER BY type, name')
      .all() as SchemaEntry[]
  ).map((entry) => ({ ...entry, sql: entry.sql === null ? null : normalizeSql(entry.sql) }));
  const rows: Record<string, unknown[][]> = {};
  for (const entry of entries) {
    if (entry.type !== 'table' || entry.sql === null || /^CREATE VIRTUAL/i.test(entry.sql))
      continue;
    rows[entry.name] = (
      db.prepare(`SELECT * FROM "${entry.name}" ORDER BY 1`).raw().all() as unknown[][]
    ).map((row) => row.map(cell));
  }
  return { userVersion: db.pragma('user_version', { simple: true }) as number, entries, rows };
}
