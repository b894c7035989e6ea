/**
 * The core's front door: everything the session, the shells and the CLI may use of the core, and
 * nothing else. Outside src-main/core, code imports the core from here alone (lint refuses a
 * deeper import, see eslint.config.js), so the rooms inside (db, envoke, tables, reads, triage,
 * sync, export) can be rearranged without touching their callers. Inside the core, modules import
 * each other directly, never through this file.
 */

// The core itself, as its hosts hold it.
export { createCore, type CoreOptions } from './create-core';
export {
  systemClock,
  type Clock,
  type Core,
  type CoreEventName,
  type Logger,
  type SyncReport,
  type SyncWhat,
} from './api';
/** Commands a worker may answer while a write is in flight (they change nothing). */
export { READ_ONLY_COMMANDS } from './read-only-commands';

// Envoke's Lead API, for testing an account before the core opens it.
export {
  createEnvokeClient,
  describeEnvokeError,
  EnvokeError,
  isEnvokeError,
  type EnvokeClient,
} from './envoke';

// The cache's files: who holds one, what a file is, its key, and the private folder it lives in.
export { CacheBusyError, lockCache, readCacheHolder, type CacheUser } from './db/cache-lock';
export { assertNotForeign, cacheFileKind } from './db/cache-file';
export { DATABASE_KEY_BYTES } from './db/encryption';
export { DatabaseKeyError } from './db/errors';
export { makePrivateFolder, PRIVATE_FILE_MODE } from './db/private-files';

// Starting over: unsent changes counted, saved beside a set-aside file, and replayed later.
export { readUnsentNote, unsentNotePath } from './db/unsent-note';
export { setAsideDatabase } from './db/set-aside';
export {
  readUnsentChanges,
  replayCommand,
  UnsentExportSchema,
  writeUnsentExport,
  type UnsentChange,
} from './db/unsent-export';

// Exporting leads to JSON or CSV.
export {
  EXPORT_COLUMNS,
  EXPORT_FORMATS,
  exportChunks,
  exportFileName,
  type ExportFormat,
  type ExportProgress,
} from './export/lead-export';
