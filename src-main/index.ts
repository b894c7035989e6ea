/**
 * The desktop app's composition root: app ready -> settings and account -> session and its
 * channel -> the channel over IPC -> window. Everything that decides behaviour lives in the core,
 * the session and shell kit shared with the browser host, and small modules of src-main/app.
 */
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import electronUpdater from 'electron-updater';
import packageJson from '../package.json' with { type: 'json' };
import { CommandError } from '#contract';
import { makePrivateFolder, systemClock } from './core';
import { createDatabaseKeyring } from './app/database-keys';
import { createRedactor, redactingCredentials } from './shell-kit/log-redaction';
import { DEMO_DATABASE_FILE, databaseFileName } from './shell-kit/database-files';
import { discardDemoFiles } from './shell-kit/demo-files';
import { startSession } from './session';
import { createKeychainCredentials } from './app/credentials';
import {
  APP_PAGE_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appProtocolResponse,
} from './app/app-protocol';
import { openAppLog } from './app/app-log';
import { watchAttention } from './app/attention';
import { restartToUpdate, startAutoUpdate, type AutoUpdate } from './app/auto-update';
import { startCrashReports } from './app/crash-reports';
import { applyDevelopmentOverrides } from './app/development-overrides';
import { createExportSaver } from './app/export-dialog';
import { createStartOverDialog } from './app/start-over-dialog';
import { startDemoAfresh } from './app/fresh-demo';
import { registerIpc, trustedSender } from './app/ipc';
import { openMainWindow } from './app/main-window';
import { buildMenuTemplate } from './app/menu';
import { watchNetwork } from './app/network-watch';
import { createElectronPreferences, openSettingsFile, storedValue } from './app/settings-store';
import { guardNavigation, lockDownSession } from './app/web-security';

const PRELOAD_PATH = join(import.meta.dirname, '../preload/index.cjs');
const { autoUpdater } = electronUpdater;
const RENDERER_DIR = join(import.meta.dirname, '../renderer');
// Every line is redacted (API key, lead contents) before it reaches the log file.
const redact = createRedactor();
const logger = openAppLog(app, redact);

// A throwaway profile and Electron's SQLite build for `npm start` and end-to-end tests; the
// installed app ignores both.
const overrides = applyDevelopmentOverrides(app, process.env, logger);
// After the profile folder is settled: crash dumps are kept inside it.
startCrashReports(crashReporter, packageJson.crashReportUrl);

// app:// must be known as privileged before the app is ready.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } },
]);

async function start(): Promise<void> {
  const appUrl = APP_PAGE_URL;
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request, RENDERER_DIR));
  lockDownSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, appUrl));

  const settings = openSettingsFile();
  const credentials = redactingCredentials(
    createKeychainCredentials({
      record: storedValue(settings, 'account'),
      safeStorage,
      platform: process.platform,
      logger,
    }),
    redact,
  );
  const databases = join(app.getPath('userData'), 'databases');
  const databaseKeys = createDatabaseKeyring({
    record: storedValue(settings, 'databaseKeys'),
    safeStorage,
    platform: process.platform,
    logger,
  });
  makePrivateFolder(databases, { tightenExisting: true });
  const demoPath = join(databases, DEMO_DATABASE_FILE);
  // `npm start -- --fresh-demo`: the demo starts from its first leads, on the person's word.
  if (process.argv.includes('--fresh-demo')) discardDemoFiles(demoPath);
  let update: AutoUpdate | null = null;
  const preferences = createElectronPreferences(settings);
  // The core runs in its own worker thread (session/core-worker): SQLite never blocks this one.
  const { session: coreSession, channel } = await startSession({
    host: 'electron',
    version: app.getVersion(),
    logger,
    initial: credentials.load(),
    dbPathFor: (target) => join(databases, databaseFileName(target?.account ?? null)),
    databaseKey: (path) => databaseKeys.keyFor(path),
    databaseKeyStorage: () => databaseKeys.storage(),
    preferences,
    credentials,
    sqliteBinding: overrides.sqliteBinding,
    checkOutput: !app.isPackaged,
    startOver: createStartOverDialog(dialog, databaseKeys),
    restartToUpdate: async (session) =>
      update !== null &&
      restartToUpdate({
        updater: autoUpdater,
        update,
        unsent: async () => {
          const status = await session.core['sync:status']({});
          return status.pending + status.failed + status.conflicts;
        },
        confirm: async (question) =>
          (
            await dialog.showMessageBox(window, {
              type: 'question',
              message: question,
              buttons: ['Restart now', 'Later'],
              defaultId: 0,
              cancelId: 1,
            })
          ).response === 0,
        closeCore,
      }),
    // Validated by the command gate (http or https only) before it gets here.
    openExternal: (url) => shell.openExternal(url),
    saveExport: (session) => (request) =>
      createExportSaver({
        dialog,
        window,
        handlers: session.core,
        now: () => Date.now(),
      })(request),
  });
  // Closing the core once, whether the person quits or restarts to update.
  let coreClosed: Promise<void> | null = null;
  const closeCore = (): Promise<void> =>
    (coreClosed ??= coreSession
      .close()
      .catch((error: unknown) =>
        logger.error('The core did not close cleanly', { error: String(error) }),
      ));

  const window = openMainWindow({
    preloadPath: PRELOAD_PATH,
    pageUrl: appUrl,
    bounds: storedValue(settings, 'windowBounds'),
  });
  const contents = window.webContents;
  // Commands from the window and events to it: the channel over IPC, its gate in the session.
  const stopIpc = registerIpc({
    ipcMain,
    channel,
    window: contents,
    isTrustedSender: trustedSender(contents, appUrl),
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        development: !app.isPackaged,
        onAction: (action) => channel.emit('app:menu', { action }),
        onShowLogs: () => void shell.openPath(app.getPath('logs')),
        onFreshDemo: () =>
          void startDemoAfresh({
            demoPath,
            showingDemo: async () => (await coreSession.current()).account === null,
            confirm: async ({ message, detail }) =>
              (
                await dialog.showMessageBox(window, {
                  type: 'question',
                  message,
                  detail,
                  buttons: ['Start afresh', 'Cancel'],
                  defaultId: 1,
                  cancelId: 1,
                })
              ).response === 0,
            reopenDemo: (discard) => coreSession.switchTo(null, discard),
            reload: () => contents.reload(),
          }).catch((error: unknown) =>
            logger.error('The demo could not start afresh', { error: String(error) }),
          ),
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

  // Dock/taskbar badge and notifications (counts only: they show on a locked screen).
  const stopAttention = watchAttention({
    subscribe: (listener) => coreSession.on('sync:status', listener),
    setBadge: (count) => void app.setBadgeCount(count),
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    notificationsWanted: () => preferences.get().notifyProblems,
  });

  // Only an installed app built with an update feed (app-update.yml beside app.asar) updates.
  if (app.isPackaged && existsSync(join(process.resourcesPath, 'app-update.yml'))) {
    autoUpdater.logger = null;
    update = startAutoUpdate({
      updater: autoUpdater,
      clock: systemClock,
      logger,
      onReady: (version) => channel.emit('app:update', { version }),
    });
  }

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
    stopIpc();
    update?.stop();
    stopAttention();
    void closeCore().finally(() => {
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
      // The person's sentence (the cache in use by another Lead Triage, a lost key declined)
      // rather than a window that never opens.
      if (error instanceof CommandError)
        dialog.showErrorBox('Lead Triage could not start', error.message);
      app.exit(1);
    });
}
