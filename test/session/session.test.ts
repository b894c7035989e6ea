// Switching the core under running transports: commands wait for the switch, subscriptions
// survive it, and a target that cannot be opened leaves the previous one running.
import { describe, expect, it } from 'vitest';
import type { RunningCore } from '../../src-main/session/running-core';
import { openSession } from '../../src-main/session/session';
import type { SavedAccount } from '../../src-main/shell-kit/credentials';
import { CommandError } from '#contract';
import { recordingLogger } from './fake-handlers';

const acme: SavedAccount = {
  account: { baseUrl: 'https://e1.envoke.com', apiId: 'acme' },
  apiKey: 'k',
};

/** A core that answers sync:status with its own name and lets the test emit its events. */
function fakeCore(
  name: string,
  log: string[],
): RunningCore & { emit(event: string, payload: unknown): void } {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const running = {
    'sync:status': async () => ({ state: 'idle', lastError: name }),
    on(event: string, listener: (payload: unknown) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
    networkChanged: (online: boolean) => log.push(`${name} online=${online}`),
    account: name === 'demo' ? null : acme.account,
    simulator: null,
    close: async () => {
      log.push(`${name} closed`);
    },
    emit: (event: string, payload: unknown) =>
      listeners.get(event)?.forEach((listener) => listener(payload)),
  };
  return running as unknown as RunningCore & { emit(event: string, payload: unknown): void };
}

function setup(failFor: string | null = null) {
  const log: string[] = [];
  const opened: Array<ReturnType<typeof fakeCore>> = [];
  const logs = recordingLogger();
  const open = async (target: SavedAccount | null) => {
    const name = target === null ? 'demo' : target.account.apiId;
    if (name === failFor) throw new Error('database is locked');
    log.push(`${name} opened`);
    const running = fakeCore(name, log);
    opened.push(running);
    return running;
  };
  return { log, opened, logs, open };
}

describe('core session', () => {
  it('answers commands from the current core and keeps subscriptions across a switch', async () => {
    const { log, opened, logs, open } = setup();
    const session = await openSession(null, open, logs.logger);
    const seen: unknown[] = [];
    session.on('leads:changed', (change) => seen.push(change));

    const during = session.core['sync:status']({});
    const switching = session.switchTo(acme);
    // Asked after the switch began: answered by the new core.
    const after = session.core['sync:status']({});
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
    const session = await openSession(null, open, logs.logger);
    let error: unknown;
    await session.switchTo(acme).catch((caught: unknown) => (error = caught));
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'storage' });
    expect(log).toEqual(['demo opened', 'demo closed', 'demo opened']);
    expect((await session.core['sync:status']({})).lastError).toBe('demo');
    expect(logs.lines.map((line) => line.level)).toEqual(['error']);
  });

  it('passes network hints on, and closes once', async () => {
    const { log, logs, open } = setup();
    const session = await openSession(null, open, logs.logger);
    session.networkChanged(true);
    await session.current();
    await Promise.all([session.close(), session.close()]);
    await expect(session.core['sync:status']({})).rejects.toMatchObject({ code: 'internal' });
    expect(log).toEqual(['demo opened', 'demo online=true', 'demo closed']);
  });
});
