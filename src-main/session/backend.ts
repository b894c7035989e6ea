/**
 * Opens the core for one target the way the shells run it: the database key fetched here, on the
 * main thread (keychain, environment or key file), then the core opened in the core worker
 * (core-worker/), or in this thread when asked (`coreIn: 'process'`, for tests that need it).
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import {
  assertNotForeign,
  type CacheUser,
  lockCache,
  type Logger,
  makePrivateFolder,
} from '../core';
import { createCoreWorker } from './core-worker/core-worker';
import type { SavedAccount } from '../shell-kit/credentials';
import { DEMO_API_ID, openCoreInProcess, type Backend } from './open-core';

export { DEMO_LEADS, type Backend, type CoreLink, type DemoSimulator } from './open-core';

/** Where the core runs: its own worker thread (the apps), or the calling thread. */
export type CoreIn = 'worker' | 'process';

export interface BackendOptions {
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
export async function openBackend(
  target: SavedAccount | null,
  options: BackendOptions,
): Promise<Backend> {
  // Before the lock and the key: both are files beside the database.
  makePrivateFolder(dirname(options.dbPath));
  // Nothing is made beside a file that is not a Lead Triage database.
  assertNotForeign(options.dbPath);
  const lock = await lockCache(options.dbPath, options.user ?? 'the browser host', {
    nativeBinding: options.sqliteBinding,
  });
  try {
    const backend = await openUnlocked(target, options);
    return {
      ...backend,
      get simulator() {
        return backend.simulator;
      },
      close: () => backend.close().finally(() => lock.release()),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openUnlocked(
  target: SavedAccount | null,
  options: BackendOptions,
): Promise<Backend> {
  const dbKey = options.databaseKey(options.dbPath);
  // A fresh key each run: the simulator listens on loopback, but nothing else should sync from it.
  const demoApiKey = randomBytes(16).toString('hex');
  if (options.coreIn === 'process') {
    return openCoreInProcess(target, { ...options, dbKey, demoApiKey });
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
  });
  await core.ready;
  return {
    core,
    account: target?.account ?? null,
    // Read each time: a restarted worker runs its own demo simulator, on another port.
    get simulator() {
      const url = core.simulatorUrl;
      return url === null ? null : { url, apiId: DEMO_API_ID, apiKey: demoApiKey };
    },
    close: () => core.close(),
  };
}
