/**
 * `--start-over` as a person runs it: never for a database that opens; for one that cannot be
 * opened it says how many unsent changes that costs, saves those it can still read beside the
 * file for `replay`, and goes ahead only on --yes, setting the old file aside rather than deleting
 * it. A missing key is never made anew over an existing database, and a file that is not a Lead
 * Triage database is refused untouched. A file a pre-release build made is one that cannot be
 * opened too: it says so, and every unsent change in it is saved for `replay` first.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { UnsentExportSchema } from '../../src-main/core/db/unsent-export';
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
} from '../core/helpers';
import { writePreReleaseCache } from '../core/support/pre-release-cache';
import { expectOwnerOnly } from '../support/owner-only';
import { cli } from './cli-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRONG_KEY = { LEAD_TRIAGE_DB_KEY: 'ab'.repeat(32) };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder() {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  return dir;
}

function openRows(path: string, key: Buffer = TEST_DB_KEY): number {
  const db = openKeyed(path, { readonly: true }, key);
  try {
    return db
      .prepare("SELECT count(*) FROM outbox WHERE state NOT IN ('done', 'cancelled')")
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

/**
 * Runs the CLI on a terminal of its own (util-linux `script` gives it one), typing `answer`; what
 * the terminal shows comes back as one text.
 */
function onTerminal(
  args: string[],
  answer: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  const command = [process.execPath, '--import', 'tsx', 'src-main/cli/main.ts', ...args]
    .map(quote)
    .join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, ENVOKE_URL: '', ENVOKE_API_ID: '', ENVOKE_API_KEY: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(out).toString('utf8') }));
    child.stdin.end(`${answer}\n`);
  });
}

const setAsideIn = (dir: string) =>
  readdirSync(dir).filter((name) => /\.unreadable-[^.]*$/.test(name));

