import { describe, expect, it } from 'vitest';
import {
  describeEnvokeError,
  ENVOKE_ERROR_REASONS,
  EnvokeError,
  parseRetryAfter,
} from '../../src-main/core/envoke';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now, and a date in the past as no wait', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});

describe('EnvokeError', () => {
  it('is retryable exactly for network, timeout, rate-limited and server', () => {
    const retryable = ENVOKE_ERROR_REASONS.filter(
      (reason) => new EnvokeError(reason, 'x').retryable,
    );
    expect(retryable).toEqual(['network', 'timeout', 'rate-limited', 'server']);
  });

  it('carries status, Envoke messages, the wait and whether a write may have landed', () => {
    const error = new EnvokeError('server', 'HTTP 503', {
      status: 503,
      messages: ['down for maintenance'],
      retryAfterMs: 5000,
      outcomeUnknown: true,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EnvokeError');
    expect(error).toMatchObject({ status: 503, retryAfterMs: 5000, outcomeUnknown: true });
    expect(error.messages).toEqual(['down for maintenance']);
    expect(new EnvokeError('auth', 'x').outcomeUnknown).toBe(false);
    expect(new EnvokeError('auth', 'x').messages).toEqual([]);
  });
});

describe('describeEnvokeError', () => {
  it('gives one plain sentence per reason, with Envoke’s own words for refusals', () => {
    const sentences = ENVOKE_ERROR_REASONS.map((reason) =>
      describeEnvokeError(new EnvokeError(reason, 'technical')),
    );
    expect(new Set(sentences).size).toBe(ENVOKE_ERROR_REASONS.length);
    for (const sentence of sentences) {
      expect(sentence).toMatch(/^Envoke /);
      expect(sentence).not.toMatch(/technical|HTTP|\n/);
    }
    expect(describeEnvokeError(new EnvokeError('timeout', 'x'))).toBe(
      'Envoke did not answer in time',
    );
    expect(describeEnvokeError(new EnvokeError('auth', 'x', { status: 401 }))).toBe(
      'Envoke rejected the API ID or key',
    );
    expect(
      describeEnvokeError(
        new EnvokeError('validation', 'x', {
          messages: ['create_time is not a valid date', 'bad rating'],
        }),
      ),
    ).toBe('Envoke rejected the request: create_time is not a valid date; bad rating');
    expect(describeEnvokeError(new EnvokeError('rate-limited', 'x', { retryAfterMs: 2500 }))).toBe(
      'Envoke asked us to slow down (it asked to wait 3 s)',
    );
  });

  it('tells a refused account apart from a wrong key', () => {
    expect(describeEnvokeError(new EnvokeError('auth', 'x', { status: 403 }))).toMatch(
      /refused access/,
    );
  });

  it('says what failed on the way: nothing listening is not a missing internet connection', () => {
    const network = (code: string) =>
      describeEnvokeError(
        new EnvokeError('network', 'x', {
          cause: Object.assign(new TypeError('fetch failed'), {
            cause: Object.assign(new Error('connect'), { code }),
          }),
        }),
      );
    expect(network('ECONNREFUSED')).toBe(
      'Nothing listens at the Envoke address (the connection was refused): check the address',
    );
    expect(network('ENOTFOUND')).toMatch(/^No server has the name in the Envoke address/);
    expect(network('EWHATEVER')).toBe('Envoke could not be reached; check the internet connection');
    // fetch refuses some ports outright (9, 25…), before any connection.
    const badPort = new EnvokeError('network', 'x', {
      cause: new TypeError('fetch failed', { cause: new Error('bad port') }),
    });
    expect(describeEnvokeError(badPort)).toMatch(/names a port that is never connected to/);
  });

  it('still says something for an error that is not an EnvokeError', () => {
    expect(describeEnvokeError(new TypeError('boom'))).toMatch(/unexpected/);
  });
});
