/**
 * The cache encrypted at rest, on real files: after a sync of the simulator's leads no email can
 * be found in the database or its write-ahead log (the search index lives in the same file), a
 * cache written before encryption is converted in place with its unsent changes, and a wrong key
 * gives one sentence that says what starting over would lose. The CLI is run as a person runs it.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CommandError } from '#contract';
import type { Core } from '../../src-main/core/api';
import { createCore } from '../../src-main/core/create-core';
import { isPlainDatabaseFile } from '../../src-main/core/db/encryption';
import { DatabaseKeyError } from '../../src-main/core/db/errors';
import type { RunningSimulator } from '../../src-main/sim';
import {
  API_ID,
  API_KEY,
  clientFor,
  openCore,
  openKeyed,
  startSim,
  tempDir,
  TEST_DB_KEY,
  unreachableClient,
} from './helpers';
import { expectOwnerOnly } from '../support/owner-only';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function folder() {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  return dir;
}

async function simulator(leads = 120): Promise<RunningSimulator> {
  const sim = await startSim({ leads });
  cleanups.push(() => sim.stop());
  return sim;
}

/** `grep -c` of the text in a file: how many times the bytes occur (0 for a missing file). */
function occurrences(path: string, text: string): number {
  if (!existsSync(path)) return 0;
  const bytes = readFileSync(path);
  let count = 0;
  for (let at = bytes.indexOf(text); at !== -1; at = bytes.indexOf(text, at + 1)) count += 1;
  return count;
}

function cli(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/cli/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', LEAD_TRIAGE_DB_KEY: '', ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

async function someEmails(core: Core, count: number): Promise<string[]> {
  const page = await core['leads:list']({ view: 'all', limit: count });
  return page.rows.map((row) => row.email).filter((email) => email.includes('@'));
}

describe('the cache on disk', () => {
  it('holds no lead email in the database or its log while a synced core is open', async () => {
    const sim = await simulator();
    const dir = folder();
    const warnings: string[] = [];
    const core = createCore({
      dbPath: dir.db(),
      envoke: clientFor(sim),
      dbKey: TEST_DB_KEY,
      logger: { info() {}, error() {}, warn: (message) => warnings.push(message) },
    });
    cleanups.push(() => core.close());
    await core.syncOnce('both');
    const emails = await someEmails(core, 20);
    // The checkpoint thread's own connection is keyed too: it would fail on the first page.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(warnings).toEqual([]);
    expect(emails.length).toBeGreaterThan(5);
    // The log holds the pull's pages until the checkpoint thread copies them: both are checked.
    expect(statSync(`${dir.db()}-wal`).size + statSync(dir.db()).size).toBeGreaterThan(100_000);
    for (const email of emails) {
      expect(occurrences(dir.db(), email)).toBe(0);
      expect(occurrences(`${dir.db()}-wal`, email)).toBe(0);
    }
    // The same search finds them through the core: the index is there, encrypted with the rest.
    const found = await core['leads:list']({ view: 'all', search: emails[0]!, limit: 5 });
    expect(found.rows.map((row) => row.email)).toContain(emails[0]);
  });

  it('after a CLI sync: no email in any file, a key file only this user reads, one line for a wrong key', async () => {
    const sim = await simulator();
    const dir = folder();
    const db = dir.db('cli.db');
    const account = ['--url', sim.url, '--api-id', API_ID, '--api-key', API_KEY];
    const synced = await cli(['sync', '--db', db, ...account]);
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stderr).toContain('readable only by this user');

    const listed = await cli(['list', '--db', db, '--limit', '10']);
    expect(listed.code, listed.stderr).toBe(0);
    const emails = (JSON.parse(listed.stdout) as { email: string }[]).map((row) => row.email);
    expect(emails.length).toBe(10);
    for (const file of [db, `${db}-wal`, `${db}-shm`]) {
      for (const email of emails) expect(occurrences(file, email)).toBe(0);
    }
    // As a person would check it: grep finds no line with the email in any file.
    for (const file of [db, `${db}-wal`, `${db}-shm`].filter((path) => existsSync(path))) {
      const grep = await run('grep', ['-c', '-a', emails[0]!, file]).then(
        ({ stdout }) => stdout,
        (error: { stdout: string }) => error.stdout,
      );
      expect(grep.trim()).toBe('0');
    }
    expectOwnerOnly(`${db}.key`, 'file');

    // Another key (the file lost and made again elsewhere, or the variable set wrong).
    const wrong = await cli(['list', '--db', db], { LEAD_TRIAGE_DB_KEY: 'ab'.repeat(32) });
    expect(wrong.code).toBe(1);
    const lines = wrong.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^lead-triage: The local database .*cli\.db cannot be opened with the key .*no unsent changes would be lost\. To do so, run the command again with --start-over \(it saves what can still be read of the unsent changes first\)\.$/,
    );
    const malformed = await cli(['list', '--db', db], { LEAD_TRIAGE_DB_KEY: 'not hex' });
    expect(malformed.stderr.trim()).toBe(
      'lead-triage: LEAD_TRIAGE_DB_KEY must hold the database key as 64 hexadecimal characters.',
    );

    // Starting over with that key (confirmed): a new, empty database, the leads downloaded again.
    const again = await cli(['sync', '--db', db, '--start-over', '--yes', ...account], {
      LEAD_TRIAGE_DB_KEY: 'ab'.repeat(32),
    });
    expect(again.code, again.stderr).toBe(0);
    const status = await cli(['list', '--db', db, '--limit', '1'], {
      LEAD_TRIAGE_DB_KEY: 'ab'.repeat(32),
    });
    expect(JSON.parse(status.stdout)).toHaveLength(1);
  }, 60_000);

  it('says how many unsent changes a wrong key would cost', async () => {
    const dir = folder();
    const core = openCore(dir.db(), unreachableClient());
    await core['leads:create']({ email: 'ana@borealis.example' });
    await core['leads:create']({ email: 'bo@borealis.example' });
    await core['leads:create']({ email: 'cy@borealis.example' });
    // Still open, as after a crash: the count beside the file follows within moments.
    await vi.waitFor(() =>
      expect(() =>
        createCore({ dbPath: dir.db(), envoke: unreachableClient(), dbKey: Buffer.alloc(32, 1) }),
      ).toThrow('3 changes not yet sent to Envoke would be lost'),
    );
    const [last] = (await core['outbox:list']({ includeDone: false })).entries.slice(-1);
    await core['outbox:discard']({ id: last!.id });
    await core.close();

    const opening = () =>
      createCore({ dbPath: dir.db(), envoke: unreachableClient(), dbKey: Buffer.alloc(32, 1) });
    expect(opening).toThrow(DatabaseKeyError);
    try {
      opening();
    } catch (error) {
      expect((error as CommandError).code).toBe('storage-key');
      expect((error as CommandError).message).toContain(
        '2 changes not yet sent to Envoke would be lost',
      );
    }
    // The right key still opens it, untouched.
    const reopened = openCore(dir.db(), unreachableClient());
    cleanups.push(() => reopened.close());
    expect((await reopened['outbox:list']({ includeDone: false })).entries).toHaveLength(2);
  });
});

