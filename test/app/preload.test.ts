import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_NAMES, EVENT_NAMES } from '#contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '#contract/bridge-channels';
import type { LeadTriageBridge } from '../../src-preload/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  return {
    exposed,
    listeners,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })),
      on(channel: string, listener: Listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      },
      removeListener(channel: string, listener: Listener) {
        listeners.get(channel)?.delete(listener);
      },
    },
  };
});

vi.mock('electron', () => ({ contextBridge: electron.contextBridge, ipcRenderer: electron.ipcRenderer }));

function emitFromMain(...args: unknown[]): void {
  const ipcEvent = { sender: 'the whole ipcRenderer', ports: [] };
  for (const listener of electron.listeners.get(EVENT_CHANNEL) ?? []) listener(ipcEvent, ...args);
}

async function loadBridge(): Promise<LeadTriageBridge> {
  vi.resetModules();
  electron.exposed.clear();
  await import('../../src-preload/index');
  return electron.exposed.get('leadTriage') as LeadTriageBridge;
}

describe('preload bridge', () => {
  beforeEach(() => {
    electron.ipcRenderer.invoke.mockClear();
    electron.listeners.clear();
  });

  it('exposes window.leadTriage with invoke and on, and nothing else', async () => {
    const bridge = await loadBridge();
    expect([...electron.exposed.keys()]).toEqual(['leadTriage']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it.each(['shell:openExternal', 'electron-store-get-data', '__proto__', 'toString'])(
    'answers unknown-command for %s without touching IPC',
    async (name) => {
      const bridge = await loadBridge();
      await expect(bridge.invoke(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-command' },
      });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('sends every contract command on the command channel', async () => {
    const bridge = await loadBridge();
    for (const name of COMMAND_NAMES) {
      await expect(bridge.invoke(name, { any: 'input' })).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual(
      COMMAND_NAMES.map((name) => [INVOKE_CHANNEL, name, { any: 'input' }]),
    );
  });

  it('refuses to subscribe to an event outside the contract', async () => {
    const bridge = await loadBridge();
    expect(() => bridge.on('ipc:raw', () => {})).toThrow(/no event named "ipc:raw"/);
    expect(electron.listeners.size).toBe(0);
  });

  it('delivers only the named event, only its payload, until unsubscribed', async () => {
    const bridge = await loadBridge();
    expect(EVENT_NAMES).toContain('sync:status');
    const received: unknown[][] = [];
    const unsubscribe = bridge.on('sync:status', (...args: unknown[]) => received.push(args));
    emitFromMain('leads:changed', { ids: null });
    emitFromMain('sync:status', { state: 'idle' });
    expect(received).toEqual([[{ state: 'idle' }]]);

    unsubscribe();
    emitFromMain('sync:status', { state: 'syncing' });
    expect(received).toHaveLength(1);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
