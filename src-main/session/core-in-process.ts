/**
 * Opens the core for one target on the calling thread: a real Envoke account, or demo data served
 * by the Envoke simulator on a random loopback port. Either way the core syncs over real HTTP, so
 * demo mode exercises the same code as a real account. The core worker runs `openCoreInProcess`
 * inside its thread; `runCoreInProcess` gives the same core the running core's face, for a shell
 * asked to keep the core in its own thread (`coreIn: 'process'`).
 */
import { dirname } from 'node:path';
import {
  type Clock,
  type Core,
  type CoreEventName,
  createCore,
  createEnvokeClient,
  type Logger,
  makePrivateFolder,
} from '../core';
import { startSimulator } from '../sim';
import type { SavedAccount } from '../shell-kit/credentials';
import { demoEnvokeStatePath } from '../shell-kit/demo-files';
import type { DemoSimulator, RunningCore } from './running-core';

/** A few thousand leads: enough to feel real, quick to pull on first start. */
export const DEMO_LEADS = 3000;
/** Fixed so the demo shows the same leads every time it starts. */
const DEMO_SEED = 1;
export const DEMO_API_ID = 'demo';

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

/** The core itself, the demo's simulator beside it (null for an account), and closing both. */
interface OpenedCore {
  core: Core;
  simulator: DemoSimulator | null;
  /** Stops the core (push loop, database) and then the simulator. */
  close(): Promise<void>;
}

export async function openCoreInProcess(
  target: SavedAccount | null,
  options: OpenCoreOptions,
): Promise<OpenedCore> {
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
    return { core, simulator: null, close: () => core.close() };
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
    core,
    simulator: { url: simulator.url, apiId: DEMO_API_ID, apiKey },
    async close() {
      await core.close();
      await simulator.stop();
    },
  };
}

/**
 * The core in this thread as a running core. Its own `on` never raises notices (nothing restarts
 * it), so a listener for those hears nothing. `afterClose` runs once everything has closed.
 */
export async function runCoreInProcess(
  target: SavedAccount | null,
  options: OpenCoreOptions & { afterClose?: () => void },
): Promise<RunningCore> {
  const opened = await openCoreInProcess(target, options);
  const { core } = opened;
  let closing: Promise<void> | null = null;
  return {
    ...core,
    on: (event, listener) =>
      event === 'app:notice'
        ? () => undefined
        : core.on(event as CoreEventName, listener as (payload: unknown) => void),
    syncOnce: (what) => core.syncOnce(what),
    account: target?.account ?? null,
    simulator: opened.simulator,
    ready: Promise.resolve(),
    thread: () => null,
    close() {
      closing ??= opened.close().finally(() => options.afterClose?.());
      return closing;
    },
  };
}
