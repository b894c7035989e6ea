/**
 * The desktop app's composition root: app ready -> settings and account -> core session ->
 * validated IPC -> window. Everything that decides behaviour lives in the core, the host modules
 * shared with the browser host, and small modules of src-main/app.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  safeStorage,
  session,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { systemClock } from './core/api';
import { makePrivateFolder } from './core/db/private-files';
import { createAppHandlers } from './host/app-handlers';
import { openBackend } from './host/backend';
import { testConnection } from './host/connection-test';
import { createConsoleLogger } from './host/console-logger';
import { openCoreSession } from './host/core-session';
import { databaseFileName } from './host/database-files';
import { createDispatcher } from './host/dispatch';
import { createKeychainCredentials } from './app/credentials';
import { createExportSaver } from './app/export-dialog';
import { registerIpc, trustedSender } from './app/ipc';
import { openMainWindow } from './app/main-window';
import { buildMenuTemplate } from './app/menu';
import { watchNetwork } from './app/network-watch';
import { createElectronPreferences, openSettingsFile, storedValue } from './app/settings-store';
import { guardNavigation, lockDownSession } from './app/web-security';
import { forwardCoreEvents, sendEvent } from './app/window-events';

const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');
const PAGE_PATH = join(import.meta.dirname, '../renderer/index.html');
const logger = createConsoleLogger();

// Lets end-to-end tests run the app against a throwaway profile.
if (process.env.LEAD_TRIAGE_USER_DATA) app.setPath('userData', process.env.LEAD_TRIAGE_USER_DATA);

async function start(): Promise<void> {
  const appUrl = pathToFileURL(PAGE_PATH);
  lockDownSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, appUrl));

  const settings = openSettingsFile();
  const credentials = createKeychainCredentials({
    record: storedValue(settings, 'account'),
    safeStorage,
    platform: process.platform,
    logger,
  });
  const databases = join(app.getPath('userData'), 'databases');
  makePrivateFolder(databases, { tightenExisting: true });
  const coreSession = await openCoreSession(
    credentials.load(),
    (target) =>
      openBackend(target, {
        dbPath: join(databases, databaseFileName(target?.account ?? null)),
        logger,
        // `npm start` builds SQLite for Electron's ABI and names the file here.
        sqliteBinding: process.env.LEAD_TRIAGE_SQLITE_BINDING,
      }),
    logger,
  );
  const handlers = {
    ...coreSession.handlers,
    ...createAppHandlers({
      version: app.getVersion(),
      host: 'electron',
      preferences: createElectronPreferences(settings),
      credentials,
      session: coreSession,
      testConnection,
      saveExport: (request) =>
        createExportSaver({
          dialog,
          window,
          handlers: coreSession.handlers,
          now: () => Date.now(),
        })(request),
    }),
  };
  const dispatch = createDispatcher(handlers, { logger, checkOutput: !app.isPackaged });

  const window = openMainWindow({
    preloadPath: PRELOAD_PATH,
    pagePath: PAGE_PATH,
    bounds: storedValue(settings, 'windowBounds'),
  });
  const contents = window.webContents;
  const stopIpc = registerIpc({
    ipcMain,
    dispatch,
    isTrustedSender: trustedSender(contents, appUrl),
    logger,
  });
  const stopEvents = forwardCoreEvents(coreSession, contents);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        development: !app.isPackaged,
        onAction: (action) => sendEvent(contents, 'app:menu', { action }),
      }),
    ),
  );
  const stopWatching = watchNetwork({
    isOnline: () => net.isOnline(),
    onResume(listener) {
      powerMonitor.on('resume', listener);
      return () => powerMonitor.off('resume', listener);
    },
    notify: (online) => coreSession.networkChanged(online),
    clock: systemClock,
  });

  // One window: when it closes the app quits, rather than syncing on with nothing to show failures.
  app.on('window-all-closed', () => app.quit());

  // Quit waits for the core: the push loop stops and the database closes before the process ends.
  let closing = false;
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    stopWatching();
    stopEvents();
    stopIpc();
    void coreSession
      .close()
      .catch((error: unknown) =>
        logger.error('The core did not close cleanly', { error: String(error) }),
      )
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Lead Triage is running: it gets focus (below) and this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Lead Triage could not start', {
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      app.exit(1);
    });
}
