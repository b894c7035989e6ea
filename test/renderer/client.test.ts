/**
 * The client over the desktop app's preload bridge (the browser host's HTTP path is covered end to
 * end in Chromium). The bridge here is a stand-in for the preload that answers like the main
 * process would.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '#contract';
import { ClientError, invoke, on, type PreloadBridge } from '../../src-renderer/bridge/client';

const calls: { name: string; input: unknown }[] = [];
let answer: Result<unknown> = { ok: true, value: {} };
const listeners = new Map<string, (payload: unknown) => void>();

const bridge: PreloadBridge = {
  invoke(name, input) {
    calls.push({ name, input });
    return Promise.resolve(answer);
  },
  on(event, callback) {
    listeners.set(event, callback);
    return () => listeners.delete(event);
  },
};
(globalThis as { window?: unknown }).window = { leadTriage: bridge };

const status = {
  state: 'idle',
  pending: 2,
  failed: 0,
  conflicts: 0,
  progress: null,
  lastSyncAt: null,
  lastError: null,
  nextRetryAt: null,
};

describe('client over the preload bridge', () => {
  beforeEach(() => {
    calls.length = 0;
    answer = { ok: true, value: {} };
  });

  it('sends the command and gives back its parsed output', async () => {
    answer = { ok: true, value: { actionId: 4, changed: 1 } };
    const result = await invoke('leads:update', { ids: [1], patch: { marketing_rating: 'Hot' } });
    expect(result).toEqual({ actionId: 4, changed: 1 });
    expect(calls).toEqual([
      { name: 'leads:update', input: { ids: [1], patch: { marketing_rating: 'Hot' } } },
    ]);
  });

  it('turns an error answer into a ClientError with its code and sentence', async () => {
    answer = { ok: false, error: { code: 'not-found', message: 'That lead is gone.' } };
    const failure = await invoke('leads:get', { id: 9 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClientError);
    expect(failure).toMatchObject({ code: 'not-found', message: 'That lead is gone.' });
  });

  it('refuses bad input with the contract’s own words, without asking the core', async () => {
    const failure = await invoke('leads:update', { ids: [1], patch: { revenue: '$7,595' } }).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 'invalid-input' });
    expect((failure as ClientError).message).toContain('Use a plain amount such as 7595.00');
    expect(calls).toEqual([]);
  });

  it('does not trust an answer of the wrong shape', async () => {
    answer = { ok: true, value: { ids: ['not a number'] } };
    await expect(invoke('leads:ids', { view: 'all' })).rejects.toMatchObject({ code: 'internal' });
  });

  it('passes on events that match the contract and drops the rest', () => {
    const seen: unknown[] = [];
    const stop = on('sync:status', (payload) => seen.push(payload.pending));
    listeners.get('sync:status')?.(status);
    listeners.get('sync:status')?.({ state: 'dancing' });
    expect(seen).toEqual([2]);
    stop();
    expect(listeners.has('sync:status')).toBe(false);
  });
});
