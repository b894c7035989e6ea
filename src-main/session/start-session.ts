/**
 * Starts what both shells serve: the core session (the core, in its worker, for the saved
 * account or the demo), the app commands beside the core's, and the command gate in front of
 * them. The desktop app and the browser host differ only in what they pass in: where settings,
 * the API key and the database key are kept, and the dialogs only a desktop app has.
 */
import type { AppHandlers } from '#contract';
import type { Logger } from '../core/api';
import { createAppHandlers } from './app-handlers';
import { openBackend, type CoreIn } from './backend';
import { createDispatcher, type Dispatch, type Handlers } from './command-gate';
import { testConnection, type ConnectionTester } from './connection-test';
import { openCoreSession, type CoreSession } from './core-session';
import type { CredentialStore, SavedAccount } from './credentials';
import type { PreferencesStore } from './preferences';
import { openOrOfferStartOver } from './start-over';

/** A database whose key is lost: ask the person, and discard it (with its key) on a yes. */
export interface StartOverDialog {
  ask(message: string): Promise<boolean>;
  discard(dbPath: string): void;
}

export interface SessionShell {
  host: 'electron' | 'browser';
  version: string;
  logger: Logger;
  /** The account to start with; null for demo data. */
  initial: SavedAccount | null;
  /** The database file of an account (or of the demo). */
  dbPathFor(target: SavedAccount | null): string;
  /** The database's key, from wherever this shell keeps it (keychain, environment, key file). */
  databaseKey(dbPath: string): Buffer;
  preferences: PreferencesStore;
  credentials: CredentialStore;
  /** better-sqlite3 built for Electron, when the desktop app runs. */
  sqliteBinding?: string | undefined;
  demoLeads?: number | undefined;
  /** 'worker' (the default) keeps SQLite off the thread that serves the window. */
  coreIn?: CoreIn | undefined;
  /** Test harnesses only: the demo simulator serves its `/_sim/` controls. */
  simulatorControl?: boolean | undefined;
  /** The desktop app offers to start over when a database's key is lost. */
  startOver?: StartOverDialog | undefined;
  /** The desktop app's "Restart to update". */
  restartToUpdate?: ((session: CoreSession) => Promise<boolean>) | undefined;
  /** The desktop app's save dialog; the browser host downloads instead. */
  saveExport?: ((session: CoreSession) => AppHandlers['export:save']) | undefined;
  /** The desktop app's system browser, for the links a lead carries. */
  openExternal?: ((url: string) => Promise<void>) | undefined;
  testConnection?: ConnectionTester | undefined;
  /** Check every answer against the contract (development). */
  checkOutput: boolean;
}

export interface StartedSession {
  session: CoreSession;
  handlers: Handlers;
  dispatch: Dispatch;
}

export async function startSession(shell: SessionShell): Promise<StartedSession> {
  const { logger } = shell;
  const session = await openCoreSession(
    shell.initial,
    (target) => {
      const dbPath = shell.dbPathFor(target);
      const open = () =>
        openBackend(target, {
          dbPath,
          logger,
          demoLeads: shell.demoLeads,
          sqliteBinding: shell.sqliteBinding,
          databaseKey: (path) => shell.databaseKey(path),
          coreIn: shell.coreIn,
          simulatorControl: shell.simulatorControl,
        });
      const dialog = shell.startOver;
      if (dialog === undefined) return open();
      return openOrOfferStartOver({
        open,
        ask: dialog.ask,
        startOver: () => dialog.discard(dbPath),
      });
    },
    logger,
  );
  const { restartToUpdate, saveExport, openExternal } = shell;
  const handlers: Handlers = {
    ...session.handlers,
    ...createAppHandlers({
      version: shell.version,
      host: shell.host,
      preferences: shell.preferences,
      credentials: shell.credentials,
      session,
      testConnection: shell.testConnection ?? testConnection,
      ...(restartToUpdate === undefined ? {} : { restartToUpdate: () => restartToUpdate(session) }),
      ...(saveExport === undefined ? {} : { saveExport: saveExport(session) }),
      ...(openExternal === undefined ? {} : { openExternal }),
    }),
  };
  const dispatch = createDispatcher(handlers, { logger, checkOutput: shell.checkOutput });
  return { session, handlers, dispatch };
}
