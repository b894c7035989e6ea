/**
 * How many changes were still unsent when the database was last opened or closed, kept in a small
 * file beside it. With a lost key nothing inside the encrypted file can be read, yet the person
 * deciding whether to download the leads again must be told what that would lose. The note holds
 * one number and nothing about any lead.
 */
import type Database from 'better-sqlite3';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

export const unsentNotePath = (dbPath: string): string => `${dbPath}.unsent`;

export function countUnsent(db: Database.Database): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM outbox WHERE state NOT IN ('done', 'cancelled')")
    .get() as { n: number };
  return row.n;
}

/** What the note holds: the count alone, nothing about any lead. */
const noteText = (unsent: number): string => `${JSON.stringify({ unsent })}\n`;

/** Best effort: the note only informs a later decision, so failing to write it loses nothing. */
export function writeUnsentNote(dbPath: string, unsent: number): void {
  const path = unsentNotePath(dbPath);
  try {
    writeFileSync(`${path}.tmp`, noteText(unsent), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  } catch {
    // A read-only folder already fails the database itself with a clear message.
  }
}

/** The last count written, or null when there is none or it cannot be read. */
export function readUnsentNote(dbPath: string): number | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(unsentNotePath(dbPath), 'utf8'));
    const unsent = (parsed as { unsent?: unknown } | null)?.unsent;
    return Number.isInteger(unsent) && (unsent as number) >= 0 ? (unsent as number) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the note following the count while the core runs, off the command's path: a rename can
 * wait on the file system's journal for milliseconds, which every triage key would otherwise pay
 * now and then. Writes go out in the background, one at a time, the latest count winning.
 */
export function followUnsentNote(dbPath: string): {
  update(unsent: number): void;
  /** Resolves once the last count asked for is written (or failed to be). */
  settled(): Promise<void>;
} {
  const path = unsentNotePath(dbPath);
  let written = -1;
  let wanted = -1;
  let writing: Promise<void> | null = null;
  const writeWanted = async (): Promise<void> => {
    while (wanted !== written) {
      const unsent = wanted;
      try {
        await writeFile(`${path}.tmp`, noteText(unsent), { mode: 0o600 });
        await rename(`${path}.tmp`, path);
      } catch {
        // As writeUnsentNote: best effort.
      }
      written = unsent;
    }
    writing = null;
  };
  return {
    update(unsent) {
      wanted = unsent;
      writing ??= writeWanted();
    },
    settled: () => writing ?? Promise.resolve(),
  };
}