describe('--start-over', () => {
  it('never starts over a database that opens: it says so and keeps its unsent changes', async () => {
    const dir = folder();
    expect((await cli(['create', '--email', 'kept@example.com', '--db', dir.db()])).code).toBe(0);
    expect((await cli(['set', '#1', 'sales_rating_note=keep-me', '--db', dir.db()])).code).toBe(0);
    const run = await cli(['status', '--start-over', '--yes', '--db', dir.db()]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `lead-triage: The local database ${dir.db()} opens with its key, so there is nothing to start over; ` +
        'its 1 unsent change is kept and nothing was changed. --start-over is only for a database that cannot be opened.',
    );
    const outbox = JSON.parse((await cli(['outbox', '--db', dir.db()])).stdout) as {
      fields: Record<string, string>;
    }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.fields).toMatchObject({ sales_rating_note: 'keep-me' });
  }, 60_000);

  it('with the key lost: counts what it costs, asks for --yes, then sets the file aside and starts anew', async () => {
    const dir = folder();
    const core = openCore(dir.db(), unreachableClient());
    for (let n = 1; n <= 18; n += 1)
      await core['leads:create']({ email: `unsent.${n}@example.com` });
    await core.close();
    const before = readFileSync(dir.db());

    const asked = await cli(['status', '--start-over', '--db', dir.db()], { env: WRONG_KEY });
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(
      `The local database ${dir.db()} cannot be opened with the key this computer keeps for it`,
    );
    expect(asked.stderr).toContain(
      'Its 18 changes not yet sent to Envoke cannot be read, so they would be lost.',
    );
    expect(asked.stderr.trim().split('\n').at(-1)).toBe(
      'lead-triage: Nothing was changed: run the command again with --start-over --yes to go ahead, losing the changes above.',
    );
    expect(readFileSync(dir.db()).equals(before)).toBe(true);
    expect(setAsideIn(dir.dir)).toEqual([]);

    const yes = await cli(['status', '--start-over', '--yes', '--db', dir.db()], {
      env: WRONG_KEY,
    });
    expect(yes.code, yes.stderr).toBe(0);
    expect(JSON.parse(yes.stdout)).toMatchObject({ pending: 0, failed: 0, conflicts: 0 });
    const [aside] = setAsideIn(dir.dir);
    expect(yes.stderr).toContain(
      `Set aside as ${join(dir.dir, aside!)} (delete it once it is no longer needed)`,
    );
    // The old file is whole where it was set aside: the right key still reads every change.
    expect(openRows(join(dir.dir, aside!))).toBe(18);
    expect(openRows(dir.db(), Buffer.from(WRONG_KEY.LEAD_TRIAGE_DB_KEY, 'hex'))).toBe(0);
  }, 60_000);

  it('with the key file missing: says where the key was expected, makes no new one, and starts over only on --yes', async () => {
    const dir = folder();
    const noEnvKey = { LEAD_TRIAGE_DB_KEY: '' };
    expect(
      (await cli(['create', '--email', 'a@example.com', '--db', dir.db()], { env: noEnvKey })).code,
    ).toBe(0);
    const keyFile = `${dir.db()}.key`;
    const key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
    unlinkSync(keyFile);

    const run = await cli(['list', '--db', dir.db()], { env: noEnvKey });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(
      `is encrypted, and its key is missing from where it was expected: the key file ${keyFile} (or the variable LEAD_TRIAGE_DB_KEY). Put the key back there (from a backup) to open it.`,
    );
    expect(run.stderr).toContain('1 change not yet sent to Envoke would be lost');
    expect(run.stderr).toContain('run the command again with --start-over');
    expect(existsSync(keyFile)).toBe(false);

    const yes = await cli(['list', '--start-over', '--yes', '--db', dir.db()], { env: noEnvKey });
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stderr).toContain(
      'Its 1 change not yet sent to Envoke cannot be read, so it would be lost.',
    );
    expect(existsSync(keyFile)).toBe(true);
    const [aside] = setAsideIn(dir.dir);
    expect(openRows(join(dir.dir, aside!), key)).toBe(1);
  }, 60_000);

  it('on a terminal, goes ahead only when "start over" is typed', async () => {
    const dir = folder();
    const noEnvKey = { LEAD_TRIAGE_DB_KEY: '' };
    for (let n = 1; n <= 2; n += 1)
      await cli(['create', '--email', `typed.${n}@example.com`, '--db', dir.db()], {
        env: noEnvKey,
      });
    unlinkSync(`${dir.db()}.key`);
    const before = readFileSync(dir.db());

    const no = await onTerminal(['status', '--start-over', '--db', dir.db()], 'yes', noEnvKey);
    expect(no.code).toBe(1);
    expect(no.output).toContain('Its 2 changes not yet sent to Envoke cannot be read');
    expect(no.output).toContain('Type "start over" to go ahead, anything else to stop:');
    expect(no.output).toContain('lead-triage: Nothing was changed.');
    expect(readFileSync(dir.db()).equals(before)).toBe(true);
    expect(setAsideIn(dir.dir)).toEqual([]);

    const typed = await onTerminal(
      ['status', '--start-over', '--db', dir.db()],
      'Start Over',
      noEnvKey,
    );
    expect(typed.code, typed.output).toBe(0);
    expect(setAsideIn(dir.dir)).toHaveLength(1);
    expect(typed.output).toContain('"pending": 0');
  }, 60_000);

  it('refuses a file that is not a Lead Triage database, leaving it and its permissions untouched', async () => {
    const dir = folder();
    const notes = join(dir.dir, 'notes.txt');
    writeFileSync(notes, 'Call Jane about the pallets on Monday.\n'.repeat(40));
    chmodSync(notes, 0o644);
    const before = readFileSync(notes);
    // As the file system reports it: 644 where there are Unix modes, 666 (writable) on Windows.
    const modeBefore = statSync(notes).mode;
    for (const args of [['status'], ['status', '--start-over', '--yes']]) {
      const run = await cli([...args, '--db', notes]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(
        `lead-triage: ${notes} is not a Lead Triage database (it is not a database); it was left untouched. Name a Lead Triage database file, or a new file name.`,
      );
      expect(readFileSync(notes).equals(before)).toBe(true);
      expect(statSync(notes).mode).toBe(modeBefore);
      expect(readdirSync(dir.dir)).toEqual(['notes.txt']);
    }
  }, 60_000);
});

/**
 * Damages the file the way a bad disk would: a page of `table` in the middle (or `which` of its
 * leaf pages), unreadable. With `preRelease`, the file also says a pre-release build made it.
 */
function damagePage(
  path: string,
  table: string,
  options: { preRelease?: number; which?: 'middle' | 'last' } = {},
): void {
  const db = openKeyed(path);
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .pluck()
    .all(table) as number[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  if (options.preRelease !== undefined) db.pragma(`user_version = ${options.preRelease}`);
  db.close();
  const page = options.which === 'last' ? pages.at(-1)! : pages[Math.floor(pages.length / 2)]!;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(256, 0x41), 0, 256, (page - 1) * pageSize + 1024);
  closeSync(fd);
}

