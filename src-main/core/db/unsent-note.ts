/**
 * How many changes are still unsent, kept in a small file beside the database. With a lost key
 * nothing inside the encrypted file can be read, yet the person deciding whether to download the
 * leads again must be told what that would lose. The note holds one number and nothing about any
 * lead.
 *
 * The note is never lower than the outbox, even after a crash: a change that adds an unsent row
 * raises the note before its transaction commits (a temporary trigger on the core's connection
 * calls back into this module), and the note comes down only once a change that removed rows has
 * committed. Raising it costs one small in-place write (no rename, no new file), so a triage key
 * still pays almost nothing for it.
 */
import type Database from 'better-sqlite3';
import {
  closeSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';

export const unsentNotePath = (dbPath: string): string => `${dbPath}.unsent`;

export function countUnsent(db: Database.Database): number {
  const row = db
    .prepare("SELECT count(*) AS n FROM outbox WHERE state NOT IN ('done', 'cancelled')")
    .get() as { n: number };
  return row.n;
}

/** Every note has this many bytes, so an in-place write always covers the one before. */
const NOTE_BYTES = 40;

/** What the note holds: the count alone, nothing about any lead (padded, still plain JSON). */
const noteText = (unsent: number): string =>
  `${JSON.stringify({ unsent })}`.padEnd(NOTE_BYTES - 1, ' ') + '\n';

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

export interface UnsentNote {
  /** The count may have gone down (a change was sent, discarded, undone): written once committed. */
  recount(): void;
  close(): void;
}

/** The SQL function the temporary triggers call; the name keeps it apart from anything else. */
const GREW = 'lead_triage_unsent_note_grew';

/**
 * Keeps the note following `db`'s outbox while the core runs. Starts from the count now; from
 * then on every row that becomes unsent raises the note by one inside its transaction.
 */
export function followUnsentNote(db: Database.Database, dbPath: string): UnsentNote {
  let fd: number | null = null;
  try {
    // Never truncated first: a crash between truncating and writing would leave no count at all.
    fd = openSync(unsentNotePath(dbPath), 'r+');
  } catch {
    try {
      fd = openSync(unsentNotePath(dbPath), 'w', 0o600);
    } catch {
      // As writeUnsentNote: best effort; the database itself says what is wrong with the folder.
    }
  }
  let noted = -1;
  const write = (unsent: number): void => {
    if (fd === null) return;
    try {
      writeSync(fd, noteText(unsent), 0, 'utf8');
      ftruncateSync(fd, NOTE_BYTES);
      noted = unsent;
    } catch {
      // Best effort, as above.
    }
  };
  write(countUnsent(db));

  db.function(GREW, { deterministic: false }, () => {
    write(noted + 1);
    return null;
  });
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS unsent_note_on_insert AFTER INSERT ON main.outbox
      WHEN NEW.state NOT IN ('done', 'cancelled')
      BEGIN SELECT ${GREW}(); END;
    CREATE TEMP TRIGGER IF NOT EXISTS unsent_note_on_reopen AFTER UPDATE OF state ON main.outbox
      WHEN OLD.state IN ('done', 'cancelled') AND NEW.state NOT IN ('done', 'cancelled')
      BEGIN SELECT ${GREW}(); END;
  `);

  let recounting = false;
  return {
    recount() {
      if (recounting) return;
      recounting = true;
      // After the current command's transaction has committed: a count read inside it could
      // bring the note below rows a rollback would keep.
      queueMicrotask(() => {
        recounting = false;
        if (!db.open || db.inTransaction) return;
        const unsent = countUnsent(db);
        if (unsent !== noted) write(unsent);
      });
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
