/**
 * Storage failures the person must read: the local file cannot be used as it is. Always a
 * CommandError with code 'storage' so every host shows the sentence as-is.
 */
import { CommandError } from '#contract/errors';

/** The file was written by a newer version of the app; it is left untouched. */
export class DatabaseTooNewError extends CommandError {
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      'storage',
      `The local database ${path} was written by a newer version of Lead Triage ` +
        `(schema ${fileVersion}; this version knows up to ${knownVersion}). ` +
        'Update the app to open it; the file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Why a Lead Triage database cannot be read. */
export type UnreadableBecause =
  /** The key given does not decrypt it (lost, replaced). */
  | { kind: 'wrong-key' }
  /** There is no key where the host keeps it. */
  | { kind: 'key-missing'; expectedIn: string }
  /** It decrypts, but SQLite finds it damaged. */
  | { kind: 'damaged' }
  /**
   * A pre-release build made it (schema `fileVersion`, below the baseline): its schema is not
   * upgraded, but it opens, so every unsent change in it is saved before it is set aside.
   */
  | { kind: 'pre-release'; fileVersion: number };

/**
 * The file is encrypted with another key than the one given (the key was lost or replaced), its
 * key is missing, it is damaged, or a pre-release build made it: either way its contents cannot
 * be used as they are. Starting over with a new database and downloading the leads again is the
 * way out, at the cost of the changes not yet sent (saved first where they can still be read).
 */
export class DatabaseKeyError extends CommandError {
  constructor(
    readonly path: string,
    /** Unsent changes when the file was last used; null when unknown. */
    readonly unsentChanges: number | null,
    readonly because: UnreadableBecause = { kind: 'wrong-key' },
  ) {
    super(
      'storage-key',
      `${unreadableSentence(path, because)} Downloading the leads again starts a new one: ` +
        `${because.kind === 'pre-release' ? savedSentence(unsentChanges) : unsentSentence(unsentChanges)}.`,
    );
    this.name = 'DatabaseKeyError';
  }
}

function unreadableSentence(path: string, because: UnreadableBecause): string {
  switch (because.kind) {
    case 'wrong-key':
      return (
        `The local database ${path} cannot be opened with the key this computer keeps for it ` +
        '(the key was lost or replaced, or the file is damaged).'
      );
    case 'key-missing':
      return (
        `The local database ${path} is encrypted, and its key is missing from where it was ` +
        `expected: ${because.expectedIn}. Put the key back there (from a backup) to open it.`
      );
    case 'damaged':
      return `The local database ${path} is damaged and cannot be opened.`;
    case 'pre-release':
      return (
        `The local database ${path} was written by a pre-release build of Lead Triage ` +
        `(schema ${because.fileVersion}), which this version cannot upgrade.`
      );
  }
}

/** A file that opens: its unsent changes can all be read, and are saved before it is set aside. */
function savedSentence(unsent: number | null): string {
  if (unsent === null || unsent === 0) return unsentSentence(unsent);
  return `its ${unsent} ${unsent === 1 ? 'change' : 'changes'} not yet sent to Envoke ${unsent === 1 ? 'is' : 'are'} saved first, to be queued again`;
}

function unsentSentence(unsent: number | null): string {
  if (unsent === null) return 'any changes not yet sent to Envoke would be lost';
  if (unsent === 0) return 'no unsent changes would be lost';
  return `${unsent} ${unsent === 1 ? 'change' : 'changes'} not yet sent to Envoke would be lost`;
}

/** Why SQLite refused, in words, from better-sqlite3's error codes. */
function sqliteProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'it is not a Lead Triage database or it is damaged';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_CORRUPT_VTAB':
      return 'it is damaged';
    case 'SQLITE_CANTOPEN':
      return 'it cannot be opened (check that the folder exists and is writable)';
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return 'this user may not write to it';
    case 'SQLITE_FULL':
      return 'the disk is full';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'another program keeps it locked';
    case 'SQLITE_IOERR':
      return 'the disk reported an input/output error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

export function storageError(path: string, error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  return new CommandError(
    'storage',
    `The local database ${path} cannot be used: ${sqliteProblem(error)}.`,
  );
}