describe('a damaged cache', () => {
  it('says it is damaged; starting over counts the unsent changes it cannot read, and goes ahead on --yes', async () => {
    const dir = folder();
    const core = openCore(dir.db(), unreachableClient());
    for (let n = 1; n <= 3; n += 1)
      await core['leads:create']({ email: `unsent.${n}@example.com` });
    await core.close();
    // The schema itself: no table of the file can be read.
    damagePage(dir.db(), 'sqlite_schema', { which: 'last' });

    const damaged = await cli(['status', '--db', dir.db()]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr.trim().split('\n')).toHaveLength(1);
    expect(damaged.stderr).toContain(
      `The local database ${dir.db()} is damaged and cannot be opened. Downloading the leads again starts a new one: 3 changes not yet sent to Envoke would be lost.`,
    );
    expect(damaged.stderr).toContain('run the command again with --start-over');

    const yes = await cli(['status', '--start-over', '--yes', '--db', dir.db()]);
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stderr).toContain(
      'Its 3 changes not yet sent to Envoke cannot be read, so they would be lost.',
    );
    expect(readdirSync(dir.dir).filter((name) => name.endsWith('.json'))).toEqual([]);
    // The file set aside (its write-ahead log beside it, if it had one), a new one in its place.
    expect(setAsideIn(dir.dir).filter((name) => !name.endsWith('-wal'))).toHaveLength(1);
    expect(JSON.parse(yes.stdout)).toMatchObject({ pending: 0, failed: 0, conflicts: 0 });
  }, 60_000);
});

