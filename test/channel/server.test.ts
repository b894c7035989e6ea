import { describe, expect, it } from 'vitest';
import { CommandError } from '#contract';
import { INTERNAL_ERROR_MESSAGE, serveChannel, TRUSTED } from '#channel';
import { fakeHandlers, recordingLogger } from '../session/fake-handlers';

function setup(checkOutput = false) {
  const fake = fakeHandlers();
  const log = recordingLogger();
  const channel = serveChannel({ handlers: fake.handlers, logger: log.logger, checkOutput });
  return {
    ...fake,
    ...log,
    dispatch: (name: unknown, input: unknown) => channel.invoke(name, input, TRUSTED),
    channel,
  };
}

describe('dispatcher', () => {
  it('refuses an export whose query or sort is wrong before the shell sees it', async () => {
    const { dispatch, calls } = setup();
    const query = await dispatch('export:save', { format: 'csv', query: 'staus:passed' });
    expect(query).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: "Unknown field 'staus' — did you mean status?" },
    });
    const sort = await dispatch('export:save', { format: 'json', query: '', sort: 'colour' });
    expect(sort).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it.each([['leads:drop'], ['__proto__'], ['constructor'], [42], [null], [undefined]])(
    'answers unknown-command for %j without calling anything',
    async (name) => {
      const { dispatch, calls } = setup();
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
      expect(calls).toEqual([]);
    },
  );

  it('names the field by its label and says the problem in a sentence when input does not parse', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('leads:list', { view: 'all', limit: 5000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toBe('Number of leads must be at most 500.');

    const nested = await dispatch('leads:update', { ids: [1, 'two'], patch: { sale: 'Maybe' } });
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!nested.ok) {
      expect(nested.error.message).toBe(
        'Leads must be a number. "Maybe" is not a valid sale outcome; use one of: None, Yes, Cancelled.',
      );
    }
    expect(calls).toEqual([]);
  });

  it('keeps the answer short when the caller sends a huge unknown key', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('sync:run-now', { ['k'.repeat(100_000)]: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message.length).toBeLessThan(400);
    expect(calls).toEqual([]);
  });

  it('refuses fields the command does not know', async () => {
    const { dispatch } = setup();
    const result = await dispatch('sync:run-now', { force: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toMatch(/force/);
  });

  it('passes parsed input (defaults applied, values normalized) to the handler and answers its value', async () => {
    const { dispatch, calls, answer } = setup();
    answer('leads:update', () => ({ actionId: 7, changed: 1 }));
    const result = await dispatch('leads:update', {
      ids: [3],
      patch: { marketing_rating_status: 'PASSED_TO_SALES' },
    });
    expect(result).toEqual({ ok: true, value: { actionId: 7, changed: 1 } });
    expect(calls).toEqual([
      {
        name: 'leads:update',
        input: { ids: [3], patch: { marketing_rating_status: 'Passed to sales' } },
      },
    ]);

    answer('leads:list', () => ({ rows: [], next: null }));
    await dispatch('leads:list', { view: 'all' });
    expect(calls[1]?.input).toEqual({ view: 'all', limit: 100 });
  });

  it('treats a missing input as an empty one', async () => {
    const { dispatch, answer } = setup();
    answer('sync:run-now', () => ({ ok: true }));
    expect(await dispatch('sync:run-now', undefined)).toEqual({ ok: true, value: { ok: true } });
  });

  it.each(['not-found', 'offline', 'auth', 'storage', 'envoke-rejected'] as const)(
    'carries a CommandError with code %s as it is',
    async (code) => {
      const { dispatch, answer, lines } = setup();
      answer('leads:get', () => {
        throw new CommandError(code, `The ${code} message`);
      });
      expect(await dispatch('leads:get', { id: 1 })).toEqual({
        ok: false,
        error: { code, message: `The ${code} message` },
      });
      expect(lines).toEqual([]);
    },
  );

  it('hides any other failure behind a generic internal error and logs the details', async () => {
    const { dispatch, answer, lines } = setup();
    answer('leads:get', () => {
      throw new TypeError('cannot read properties of undefined (reading "secret_column")');
    });
    const result = await dispatch('leads:get', { id: 1 });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: INTERNAL_ERROR_MESSAGE },
    });
    expect(JSON.stringify(result)).not.toMatch(/secret_column|at /);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('error');
    expect(String(lines[0]?.detail?.error)).toContain('secret_column');
  });

  it('checks answers against the contract when asked to', async () => {
    const checked = setup(true);
    checked.answer('leads:counts', () => ({ all: -1 }));
    expect(await checked.dispatch('leads:counts', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(checked.lines[0]?.message).toMatch(/outside its contract/);

    const unchecked = setup(false);
    unchecked.answer('leads:counts', () => ({ all: -1 }));
    expect(await unchecked.dispatch('leads:counts', {})).toEqual({ ok: true, value: { all: -1 } });
  });
});

describe('the channel server end', () => {
  it('refuses a caller its transport does not vouch for, before the name or the input, and logs it', async () => {
    const { channel, calls, lines, answer } = setup();
    answer('sync:status', () => ({}));
    const refused = {
      trusted: false as const,
      from: 'a page without this run’s token',
      refusal: 'Open the address printed now.',
      detail: { frame: 'https://evil.example/' },
    };
    for (const [name, input] of [
      ['sync:status', {}],
      ['shell:exec', { command: 'rm -rf /' }],
      ['leads:get', { id: -4 }],
    ] as const) {
      expect(await channel.invoke(name, input, refused)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Open the address printed now.' },
      });
    }
    expect(calls).toEqual([]);
    expect(lines.map((line) => [line.level, line.message, line.detail])).toEqual(
      ['sync:status', 'shell:exec', 'leads:get'].map((command) => [
        'warn',
        'Refused a command from a page without this run’s token',
        { command, frame: 'https://evil.example/' },
      ]),
    );
  });

  it('hands every event to each of its listeners, even when one of them throws', () => {
    const { channel, lines } = setup();
    const heard: unknown[] = [];
    channel.on('app:notice', () => {
      throw new Error('a broken listener');
    });
    const stop = channel.on('app:notice', (notice) => heard.push(notice.message));
    channel.on('sync:status', () => heard.push('wrong event'));
    channel.emit('app:notice', { message: 'first' });
    stop();
    channel.emit('app:notice', { message: 'second' });
    expect(heard).toEqual(['first']);
    expect(lines.map((line) => [line.level, line.message, line.detail?.event])).toEqual([
      ['error', 'An event listener failed', 'app:notice'],
      ['error', 'An event listener failed', 'app:notice'],
    ]);
  });
});
