/**
 * Opens the core for one target: a real Envoke account, or demo data served by the Envoke
 * simulator running in this process on a random loopback port. Either way the core syncs over
 * real HTTP, so demo mode exercises the same code as a real account.
 */
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { Account } from '#contract';
import type { Clock, Core, Logger } from '../core/api';
import { createCore } from '../core/create-core';
import { makePrivateFolder } from '../core/db/private-files';
import { createEnvokeClient } from '../core/envoke';
import { startSimulator, type RunningSimulator } from '../sim';
import type { SavedAccount } from './credentials';

/** A few thousand leads: enough to feel real, quick to pull on first start. */
export const DEMO_LEADS = 3000;
/** Fixed so the demo shows the same leads every time it starts. */
const DEMO_SEED = 1;
const DEMO_API_ID = 'demo';

export interface Backend {
  core: Core;
  /** The account it syncs with; null for demo data. */
  account: Account | null;
  /** The in-process simulator behind demo data (tests play Envoke's side through it). */
  simulator: RunningSimulator | null;
  /** Stops the core (push loop, database) and then the simulator. */
  close(): Promise<void>;
}

export interface BackendOptions {
  dbPath: string;
  logger: Logger;
  demoLeads?: number;
  clock?: Clock;
  /** better-sqlite3 built for Electron, when the desktop app runs (see scripts/electron-native.mjs). */
  sqliteBinding?: string | undefined;
  /** The database's key, from wherever this host keeps it (keychain, environment, key file). */
  databaseKey: (dbPath: string) => Buffer;
}

export async function openBackend(
  target: SavedAccount | null,
  options: BackendOptions,
): Promise<Backend> {
  makePrivateFolder(dirname(options.dbPath));
  if (target !== null) {
    const envoke = createEnvokeClient({ ...target.account, apiKey: target.apiKey });
    const core = createCore({
      dbPath: options.dbPath,
      envoke,
      clock: options.clock,
      logger: options.logger,
      sqliteBinding: options.sqliteBinding,
      dbKey: options.databaseKey(options.dbPath),
    });
    core.start();
    return { core, account: target.account, simulator: null, close: () => core.close() };
  }

  // A fresh key each run: the simulator listens on loopback, but nothing else should sync from it.
  const apiKey = randomBytes(16).toString('hex');
  const simulator = await startSimulator({
    port: 0,
    leads: options.demoLeads ?? DEMO_LEADS,
    seed: DEMO_SEED,
    apiId: DEMO_API_ID,
    apiKey,
  });
  let core: Core;
  try {
    const envoke = createEnvokeClient({ baseUrl: simulator.url, apiId: DEMO_API_ID, apiKey });
    core = createCore({
      dbPath: options.dbPath,
      envoke,
      clock: options.clock,
      logger: options.logger,
      sqliteBinding: options.sqliteBinding,
      dbKey: options.databaseKey(options.dbPath),
    });
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  core.start();
  return {
    core,
    account: null,
    simulator,
    async close() {
      await core.close();
      await simulator.stop();
    },
  };
}
