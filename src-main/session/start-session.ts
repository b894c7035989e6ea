/**
 * Starts what both shells serve: the session (the core, in its worker, for the saved account or
 * the demo) and the channel's server end in front of it and of the app commands, where the gate
 * stands. The desktop app and the browser host differ only in what they pass in: where settings,
 * the API key and the database key are kept, and the dialogs only a desktop app has.
 */
import {
  createEmitter,
  logListenerFailures,
  serveChannel,
  type ChannelEvents,
  type ChannelServer,
} from '#channel';
import { CommandError, type AppHandlers } from '#contract';
import { lockCache, type Logger } from '../core';
import { createAppHandlers, type AppHandlerDeps } from './app-handlers';
import { testConnection, type ConnectionTester } from './connection-test';
import { runCore, type CoreIn } from './running-core';
import { openSession, type Session } from './session';
import type { CredentialStore, SavedAccount } from '../shell-kit/credentials';
import type { PreferencesStore } from '../shell-kit/preferences';
import { openOrOfferStartOver, type StartOverPlan } from '../shell-kit/start-over';

/**
 * A database that cannot be opened (key lost or missing, file damaged): show the person what
 * starting over costs (shell-kit/start-over.ts saves what can be read first), and on a yes move
 * the key along with the files set aside.
 */
export interface StartOverDialog {
  ask(plan: StartOverPlan): Promise<boolean>;
  setAside(dbPath: string, aside: string): void;
}

export interface SessionOptions {
  host: 'electron' | 'browser';
  version: string;
  logger: Logger;
  /** The account to start with; null for demo data. */
  initial: SavedAccount | null;
  /** The database file of an account (or of the demo). */
  dbPathFor(target: SavedAccount | null): string;
  /** The database's key, from wherever this shell keeps it (keychain, environment, key file). */
  databaseKey(dbPath: string): Buffer;
  /** Where those keys are kept, as settings say it. */
  databaseKeyStorage: AppHandlerDeps['databaseKeyStorage'];
  preferences: PreferencesStore;
  credentials: CredentialStore;
  /** better-sqlite3 built for Electron, when the desktop app runs. */
  sqliteBinding?: string | undefined;
  demoLeads?: number | undefined;
  /** 'worker' (the default) keeps SQLite off the thread that serves the window. */
  coreIn?: CoreIn | undefined;
  /** Test harnesses only: the demo simulator serves its `/_sim/` controls. */
  simulatorControl?: boolean | undefined;
  /** The desktop app offers to start over when a database cannot be opened. */
  startOver?: StartOverDialog | undefined;
  /** The desktop app's "Restart to update". */
  restartToUpdate?: ((session: Session) => Promise<boolean>) | undefined;
  /** The desktop app's save dialog; the browser host downloads instead. */
  saveExport?: ((session: Session) => AppHandlers['export:save']) | undefined;
  /** The desktop app's system browser, for the links a lead carries. */
  openExternal?: ((url: string) => Promise<void>) | undefined;
  testConnection?: ConnectionTester | undefined;
  /** Check every answer against the contract (development). */
  checkOutput: boolean;
}

/**
 * A shell with no start-over dialog (the browser host) says how to start over instead: by the
 * command line, which saves what it can of the unsent changes and asks first.
 */
function withCliStartOver(error: unknown, dbPath: string): never {
  if (!(error instanceof CommandError && error.code === 'storage-key')) throw error;
  throw new CommandError(
    'storage-key',
    `${error.message} To start over, run: npm run -s cli -- status --db ${JSON.stringify(dbPath)} --start-over`,
  );
}

/** The session, and the channel the shell's transport serves in front of it. */
export async function startSession(
  shell: SessionOptions,
): Promise<{ session: Session; channel: ChannelServer }> {
  const { logger } = shell;
  const user = shell.host === 'electron' ? 'the desktop app' : 'the browser host';
  // One emitter: the session raises its events where the channel's listeners hear them.
  const events = createEmitter<ChannelEvents>(logListenerFailures(logger));
  const session = await openSession(
    shell.initial,
    (target) => {
      const dbPath = shell.dbPathFor(target);
      const open = () =>
        runCore(target, {
          dbPath,
          logger,
          demoLeads: shell.demoLeads,
          sqliteBinding: shell.sqliteBinding,
          databaseKey: (path) => shell.databaseKey(path),
          coreIn: shell.coreIn,
          simulatorControl: shell.simulatorControl,
          user,
        });
      const dialog = shell.startOver;
      if (dialog === undefined)
        return open().catch((error: unknown) => withCliStartOver(error, dbPath));
      return openOrOfferStartOver({
        open,
        dbPath,
        keys: () => {
          try {
            return [shell.databaseKey(dbPath)];
          } catch {
            return [];
          }
        },
        ask: (plan) => dialog.ask(plan),
        setAside: (path, aside) => dialog.setAside(path, aside),
        lock: () => lockCache(dbPath, user, { nativeBinding: shell.sqliteBinding }),
        nativeBinding: shell.sqliteBinding,
      });
    },
    logger,
    events,
  );
  const { restartToUpdate, saveExport, openExternal } = shell;
  const handlers = {
    ...session.core,
    ...createAppHandlers({
      version: shell.version,
      host: shell.host,
      preferences: shell.preferences,
      credentials: shell.credentials,
      databaseKeyStorage: shell.databaseKeyStorage,
      session,
      testConnection: shell.testConnection ?? testConnection,
      ...(restartToUpdate === undefined ? {} : { restartToUpdate: () => restartToUpdate(session) }),
      ...(saveExport === undefined ? {} : { saveExport: saveExport(session) }),
      ...(openExternal === undefined ? {} : { openExternal }),
    }),
  };
  const channel = serveChannel({ handlers, events, logger, checkOutput: shell.checkOutput });
  return { session, channel };
}
