/**
 * Opens the core for one target on the calling thread: a real Envoke account, or demo data served
 * by the Envoke simulator on a random loopback port. Either way the core syncs over real HTTP, so
 * demo mode exercises the same code as a real account. The core worker runs this inside its
 * thread; `coreIn: 'process'` runs it in the calling thread (the CLI opens its core by itself).
 */
import { dirname } from 'node:path';
import type { Account, CoreHandlers, EventPayload } from '#contract';
import {
  type Clock,
  type Core,
  type CoreEventName,
  createCore,
  createEnvokeClient,
  type Logger,
  makePrivateFolder,
  type SyncReport,
  type SyncWhat,
} from '../core';
import { startSimulator } from '../sim';
import type { SavedAccount } from '../shell-kit/credentials';
import { demoEnvokeStatePath } from '../shell-kit/demo-files';

/** A few thousand leads: enough to feel real, quick to pull on first start. */
export const DEMO_LEADS = 3000;
/** Fixed so the demo shows the same leads every time it starts. */
const DEMO_SEED = 1;
export const DEMO_API_ID = 'demo';

/** Events the session relays: the core's own, and the shell's one-sentence notices. */
export type SessionEventName = CoreEventName | 'app:notice';

/** What the session holds of a core, in this thread or behind the core worker's port. */
export interface CoreLink extends CoreHandlers {
  on<E extends SessionEventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
  /** One sync now (tests and the benchmark); the app relies on background sync. */
  syncOnce(what: SyncWhat): Promise<SyncReport>;
  /** The core's own, in this thread: a command under its caller's id (see Core.callOnce). */
  callOnce?: Core['callOnce'];
  networkChanged(online: boolean): void;
  /** Waits for the last transaction, then closes the database. */
  close(): Promise<void>;
}

/** Where the demo's Envoke listens, and the credentials its test controls need. */
export interface DemoSimulator {
  url: string;
  apiId: string;
  apiKey: string;
}

export interface Backend {
  core: CoreLink;
  /** The account it syncs with; null for demo data. */
  account: Account | null;
  /** The simulator behind demo data (tests play Envoke's side through its controls). */
  simulator: DemoSimulator | null;
  /** Stops the core (push loop, database) and then the simulator. */
  close(): Promise<void>;
}

export interface OpenCoreOptions {
  dbPath: string;
  logger: Logger;
  /** The database's 32 key bytes, already fetched from wherever this shell keeps them. */
  dbKey: Buffer;
  demoLeads?: number | undefined;
  clock?: Clock | undefined;
  /** better-sqlite3 built for Electron, when the desktop app runs (see scripts/electron-native.mjs). */
  sqliteBinding?: string | undefined;
  /** The demo simulator's API key (random per run: nothing else should sync from it). */
  demoApiKey: string;
  /** Test harnesses only: the demo simulator serves its `/_sim/` controls. */
  simulatorControl?: boolean | undefined;
}

/** The in-process core as a CoreLink: its own `on` never raises notices, so those go nowhere. */
function link(core: Core): CoreLink {
  return {
    ...core,
    on: (event, listener) =>
      event === 'app:notice'
        ? () => undefined
        : core.on(event as CoreEventName, listener as (payload: unknown) => void),
    syncOnce: (what) => core.syncOnce(what),
  };
}

export async function openCoreInProcess(
  target: SavedAccount | null,
  options: OpenCoreOptions,
): Promise<Backend> {
  makePrivateFolder(dirname(options.dbPath));
  const coreOptions = {
    dbPath: options.dbPath,
    clock: options.clock,
    logger: options.logger,
    sqliteBinding: options.sqliteBinding,
    dbKey: options.dbKey,
  };
  if (target !== null) {
    const envoke = createEnvokeClient({ ...target.account, apiKey: target.apiKey });
    const core = createCore({ ...coreOptions, envoke });
    core.start();
    return {
      core: link(core),
      account: target.account,
      simulator: null,
      close: () => core.close(),
    };
  }

  const apiKey = options.demoApiKey;
  const simulator = await startSimulator({
    port: 0,
    leads: options.demoLeads ?? DEMO_LEADS,
    seed: DEMO_SEED,
    apiId: DEMO_API_ID,
    apiKey,
    control: options.simulatorControl === true,
    // The demo's Envoke keeps what was sent to it beside the cache: a restart keeps both sides.
    stateFile: demoEnvokeStatePath(options.dbPath),
  });
  if (simulator.stateProblem !== null) options.logger.warn(simulator.stateProblem);
  let core: Core;
  try {
    const envoke = createEnvokeClient({ baseUrl: simulator.url, apiId: DEMO_API_ID, apiKey });
    core = createCore({ ...coreOptions, envoke });
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  core.start();
  return {
    core: link(core),
    account: null,
    simulator: { url: simulator.url, apiId: DEMO_API_ID, apiKey },
    async close() {
      await core.close();
      await simulator.stop();
    },
  };
}
