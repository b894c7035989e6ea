// Switching the core under running transports: commands wait for the switch, subscriptions
// survive it, and a target that cannot be opened leaves the previous one running.
import { describe, expect, it } from 'vitest';
import type { Backend, CoreLink } from '../../src-main/session/backend';
import { openCoreSession } from '../../src-main/session/core-session';
import type { SavedAccount } from '../../src-main/shell-kit/credentials';
import { CommandError } from '#contract';
import { recordingLogger } from './fake-handlers';

const acme: SavedAccount = {
  account: { baseUrl: 'https://e1.envoke.com', apiId: 'acme' },
  apiKey: 'k',
};

/** A core that answers sync:status with its own name and lets the test emit its events. */
function fakeBackend(
  name: string,
  log: string[],
): Backend & { emit(event: string, payload: unknown): void } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const core = {
    'sync:status': async () => ({ state: 'idle', lastError: name }),
    on(event: string, listener: (payload: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    networkChanged: (online: boolean) => log.push(`${name} online=${online}`),
  } as unknown as CoreLink;
  return {
    core,
    account: name === 'demo' ? null : acme.account,
    simulator: null,
    close: async () => {
      log.push(`${name} closed`);
    },
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

function setup(failFor: string | null = null) {
  const log: string[] = [];
  const opened: Array<ReturnType<typeof fakeBackend>> = [];
  const logs = recordingLogger();
  const open = async (target: SavedAccount | null) => {
    const name = target === null ? 'demo' : target.account.apiId;
    if (name === failFor) throw new Error('database is locked');
    log.push(`${name} opened`);
    const backend = fakeBackend(name, log);
    opened.push(backend);
    return backend;
  };
  return { log, opened, logs, open };
}

describe('core session', () => {
  it('answers commands from the current core and keeps subscriptions across a switch', async () => {
    const { log, opened, logs, open } = setup();
    const session = await openCoreSession(null, open, logs.logger);
    const seen: unknown[] = [];
    session.on('leads:changed', (change) => seen.push(change));

    const during = session.handlers['sync:status']({});
    const switching = session.switchTo(acme);
    // Asked after the switch began: answered by the new core.
    const after = session.handlers['sync:status']({});
    await switching;
    expect((await during).lastError).toBe('demo');
    expect((await after).lastError).toBe('acme');
    expect(log).toEqual(['demo opened', 'demo closed', 'acme opened']);
    // The window refetches everything after a switch.
    expect(seen).toEqual([{ ids: null }]);

    opened[0]?.emit('leads:changed', { ids: [1] });
    opened[1]?.emit('leads:changed', { ids: [2] });
    expect(seen).toEqual([{ ids: null }, { ids: [2] }]);
    expect((await session.current()).account).toEqual(acme.account);
  });

  it('reopens the previous target when the new one cannot be opened, and says so', async () => {
    const { log, logs, open } = setup('acme');
    const session = await openCoreSession(null, open, logs.logger);
    let error: unknown;
    await session.switchTo(acme).catch((caught: unknown) => (error = caught));
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(log).toEqual(['demo opened', 'demo closed', 'demo opened']);
    expect((await session.handlers['sync:status']({})).lastError).toBe('demo');
    expect(logs.lines.map((line) => line.level)).toEqual(['error']);
  });

  it('passes network hints on, and closes once', async () => {
    const { log, logs, open } = setup();
    const session = await openCoreSession(null, open, logs.logger);
    session.networkChanged(true);
    await session.current();
    await Promise.all([session.close(), session.close()]);
    await expect(session.handlers['sync:status']({})).rejects.toMatchObject({ code: 'internal' });
    expect(log).toEqual(['demo opened', 'demo online=true', 'demo closed']);
  });
});
