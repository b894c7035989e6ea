/**
 * The connection's states as plain transitions: every moment is given, no timer runs. The
 * engine's behaviour over real HTTP is in push.test.ts and pull.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { EnvokeError } from '../../src-main/core/envoke';
import { BACKOFF_BASE_MS } from '../../src-main/core/sync/backoff';
import { ConnectionHealth } from '../../src-main/core/sync/connection-health';

const T0 = 1_000_000;
const unreachable = () => new EnvokeError('network', 'fetch failed');
const busyServer = () => new EnvokeError('server', 'HTTP 503');
const refusedKey = () => new EnvokeError('auth', 'HTTP 401', { status: 401 });
const slowDown = (ms: number) => new EnvokeError('rate-limited', 'HTTP 429', { retryAfterMs: ms });

/** Jitter that always draws the top of the range, so every delay is its ceiling. */
const health = () => new ConnectionHealth(() => 0.999_999);

describe('ConnectionHealth', () => {
  it('starts healthy: idle, nothing held, no error', () => {
    const h = health();
    expect(h.state(false)).toBe('idle');
    expect(h.state(true)).toBe('syncing');
    expect(h.isHeld(T0)).toBe(false);
    expect(h.lastError).toBeNull();
  });

  it('no answer makes it offline and holds the next request, longer each time in a row', () => {
    const h = health();
    h.failed(unreachable(), T0);
    expect(h.state(false)).toBe('offline');
    expect(h.failures).toBe(1);
    expect(h.lastError).toMatch(/could not be reached/);
    const first = h.holdUntil - T0;
    expect(first).toBeGreaterThanOrEqual(BACKOFF_BASE_MS - 1);
    expect(h.isHeld(T0 + first - 1)).toBe(true);
    expect(h.isHeld(T0 + first)).toBe(false);

    h.failed(unreachable(), T0 + first);
    expect(h.failures).toBe(2);
    expect(h.holdUntil - (T0 + first)).toBeGreaterThan(first);
    // Offline outranks "syncing" only for the words; a running job still reads as syncing.
    expect(h.state(true)).toBe('syncing');
  });

  it('an answer of any kind makes it healthy again and forgets the failures', () => {
    const h = health();
    h.failed(busyServer(), T0);
    expect(h.state(false)).toBe('error');
    h.connected();
    expect(h.state(false)).toBe('idle');
    expect(h.failures).toBe(0);
    expect(h.lastError).toBeNull();
  });

  it('refused credentials pause without a backoff until the person asks again', () => {
    const h = health();
    h.failed(refusedKey(), T0);
    expect(h.state(true)).toBe('auth-required');
    expect(h.authPaused).toBe(true);
    expect(h.failures).toBe(0);
    expect(h.isHeld(T0)).toBe(false);
    h.resume();
    expect(h.authPaused).toBe(false);
    // The reason stays on show until Envoke answers.
    expect(h.state(false)).toBe('idle');
    expect(h.lastError).toMatch(/rejected the API ID or key/);
  });

  it('a reason to try now drops our own hold but never a wait Envoke asked for', () => {
    const own = health();
    own.failed(unreachable(), T0);
    own.forgetBackoff(T0 + 1);
    expect(own.isHeld(T0 + 1)).toBe(false);
    expect(own.failures).toBe(0);

    const asked = health();
    asked.failed(slowDown(90_000), T0);
    expect(asked.holdUntil).toBe(T0 + 90_000);
    asked.forgetBackoff(T0 + 1);
    expect(asked.isHeld(T0 + 1)).toBe(true);
    // Once that moment has passed there is nothing left to keep.
    asked.forgetBackoff(T0 + 90_000);
    expect(asked.holdUntil).toBe(0);
  });

  it('a hold only ever moves later while failures go on', () => {
    const h = new ConnectionHealth(() => 0);
    h.failed(slowDown(30_000), T0);
    h.failed(busyServer(), T0 + 10);
    expect(h.holdUntil).toBe(T0 + 30_000);
  });

  it('trouble seen without a count (a push row backed off on its own) keeps the hold as it was', () => {
    const h = health();
    h.troubleSeen(unreachable());
    expect(h.state(false)).toBe('offline');
    expect(h.failures).toBe(0);
    expect(h.isHeld(T0)).toBe(false);
  });

  it('the OS saying the network went is only a hint: offline, nothing held', () => {
    const h = health();
    h.wentOffline();
    expect(h.state(false)).toBe('offline');
    expect(h.isHeld(T0)).toBe(false);
  });

  it('a fault of ours reads as trouble with its own sentence, held off like a failure', () => {
    const h = health();
    h.faultOfOurs(new Error('bug'), 'Sync stopped on an unexpected problem', T0);
    expect(h.state(false)).toBe('error');
    expect(h.lastError).toBe('Sync stopped on an unexpected problem');
    expect(h.isHeld(T0)).toBe(true);
  });
});
