/**
 * The app's way to the core, bundled by app-core.ts with the core worker beside it (as the
 * desktop app's build puts out/main/core-worker.js beside its main bundle): the session the
 * shells start (`startSession`: the core in its worker thread, the app commands, and the
 * channel's gate in front of them), and each call handed to the channel as a transport hands it
 * a command.
 *
 * What the transports add on top (Electron's IPC, the browser host's HTTP) is not timed here.
 */
import { silentLogger, type Logger } from '../src-main/core/api';
import { TRUSTED } from '#channel';
import type { CoreIn } from '../src-main/session/running-core';
import { createMemoryCredentials, type SavedAccount } from '../src-main/shell-kit/credentials';
import {
  DEFAULT_PREFERENCES,
  mergePreferences,
  type PreferencesStore,
} from '../src-main/shell-kit/preferences';
import { startSession } from '../src-main/session/start-session';

export interface AppSessionOptions {
  dbPath: string;
  dbKey: Buffer;
  account: { baseUrl: string; apiId: string; apiKey: string };
  coreIn: CoreIn;
}

export interface AppSession {
  /** The command through the gate; a refused one throws with its code and message. */
  call(name: string, input: unknown): Promise<unknown>;
  close(): Promise<void>;
}

function memoryPreferences(): PreferencesStore {
  let current = DEFAULT_PREFERENCES;
  return {
    get: () => current,
    update: (patch) => (current = mergePreferences(current, patch)),
  };
}

/** Errors only: an offline account's retries are expected, a failing command is not. */
const errorLogger: Logger = {
  ...silentLogger,
  error: (message, detail) => console.error(`[app] ${message}`, detail ?? ''),
};

export async function openAppSession(options: AppSessionOptions): Promise<AppSession> {
  const { baseUrl, apiId, apiKey } = options.account;
  const initial: SavedAccount = { account: { baseUrl, apiId }, apiKey };
  const { session, channel } = await startSession({
    host: 'browser',
    version: 'bench',
    logger: errorLogger,
    initial,
    dbPathFor: () => options.dbPath,
    databaseKey: () => options.dbKey,
    // The bench hands the key over directly, as the browser host does from its environment.
    databaseKeyStorage: () => 'environment',
    preferences: memoryPreferences(),
    credentials: createMemoryCredentials(initial),
    coreIn: options.coreIn,
    // As an installed app runs: answers are not checked against the contract.
    checkOutput: false,
  });
  return {
    async call(name, input) {
      const result = await channel.invoke(name, input, TRUSTED);
      if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    close: () => session.close(),
  };
}