describe('a cache written before encryption', () => {
  /** The file an older version left: the same schema and rows, not encrypted. */
  function decryptInPlace(path: string): void {
    const db = openKeyed(path);
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
    db.close();
  }

  it('is encrypted in place on first open and keeps every unsent change', async () => {
    const sim = await simulator(60);
    const dir = folder();
    const first = openCore(dir.db(), clientFor(sim));
    await first.syncOnce('pull');
    const [lead] = (await first['leads:list']({ view: 'all', limit: 1 })).rows;
    await first['leads:update']({ ids: [lead!.id], patch: { marketing_rating: 'Hot' } });
    await first['leads:create']({ email: 'new.contact@borealis.example' });
    const before = (await first['outbox:list']({ includeDone: false })).entries;
    expect(before).toHaveLength(2);
    await first.close();

    decryptInPlace(dir.db());
    expect(isPlainDatabaseFile(dir.db())).toBe(true);
    expect(occurrences(dir.db(), lead!.email)).toBeGreaterThan(0);
    // A stray copy from a conversion cut short is replaced, not trusted.
    writeFileSync(`${dir.db()}.encrypting`, 'half a file');

    const converted = openCore(dir.db(), clientFor(sim));
    cleanups.push(() => converted.close());
    expect(isPlainDatabaseFile(dir.db())).toBe(false);
    expect(occurrences(dir.db(), lead!.email)).toBe(0);
    expect(occurrences(dir.db(), 'new.contact@borealis.example')).toBe(0);
    expect(existsSync(`${dir.db()}.encrypting`)).toBe(false);
    expect((await converted['outbox:list']({ includeDone: false })).entries).toEqual(before);
    expect((await converted['leads:counts']({})).all).toBe(61);

    // And the unsent changes still reach Envoke, once.
    const report = await converted.syncOnce('push');
    expect(report.pushed).toBe(2);
    expect(sim.journal).toHaveLength(2);
  });

  it('refuses to convert with a key of the wrong size', () => {
    const dir = folder();
    expect(() =>
      createCore({ dbPath: dir.db(), envoke: unreachableClient(), dbKey: Buffer.alloc(16) }),
    ).toThrow(/32 bytes, not 16/);
    expect(TEST_DB_KEY).toHaveLength(32);
  });
});
