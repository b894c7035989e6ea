// startSession, the one start both shells share, on a real SQLite file syncing from the simulator
// over HTTP: the gate in front of core and app commands, the desktop app's start-over offer when
// a database's key is lost, and the core kept in process when a shell asks.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError, type Result } from '#contract';
import type { RunningSimulator } from '../../src-main/sim';
import { createMemoryCredentials, type SavedAccount } from '../../src-main/shell-kit/credentials';
import { DEFAULT_PREFERENCES, mergePreferences } from '../../src-main/shell-kit/preferences';
import type { StartOverPlan } from '../../src-main/shell-kit/start-over';
import { TRUSTED } from '#channel';
import type { Session } from '../../src-main/session/session';
import { startSession, type SessionOptions } from '../../src-main/session/start-session';
import { API_ID, API_KEY, startSim, tempDir, TEST_DB_KEY } from '../core/helpers';
import { recordingLogger } from './fake-handlers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function shellFor(overrides: Partial<SessionOptions> = {}) {
  const sim: RunningSimulator = await startSim({ leads: 20 });
  cleanups.push(() => sim.stop());
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const account: SavedAccount = { account: { baseUrl: sim.url, apiId: API_ID }, apiKey: API_KEY };
  let preferences = DEFAULT_PREFERENCES;
  const shell: SessionOptions = {
    host: 'electron',
    version: '9.9.9',
    logger: recordingLogger().logger,
    initial: account,
    dbPathFor: () => dir.db(),
    databaseKey: () => TEST_DB_KEY,
    databaseKeyStorage: () => 'keychain',
    preferences: {
      get: () => preferences,
      update: (patch) => (preferences = mergePreferences(preferences, patch)),
    },
    credentials: createMemoryCredentials(account),
    checkOutput: true,
    ...overrides,
  };
  return { shell, dir, sim };
}

/** The session, and its channel as the window's transport hands it a command. */
async function started(shell: SessionOptions): Promise<{
  session: Session;
  dispatch: (name: unknown, input: unknown) => Promise<Result<unknown>>;
}> {
  const { session, channel } = await startSession(shell);
  cleanups.push(() => session.close());
  return { session, dispatch: (name, input) => channel.invoke(name, input, TRUSTED) };
}

describe('startSession', () => {
  it('serves core and app commands through one gate, with the shell’s own parts', async () => {
    const restarts: unknown[] = [];
    const { shell } = await shellFor({
      restartToUpdate: async (session) => {
        restarts.push(await session.core['sync:status']({}));
        return false;
      },
    });
    const { dispatch, session } = await started(shell);
    expect(await dispatch('app:info', {})).toMatchObject({
      ok: true,
      value: { version: '9.9.9', host: 'electron', demo: false },
    });
    expect(await dispatch('leads:counts', {})).toMatchObject({ ok: true });
    expect(await dispatch('app:restart-to-update', {})).toEqual({
      ok: true,
      value: { restarting: false },
    });
    expect(restarts).toHaveLength(1);
    // Without a save dialog the export is the browser's download.
    expect(await dispatch('export:save', { format: 'csv' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/download/) },
    });
    // Commands are validated at the gate.
    expect(await dispatch('leads:get', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    // The core runs in its worker by default.
    expect((await session.current()).thread()).not.toBeNull();
  });

  it('offers to start over when the database key is lost, saying what it costs; a yes sets the file aside and opens a new one', async () => {
    const { shell, dir } = await shellFor();
    const first = await startSession(shell);
    await first.session.core['leads:create']({ email: 'unsent.one@example.com' });
    await first.session.close();
    expect(existsSync(dir.db())).toBe(true);

    const asked: StartOverPlan[] = [];
    const moved: [string, string][] = [];
    const { dispatch } = await started({
      ...shell,
      databaseKey: () => Buffer.alloc(32, 9),
      startOver: {
        ask: async (plan) => {
          asked.push(plan);
          return true;
        },
        setAside: (dbPath, aside) => moved.push([dbPath, aside]),
      },
    });
    expect(asked).toEqual([
      {
        dbPath: dir.db(),
        reason: expect.stringMatching(/cannot be opened with the key this computer keeps/),
        unsent: 1,
        savedTo: null,
      },
    ]);
    expect(moved).toEqual([[dir.db(), expect.stringMatching(/leads\.db\.unreadable-/)]]);
    // The old file is kept whole where it was set aside, with its unsent change.
    expect(existsSync(moved[0]![1])).toBe(true);
    expect(await dispatch('sync:status', {})).toMatchObject({ ok: true, value: { pending: 0 } });
  });

  it('a no leaves the database as it is and the start fails with the key’s sentence', async () => {
    const { shell, dir } = await shellFor();
    await (await startSession(shell)).session.close();
    const failure = await startSession({
      ...shell,
      databaseKey: () => Buffer.alloc(32, 9),
      startOver: { ask: async () => false, setAside: () => undefined },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'storage-key' });
    expect(existsSync(dir.db())).toBe(true);
    expect(readdirSync(dir.dir).filter((name) => name.includes('unreadable'))).toEqual([]);
  });

  it('without a start-over dialog (the browser host), the sentence says how to start over', async () => {
    const { shell, dir } = await shellFor({ host: 'browser' });
    await (await startSession(shell)).session.close();
    const failure = await startSession({ ...shell, databaseKey: () => Buffer.alloc(32, 9) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'storage-key' });
    expect((failure as Error).message).toMatch(
      new RegExp(
        `cannot be opened with the key .* To start over, run: npm run -s cli -- status --db "${dir.db()}" --start-over$`,
      ),
    );
    expect(existsSync(dir.db())).toBe(true);
  });

  it('keeps the core in this thread when the shell asks', async () => {
    const { shell } = await shellFor({ coreIn: 'process' });
    const { dispatch, session } = await started(shell);
    expect((await session.current()).thread()).toBeNull();
    expect(await dispatch('leads:counts', {})).toMatchObject({ ok: true });
  });
});

describe('opening a link from a lead', () => {
  it('goes to the system browser in the desktop app, http and https only, checked at the gate', async () => {
    const opened: string[] = [];
    const { shell } = await shellFor({
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    const { dispatch } = await started(shell);
    expect(await dispatch('app:open-external', { url: 'https://www.acme.example/a?b=1' })).toEqual({
      ok: true,
      value: { ok: true },
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'mailto:a@b.example',
      'not a url',
    ]) {
      const refused = await dispatch('app:open-external', { url });
      expect(refused, url).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(opened).toEqual(['https://www.acme.example/a?b=1']);
  });

  it('is refused by the browser host, whose links open in a tab of their own', async () => {
    const { shell } = await shellFor({ host: 'browser' });
    const { dispatch } = await started(shell);
    expect(await dispatch('app:open-external', { url: 'https://acme.example' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: 'In the browser a link opens in a new tab.' },
    });
  });
});
