import { describe, expect, it } from 'vitest';
import {
  registerIpc,
  trustedSender,
  type InvokeEventLike,
  type IpcMainLike,
} from '../../src-main/app/ipc';
import { serveChannel } from '#channel';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#contract/bridge-channels';
import { fakeHandlers, recordingLogger } from '../session/fake-handlers';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** Records handlers like Electron's ipcMain and lets the test invoke them as the renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  // Electron answers an invoke on a channel nobody handles with an error; so does this.
  async function invoke(
    channel: string,
    event: InvokeEventLike,
    ...args: unknown[]
  ): Promise<unknown> {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
  return { ipcMain, handlers, invoke };
}

const appUrl = new URL('file:///opt/Lead%20Triage/resources/app/out/renderer/index.html');
const windowContents = { id: 1 };
const fromApp: InvokeEventLike = {
  sender: windowContents,
  senderFrame: { url: appUrl.href, parent: null },
};

function setup() {
  const fake = fakeHandlers();
  const log = recordingLogger();
  const ipc = fakeIpcMain();
  const channel = serveChannel({ handlers: fake.handlers, logger: log.logger });
  const sent: unknown[][] = [];
  const window = {
    destroyed: false,
    isDestroyed: () => window.destroyed,
    send: (...args: unknown[]) => sent.push(args),
  };
  const unregister = registerIpc({
    ipcMain: ipc.ipcMain,
    channel,
    window,
    isTrustedSender: trustedSender(windowContents, appUrl),
  });
  return { ...fake, ...log, ...ipc, unregister, channel, window, sent };
}

describe('IPC registration', () => {
  it('listens on the one command channel only, and removes it on request', async () => {
    const { handlers, invoke, unregister } = setup();
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    await expect(invoke('leads:list', fromApp, { view: 'all' })).rejects.toThrow(/No handler/);
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('refuses a command name outside the contract without reaching the core', async () => {
    const { invoke, calls } = setup();
    const result = await invoke(INVOKE_CHANNEL, fromApp, 'shell:exec', { command: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['another webContents', { sender: { id: 2 }, senderFrame: { url: appUrl.href, parent: null } }],
    [
      'a subframe of the window',
      { sender: windowContents, senderFrame: { url: appUrl.href, parent: {} } },
    ],
    [
      'a foreign page in the window',
      { sender: windowContents, senderFrame: { url: 'https://evil.example/', parent: null } },
    ],
    [
      'another local file',
      { sender: windowContents, senderFrame: { url: 'file:///tmp/index.html', parent: null } },
    ],
    ['a frame already gone', { sender: windowContents, senderFrame: null }],
  ])('refuses a command from %s with forbidden', async (_label, event) => {
    const { invoke, calls, lines, answer } = setup();
    answer('sync:status', () => ({}));
    const result = await invoke(INVOKE_CHANNEL, event as InvokeEventLike, 'sync:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });

  it('rejects bad input with invalid-input before the core sees it', async () => {
    const { invoke, calls } = setup();
    const result = await invoke(INVOKE_CHANNEL, fromApp, 'leads:get', { id: -4 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (result && typeof result === 'object' && 'error' in result) {
      expect((result as { error: { message: string } }).error.message).toBe(
        'Lead must be more than 0.',
      );
    }
    expect(calls).toEqual([]);
  });

  it('passes good input from the app page (with a hash route) to the core and answers its value', async () => {
    const { invoke, calls, answer } = setup();
    answer('outbox:retry', () => ({ ok: true }));
    const event = {
      sender: windowContents,
      senderFrame: { url: `${appUrl.href}#/outbox`, parent: null },
    };
    expect(await invoke(INVOKE_CHANNEL, event, 'outbox:retry', { id: 12 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(calls).toEqual([{ name: 'outbox:retry', input: { id: 12 } }]);
  });

  it('sends every event of the channel to the window on the one event channel, while it lives', () => {
    const { channel, window, sent, unregister } = setup();
    channel.emit('app:menu', { action: 'sync-now' });
    channel.emit('leads:changed', { ids: [3] });
    window.destroyed = true;
    channel.emit('app:notice', { message: 'not to a closed window' });
    window.destroyed = false;
    unregister();
    channel.emit('leads:changed', { ids: null });
    expect(sent).toEqual([
      [EVENT_CHANNEL, 'app:menu', { action: 'sync-now' }],
      [EVENT_CHANNEL, 'leads:changed', { ids: [3] }],
    ]);
  });
});
