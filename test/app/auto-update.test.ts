// Auto-update with a stand-in for electron-updater and a hand-moved clock: checks at start and
// every four hours, reports a download once, and restarts only when the person says yes, after
// being told how many changes are still unsent.
import { describe, expect, it, vi } from 'vitest';
import {
  CHECK_EVERY_MS,
  restartQuestion,
  restartToUpdate,
  startAutoUpdate,
} from '../../src-main/app/auto-update';
import { FakeClock } from '../core/helpers';
import { recordingLogger } from '../session/fake-handlers';

function fakeUpdater() {
  const listeners: Record<string, (value: never) => void> = {};
  return {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
    on(event: string, listener: (value: never) => void) {
      listeners[event] = listener;
    },
    emit(event: string, value: unknown) {
      listeners[event]?.(value as never);
    },
  };
}

describe('startAutoUpdate', () => {
  it('checks at start and every four hours, downloading in the background', () => {
    const updater = fakeUpdater();
    const clock = new FakeClock();
    const update = startAutoUpdate({
      updater,
      clock,
      logger: recordingLogger().logger,
      onReady: () => {},
    });
    expect(updater.autoDownload).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    clock.advance(CHECK_EVERY_MS - 1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    clock.advance(1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    clock.advance(2 * CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(4);
    update.stop();
    clock.advance(10 * CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(4);
  });

  it('says an update is ready, stops checking, and never restarts by itself', () => {
    const updater = fakeUpdater();
    const clock = new FakeClock();
    const onReady = vi.fn();
    const update = startAutoUpdate({ updater, clock, logger: recordingLogger().logger, onReady });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(onReady).toHaveBeenCalledWith('0.2.0');
    expect(update.readyVersion()).toBe('0.2.0');
    clock.advance(5 * CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('logs a failed check (offline) and tries again later', async () => {
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_INTERNET_DISCONNECTED'));
    const clock = new FakeClock();
    const log = recordingLogger();
    startAutoUpdate({ updater, clock, logger: log.logger, onReady: () => {} });
    await vi.waitFor(() =>
      expect(log.lines.map((line) => line.message)).toContain('Checking for updates failed'),
    );
    clock.advance(CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });
});

describe('restartToUpdate', () => {
  function ready() {
    const updater = fakeUpdater();
    const update = startAutoUpdate({
      updater,
      clock: new FakeClock(),
      logger: recordingLogger().logger,
      onReady: () => {},
    });
    updater.emit('update-downloaded', { version: '0.2.0' });
    return { updater, update };
  }

  it('tells how many changes are unsent, closes the core, then restarts on yes', async () => {
    const { updater, update } = ready();
    const order: string[] = [];
    updater.quitAndInstall.mockImplementation(() => void order.push('installing'));
    const confirm = vi.fn(async () => true);
    const restarting = await restartToUpdate({
      updater,
      update,
      unsent: async () => 3,
      confirm,
      closeCore: async () => void order.push('core closed'),
    });
    expect(restarting).toBe(true);
    expect(confirm).toHaveBeenCalledWith(
      'Restart Lead Triage to install version 0.2.0? 3 changes are not yet sent to Envoke: they are kept and sent after the restart.',
    );
    expect(order).toEqual(['core closed', 'installing']);
  });

  it('does nothing on later, or when no update is ready', async () => {
    const { updater, update } = ready();
    const closeCore = vi.fn(async () => {});
    expect(
      await restartToUpdate({
        updater,
        update,
        unsent: async () => 0,
        confirm: async () => false,
        closeCore,
      }),
    ).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(closeCore).not.toHaveBeenCalled();

    const idle = fakeUpdater();
    const none = startAutoUpdate({
      updater: idle,
      clock: new FakeClock(),
      logger: recordingLogger().logger,
      onReady: () => {},
    });
    const confirm = vi.fn(async () => true);
    expect(
      await restartToUpdate({
        updater: idle,
        update: none,
        unsent: async () => 0,
        confirm,
        closeCore,
      }),
    ).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('words the question for none, one and many unsent changes', () => {
    expect(restartQuestion('1.0.0', 0)).toBe(
      'Restart Lead Triage to install version 1.0.0? Every change has been sent to Envoke.',
    );
    expect(restartQuestion('1.0.0', 1)).toContain('1 change is not yet sent to Envoke: it is kept');
  });
});