describe('a cache from a pre-release build', () => {
  it('unencrypted, as a developer machine may still have one: says so, and starting over saves its unsent changes for replay', async () => {
    const sim: RunningSimulator = await startSim({ leads: 60 });
    cleanups.push(() => sim.stop());
    const dir = folder();
    const account = ['--url', sim.url, '--api-id', API_ID, '--api-key', API_KEY];
    const leads = sim.store
      .all()
      .slice(0, 5)
      .map((lead, n) => ({
        envokeId: String(lead.id),
        company: '',
        email: '',
        server: lead as unknown as Record<string, unknown>,
        ...(n % 2 === 0 ? { unsentNote: `from the old build ${n}` } : {}),
      }));
    writePreReleaseCache(dir.db(), { version: 61, leads });
    const noEnvKey = { LEAD_TRIAGE_DB_KEY: '' };

    const refused = await cli(['status', '--db', dir.db()], { env: noEnvKey });
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    // The key file's notice (the old file was encrypted with a new key), then the one sentence.
    expect(lines.at(-1)).toBe(
      `lead-triage: The local database ${dir.db()} was written by a pre-release build of Lead Triage ` +
        '(schema 61), which this version cannot upgrade. Downloading the leads again starts a new one: ' +
        'its 3 changes not yet sent to Envoke are saved first, to be queued again. To do so, run the ' +
        'command again with --start-over (it saves what can still be read of the unsent changes first).',
    );

    const yes = await cli(['status', '--start-over', '--yes', '--db', dir.db()], {
      env: noEnvKey,
    });
    expect(yes.code, yes.stderr).toBe(0);
    const saved = readdirSync(dir.dir).filter((name) => name.endsWith('.json'));
    expect(saved).toHaveLength(1);
    const exportPath = join(dir.dir, saved[0]!);
    expect(yes.stderr).toContain(
      `Its 3 changes not yet sent to Envoke were saved to ${exportPath}`,
    );
    const file = UnsentExportSchema.parse(JSON.parse(readFileSync(exportPath, 'utf8')));
    expect(file.changes.map((change) => [change.envokeId, change.fields])).toEqual(
      leads
        .filter((lead) => lead.unsentNote !== undefined)
        .map((lead) => [lead.envokeId, { sales_rating_note: lead.unsentNote }]),
    );
    // Set aside whole, with its key, should anything more be wanted from it.
    const [aside] = setAsideIn(dir.dir);
    const key = Buffer.from(readFileSync(`${join(dir.dir, aside!)}.key`, 'utf8').trim(), 'hex');
    expect(openRows(join(dir.dir, aside!), key)).toBe(3);

    expect((await cli(['pull', '--db', dir.db(), ...account], { env: noEnvKey })).code).toBe(0);
    const replayed = await cli(['replay', exportPath, '--db', dir.db()], { env: noEnvKey });
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({ queued: 3, conflicts: [] });
    const pushed = await cli(['push', '--db', dir.db(), ...account], { env: noEnvKey });
    expect(pushed.code, pushed.stderr).toBe(0);
    for (const lead of leads.filter((each) => each.unsentNote !== undefined))
      expect(sim.store.get(lead.envokeId)?.sales_rating_note).toBe(lead.unsentNote);
  }, 120_000);

  it('with a damaged page as well: saves its unsent changes before starting over; replay queues them again, and each reaches Envoke once', async () => {
    const sim: RunningSimulator = await startSim({ leads: 400 });
    cleanups.push(() => sim.stop());
    const dir = folder();
    const account = ['--url', sim.url, '--api-id', API_ID, '--api-key', API_KEY];
    const core = openCore(dir.db(), clientFor(sim));
    await core.syncOnce('pull');
    const { ids } = await core['leads:ids']({ view: 'all' });
    const edited = ids.slice(0, 3);
    for (const id of edited)
      await core['leads:update']({ ids: [id], patch: { sales_rating_note: `replayed ${id}` } });
    const envokeIds = await Promise.all(
      edited.map(async (id) => (await core['leads:get']({ id })).envokeId!),
    );
    await core['leads:create']({
      email: 'made.offline@example.com',
      fields: { rule_rating: 'Hot' },
    });
    await core.close();
    damagePage(dir.db(), 'leads', { preRelease: 92 });

    const damaged = await cli(['status', '--db', dir.db()]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain(
      'was written by a pre-release build of Lead Triage (schema 92), which this version cannot upgrade',
    );
    expect(damaged.stderr).toContain('its 4 changes not yet sent to Envoke are saved first');

    const yes = await cli(['status', '--start-over', '--yes', '--db', dir.db()]);
    expect(yes.code, yes.stderr).toBe(0);
    const saved = readdirSync(dir.dir).filter((name) => name.endsWith('.json'));
    expect(saved).toHaveLength(1);
    const exportPath = join(dir.dir, saved[0]!);
    expect(yes.stderr).toContain(
      `Its 4 changes not yet sent to Envoke were saved to ${exportPath}`,
    );
    expect(yes.stderr).toContain(`npm run -s cli -- replay "${exportPath}" --db "${dir.db()}"`);
    expectOwnerOnly(exportPath, 'file');
    const file = UnsentExportSchema.parse(JSON.parse(readFileSync(exportPath, 'utf8')));
    expect(file.changes.map((change) => [change.kind, change.envokeId, change.fields])).toEqual([
      ...edited.map((id, n) => ['update', envokeIds[n], { sales_rating_note: `replayed ${id}` }]),
      ['create', null, {}],
    ]);
    expect(file.changes[3]).toMatchObject({
      email: 'made.offline@example.com',
      leadFields: { rule_rating: 'Hot' },
    });

    // Before the download, the updates have no lead to go to; the new lead does.
    // A colleague changes the first lead's note in Envoke meanwhile.
    await fetch(`${sim.url}/v1/leads/${envokeIds[0]}`, {
      method: 'PATCH',
      headers: { authorization: `Basic ${Buffer.from(`${API_ID}:${API_KEY}`).toString('base64')}` },
      body: JSON.stringify({ sales_rating_note: 'changed by a colleague' }),
    });
    const journalBefore = sim.journal.length;
    expect((await cli(['pull', '--db', dir.db(), ...account])).code).toBe(0);
    const replayed = await cli(['replay', exportPath, '--db', dir.db()]);
    expect(replayed.code, replayed.stderr).toBe(0);
    expect(JSON.parse(replayed.stdout)).toEqual({
      queued: 3,
      alreadyThere: 0,
      conflicts: [
        {
          lead: expect.any(String),
          envokeId: envokeIds[0],
          field: 'sales_rating_note',
          was: expect.any(String),
          envokeNow: 'changed by a colleague',
          yours: `replayed ${edited[0]}`,
        },
      ],
      notDownloaded: [],
      refused: [],
    });
    // Replayed twice: nothing queued twice.
    const again = await cli(['replay', exportPath, '--db', dir.db()]);
    expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, alreadyThere: 3 });

    expect((await cli(['push', '--db', dir.db(), ...account])).code).toBe(0);
    const writes = sim.journal.slice(journalBefore).map((entry) => [entry.method, entry.leadId]);
    expect(
      writes
        .filter(([method]) => method === 'PATCH')
        .map(([, id]) => id)
        .sort(),
    ).toEqual([envokeIds[1], envokeIds[2]].sort());
    expect(writes.filter(([method]) => method === 'POST')).toHaveLength(1);
  }, 120_000);
});
