/**
 * A running core, as the session holds it: the core opened for one target (an Envoke account or
 * the demo), in its own worker thread (core-worker/, the shells' default) or in this thread
 * (core-in-process.ts, when asked), behind the same face either way.
 *
 * `runCore` opens one the way the shells run it: the cache's lock taken and its key fetched here,
 * on the main thread (keychain, environment or key file), then the core opened where it runs.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Account, CoreHandlers, EventPayload } from '#contract';
import {
  assertNotForeign,
  type CacheUser,
  type CoreEventName,
  lockCache,
  type Logger,
  makePrivateFolder,
  type SyncReport,
  type SyncWhat,
} from '../core';
import type { SavedAccount } from '../shell-kit/credentials';
import { runCoreInProcess } from './core-in-process';
import { createCoreWorker } from './core-worker/core-worker';

/** Events a running core raises: the core's own, and one-sentence notices from where it runs. */
export type SessionEventName = CoreEventName | 'app:notice';

/** Where the demo's Envoke listens, and the credentials its test controls need. */
export interface DemoSimulator {
  url: string;
  apiId: string;
  apiKey: string;
}

export interface RunningCore extends CoreHandlers {
  on<E extends SessionEventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
  /** One sync now (tests and the benchmark); the app relies on background sync. */
  syncOnce(what: SyncWhat): Promise<SyncReport>;
  networkChanged(online: boolean): void;
  /** Waits for the last transaction, closes the database, then stops the demo simulator. */
  close(): Promise<void>;
  /** The account it syncs with; null for demo data. */
  readonly account: Account | null;
  /** The simulator behind demo data (tests play Envoke's side through its controls). */
  readonly simulator: DemoSimulator | null;
  /** Resolves once the core is open (at once in this thread); rejects with why it could not. */
  readonly ready: Promise<void>;
  /** The worker thread it runs in (a test may end it, as a crash would); null in this thread. */
  thread(): Worker | null;
}

/** Where the core runs: its own worker thread (the apps), or the calling thread. */
export type CoreIn = 'worker' | 'process';

export interface RunCoreOptions {
  dbPath: string;
  logger: Logger;
  demoLeads?: number | undefined;
  /** better-sqlite3 built for Electron, when the desktop app runs (see scripts/electron-native.mjs). */
  sqliteBinding?: string | undefined;
  /** The database's key, from wherever this host keeps it (keychain, environment, key file). */
  databaseKey: (dbPath: string) => Buffer;
  coreIn?: CoreIn | undefined;
  /** Test harnesses only: the demo simulator serves its `/_sim/` controls. */
  simulatorControl?: boolean | undefined;
  /** What this shell is, for the sentence another one shows when it finds the cache in use. */
  user?: CacheUser | undefined;
}

/**
 * Holds the cache's session lock (core/db/cache-lock.ts) from before its key is read until the
 * core has closed: one cache, one writer. On this thread, not the core's: the lock outlives a
 * restart of the core worker, whose new thread opens the same file in the same process.
 */
export async function runCore(
  target: SavedAccount | null,
  options: RunCoreOptions,
): Promise<RunningCore> {
  // Before the lock and the key: both are files beside the database.
  makePrivateFolder(dirname(options.dbPath));
  // Nothing is made beside a file that is not a Lead Triage database.
  assertNotForeign(options.dbPath);
  const lock = await lockCache(options.dbPath, options.user ?? 'the browser host', {
    nativeBinding: options.sqliteBinding,
  });
  try {
    const dbKey = options.databaseKey(options.dbPath);
    // A fresh key each run: the simulator listens on loopback, but nothing else should sync from it.
    const demoApiKey = randomBytes(16).toString('hex');
    const afterClose = () => lock.release();
    if (options.coreIn === 'process') {
      return await runCoreInProcess(target, { ...options, dbKey, demoApiKey, afterClose });
    }
    const core = createCoreWorker({
      logger: options.logger,
      start: {
        target: target === null ? null : { ...target.account, apiKey: target.apiKey },
        dbPath: options.dbPath,
        dbKey,
        sqliteBinding: options.sqliteBinding,
        demoLeads: options.demoLeads,
        demoApiKey,
        simulatorControl: options.simulatorControl === true,
      },
      afterClose,
    });
    // A worker that could not open the core has ended by the time this rejects.
    await core.ready;
    return core;
  } catch (error) {
    lock.release();
    throw error;
  }
}
