/**
 * Updates of the installed app, from the generic feed named when it was built (electron-updater
 * reads it from app-update.yml in the app's resources; without a feed nothing is checked). It
 * checks at start and every few hours, downloads in the background, and then only says so: the
 * window shows "Restart to update", and nothing restarts until the person asks. Before
 * restarting, the person is told how many changes are still unsent (they are kept on disk and
 * sent after the restart) and may choose later.
 *
 * Written against the few updater methods used, so tests drive it with a fake.
 */
import type { Clock, Logger } from '../core';

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AutoUpdateOptions {
  updater: UpdaterLike;
  clock: Clock;
  logger: Logger;
  /** An update is downloaded: show "Restart to update". */
  onReady(version: string): void;
  everyMs?: number;
}

export interface AutoUpdate {
  /** The downloaded version waiting for a restart, or null. */
  readyVersion(): string | null;
  stop(): void;
}

export function startAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { updater, clock, logger } = options;
  const everyMs = options.everyMs ?? CHECK_EVERY_MS;
  let ready: string | null = null;
  let timer: unknown = null;
  let stopped = false;

  updater.autoDownload = true;
  // Installing when the person quits is not a restart they did not ask for.
  updater.autoInstallOnAppQuit = true;
  updater.on('update-downloaded', (info) => {
    ready = info.version;
    logger.info('An update is ready; it installs when Lead Triage restarts', {
      version: info.version,
    });
    options.onReady(info.version);
  });
  // Offline, or the feed is down: try again at the next check, tell nobody but the log.
  updater.on('error', (error) =>
    logger.warn('Checking for updates failed', { error: String(error) }),
  );

  function check(): void {
    if (stopped) return;
    // Once one is downloaded there is nothing to do until the restart.
    if (ready === null) {
      updater
        .checkForUpdates()
        .catch((error: unknown) =>
          logger.warn('Checking for updates failed', { error: String(error) }),
        );
    }
    timer = clock.setTimeout(check, everyMs);
  }
  check();

  return {
    readyVersion: () => ready,
    stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
    },
  };
}

/** What the person reads before restarting. */
export function restartQuestion(version: string, unsent: number): string {
  const changes =
    unsent === 0
      ? 'Every change has been sent to Envoke.'
      : `${unsent} ${unsent === 1 ? 'change is' : 'changes are'} not yet sent to Envoke: ` +
        `${unsent === 1 ? 'it is' : 'they are'} kept and sent after the restart.`;
  return `Restart Lead Triage to install version ${version}? ${changes}`;
}

export interface RestartOptions {
  updater: Pick<UpdaterLike, 'quitAndInstall'>;
  update: AutoUpdate;
  /** Changes not yet sent: pending, failed and in conflict. */
  unsent(): Promise<number>;
  /** Asks the question; true means restart now. */
  confirm(question: string): Promise<boolean>;
  /** Closes the core (push loop stopped, database closed) before the app goes. */
  closeCore(): Promise<void>;
}

/** "Restart to update": asks, and restarts only on yes. */
export async function restartToUpdate(options: RestartOptions): Promise<boolean> {
  const version = options.update.readyVersion();
  if (version === null) return false;
  const question = restartQuestion(version, await options.unsent());
  if (!(await options.confirm(question))) return false;
  await options.closeCore();
  options.updater.quitAndInstall(false, true);
  return true;
}
