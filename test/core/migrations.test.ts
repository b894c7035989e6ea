/**
 * Opening a database and bringing its schema up to date, on real files: a new file gets the
 * baseline; steps after it run in one transaction, so a failing one leaves the file as it was and
 * the outbox whole (synthetic steps stand in for the releases to come); a file from a newer
 * version is refused untouched; one a pre-release build made is refused with a sentence that
 * says so and what starting over keeps; a file that is not a database gives a clear storage error.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '#contract/errors';
import { DatabaseKeyError, DatabaseTooNewError } from '../../src-main/core/db/errors';
import { isPlainDatabaseFile } from '../../src-main/core/db/encryption';
import { schemaVersion } from '../../src-main/core/db/migrate';
import {
  BASELINE_VERSION,
  LATEST_VERSION,
  MIGRATIONS,
  type Migration,
} from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import { emailKey } from '../../src-main/core/tables/contact-keys';
import { openKeyed, tempDir, TEST_DB_KEY } from './helpers';
import { writePreReleaseCache } from './support/pre-release-cache';
import { schemaDump } from './support/schema-dump';

let dirs: ReturnType<typeof tempDir>[] = [];
function dbPath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.db();
}
afterEach(() => {
  dirs.forEach((dir) => dir.cleanup());
  dirs = [];
});

/** A lead with two unsent changes, one of them refused by Envoke. */
function seedLeadWithUnsentChange(db: Database.Database): void {
  db.prepare(
    `INSERT INTO leads (id, envoke_id, server_json, sort_key, marketing_rating_status, updated_at)
     VALUES (1, '501', '{"id":"501"}', '2026-10-01 10:00:00', 'Unprocessed', 0)`,
  ).run();
  db.prepare(
    `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at)
     VALUES (1, 'update', '{"marketing_rating_status":"Passed to sales"}', '{"marketing_rating_status":"Unprocessed"}',
             'pending', 0, 0, 0)`,
  ).run();
  db.prepare(
    `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at, last_error)
     VALUES (1, 'update', '{"revenue":"12.00"}', '{"revenue":""}', 'failed', 0, 0, 0, 'Envoke rejected it')`,
  ).run();
}

function outboxRows(db: Database.Database): unknown[] {
  return db
    .prepare('SELECT id, lead_id, kind, fields, base, state, last_error FROM outbox ORDER BY id')
    .all();
}

/** A baseline file holding a lead and its unsent changes; answers the outbox. */
function baselineFileWithChanges(path: string): unknown[] {
  const db = openDatabase(path);
  seedLeadWithUnsentChange(db);
  const rows = outboxRows(db);
  db.close();
  return rows;
}

const step = (version: number, sql: string): Migration => ({
  version,
  name: `step ${version}`,
  up: (db) => db.exec(sql),
});

const broken = (version: number): Migration => ({
  version,
  name: 'broken',
  up(db) {
    db.exec('CREATE TABLE half_done (x INTEGER)');
    throw new Error('disk said no');
  },
});

describe('opening a database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout, and creates the latest schema', () => {
    const db = openDatabase(dbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('lists the baseline first and every step after it in increasing version order', () => {
    const versions = MIGRATIONS.map((each) => each.version);
    expect(versions[0]).toBe(BASELINE_VERSION);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('refuses a file written by a newer version and leaves it untouched', () => {
    const path = dbPath();
    const db = openDatabase(path);
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    db.close();
    const before = readFileSync(path);

    let error: unknown;
    try {
      openDatabase(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as CommandError).code).toBe('storage');
    expect((error as Error).message).toMatch(
      new RegExp(`newer version of Lead Triage.*schema ${LATEST_VERSION + 10}.*left untouched`),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('answers a file that is not a database with a storage error naming the file', () => {
    const path = dbPath();
    writeFileSync(path, 'this is a spreadsheet, not a database '.repeat(200));
    expect(() => openDatabase(path)).toThrow(CommandError);
    try {
      openDatabase(path);
    } catch (error) {
      expect((error as CommandError).code).toBe('storage');
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).toMatch(/is not a Lead Triage database.*left untouched/);
    }
  });
});

describe('steps after the baseline', () => {
  it('runs every pending step in one transaction: a failing step leaves a new file empty', () => {
    const path = dbPath();
    expect(() =>
      openDatabase(path, { migrations: [...MIGRATIONS, broken(LATEST_VERSION + 10)] }),
    ).toThrow(/cannot be used: disk said no/);
    const db = new Database(path);
    expect(schemaVersion(db)).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('leads', 'half_done')")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('runs the steps a file has not run, once, keeping every unsent change', () => {
    const path = dbPath();
    const before = baselineFileWithChanges(path);
    const migrations = [
      ...MIGRATIONS,
      step(LATEST_VERSION + 1, 'ALTER TABLE outbox ADD COLUMN note TEXT'),
      step(LATEST_VERSION + 2, 'CREATE TABLE later (x INTEGER)'),
    ];
    // Stopped early, as a build between the two would leave it.
    const first = openDatabase(path, { migrations, targetVersion: LATEST_VERSION + 1 });
    expect(schemaVersion(first)).toBe(LATEST_VERSION + 1);
    first.close();

    const db = openDatabase(path, { migrations });
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 2);
    expect(outboxRows(db)).toEqual(before);
    expect(db.prepare('SELECT DISTINCT note FROM outbox').pluck().all()).toEqual([null]);
    db.close();
    // Opened again: nothing left to run (a step run twice would fail on its own table).
    openDatabase(path, { migrations }).close();
  });

  it('a failing step takes the steps before it in the same open with it: the file is as it was', () => {
    const path = dbPath();
    const before = baselineFileWithChanges(path);
    const plain = new Database(path);
    const schemaBefore = schemaDump(plain);
    plain.close();

    const migrations = [
      ...MIGRATIONS,
      step(LATEST_VERSION + 1, 'ALTER TABLE outbox ADD COLUMN note TEXT'),
      broken(LATEST_VERSION + 2),
    ];
    expect(() => openDatabase(path, { migrations })).toThrow(/cannot be used: disk said no/);
    const db = openDatabase(path);
    expect(schemaDump(db).entries).toEqual(schemaBefore.entries);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(outboxRows(db)).toEqual(before);
    db.close();
  });
});

describe('a file from a pre-release build', () => {
  const LEADS = [
    { envokeId: '501', company: 'Acme Widgets', email: 'jane@acme.example', unsentNote: 'call' },
    { envokeId: '502', company: 'Borealis Ltd', email: 'sam@borealis.example' },
    { envokeId: '503', company: 'Calder & Co', email: 'ann@calder.example', unsentNote: 'quote' },
  ];

  function refusal(path: string, key?: Buffer): DatabaseKeyError {
    try {
      openDatabase(path, key ? { key } : {}).close();
    } catch (error) {
      return error as DatabaseKeyError;
    }
    throw new Error('opened');
  }

  it.each([10, 61, 92, BASELINE_VERSION - 1])(
    'at schema %i is refused with one sentence saying so, its unsent changes counted, the file untouched',
    (version) => {
      const path = dbPath();
      const outbox = writePreReleaseCache(path, { version, leads: LEADS, key: TEST_DB_KEY });
      const before = readFileSync(path);

      const error = refusal(path, TEST_DB_KEY);
      expect(error).toBeInstanceOf(DatabaseKeyError);
      // The code every shell offers to start over on.
      expect(error.code).toBe('storage-key');
      expect(error.because).toEqual({ kind: 'pre-release', fileVersion: version });
      expect(error.message).toBe(
        `The local database ${path} was written by a pre-release build of Lead Triage ` +
          `(schema ${version}), which this version cannot upgrade. Downloading the leads again ` +
          'starts a new one: its 2 changes not yet sent to Envoke are saved first, to be queued again.',
      );
      expect(readFileSync(path).equals(before)).toBe(true);
      const db = openKeyed(path, { readonly: true });
      expect(schemaVersion(db)).toBe(version);
      expect(db.prepare('SELECT id, lead_id, fields, state FROM outbox ORDER BY id').all()).toEqual(
        outbox,
      );
      db.close();
    },
  );

  it('unencrypted, as the earliest builds left it: encrypted in place with every row, then refused', () => {
    const path = dbPath();
    const outbox = writePreReleaseCache(path, { version: 40, leads: LEADS });
    expect(isPlainDatabaseFile(path)).toBe(true);

    const error = refusal(path, TEST_DB_KEY);
    expect(error.because).toEqual({ kind: 'pre-release', fileVersion: 40 });
    expect(error.message).toContain('its 2 changes not yet sent to Envoke are saved first');
    expect(isPlainDatabaseFile(path)).toBe(false);
    const db = openKeyed(path, { readonly: true });
    expect(schemaVersion(db)).toBe(40);
    expect(db.prepare('SELECT id, lead_id, fields, state FROM outbox ORDER BY id').all()).toEqual(
      outbox,
    );
    expect(db.prepare('SELECT count(*) FROM leads').pluck().get()).toBe(3);
    db.close();
  });

  it('with nothing unsent says that nothing would be lost', () => {
    const path = dbPath();
    writePreReleaseCache(path, {
      version: 92,
      leads: [{ envokeId: '1', company: 'A', email: 'a@x.example' }],
      key: TEST_DB_KEY,
    });
    expect(refusal(path, TEST_DB_KEY).message).toMatch(
      /\(schema 92\), which this version cannot upgrade\. .*: no unsent changes would be lost\.$/,
    );
  });
});

describe('migration 0098: phone and email search from indexes of their own', () => {
  it('indexes the cached leads by phone digits and email, from what the person sees, keeping the outbox', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 97 });
    seedLeadWithUnsentChange(old);
    old.prepare('UPDATE leads SET server_json = ? WHERE id = 1').run(
      JSON.stringify({
        id: '501',
        contact: { company: 'Acme Widgets', email: 'jane@acme.example' },
      }),
    );
    const server = {
      id: '502',
      create_time: '2026-10-02 10:00:00',
      contact: { email: 'Old@Example.com', phone: '+1 416 555 0100' },
    };
    // The person changed the phone here: the local copy is what search finds.
    const local = {
      ...server,
      contact: { email: 'Sam.Lee@Borealis.example', phone: '+1 (604) 555-0199' },
    };
    old
      .prepare(
        `INSERT INTO leads (id, envoke_id, server_json, local_json, sort_key, updated_at)
         VALUES (2, '502', ?, ?, '2026-10-02 10:00:00', 0)`,
      )
      .run(JSON.stringify(server), JSON.stringify(local));
    // A contact that is not an object, and a phone sent as a number.
    old
      .prepare(
        `INSERT INTO leads (id, envoke_id, server_json, sort_key, updated_at)
         VALUES (3, '503', ?, '2026-10-03 10:00:00', 0), (4, '504', ?, '2026-10-04 10:00:00', 0)`,
      )
      .run(
        JSON.stringify({ id: '503', contact: 'none' }),
        JSON.stringify({ id: '504', contact: { phone: 4165550142 } }),
      );
    old
      .prepare(
        'INSERT INTO lead_search (rowid, name, company, email, notes) VALUES (1, ?, ?, ?, ?)',
      )
      .run('jane roe', 'acme widgets', 'jane@acme.example', 'asked for a quote on pallets');
    const before = outboxRows(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 98 });
    expect(outboxRows(db)).toEqual(before);
    const keys = (match: string) =>
      db
        .prepare(
          'SELECT rowid FROM lead_contact_keys WHERE lead_contact_keys MATCH ? ORDER BY rowid',
        )
        .pluck()
        .all(match);
    expect(keys('"p6045550199"*')).toEqual([2]);
    expect(keys('"p5550199"*')).toEqual([2]);
    expect(keys('"p555"*')).toEqual([2, 4]);
    expect(keys('"p41655501"*')).toEqual([4]);
    expect(keys(`"${emailKey('sam.lee@bor')}"*`)).toEqual([2]);
    expect(keys(`"${emailKey('@borealis.example')}"*`)).toEqual([2]);
    expect(keys(`"${emailKey('jane@acme.example')}"*`)).toEqual([1]);
    expect(keys(`"${emailKey('old@')}"*`)).toEqual([]);
    expect(db.prepare('SELECT id, digits FROM lead_phones ORDER BY id').all()).toEqual([
      { id: 2, digits: '16045550199' },
      { id: 4, digits: '4165550142' },
    ]);
    // The term lists read the indexes' words in order.
    expect(
      db.prepare("SELECT term FROM lead_search_terms WHERE term >= 'pal' LIMIT 1").pluck().get(),
    ).toBe('pallets');
    expect(
      db.prepare("SELECT term FROM lead_contact_terms WHERE term >= 'p604' LIMIT 1").pluck().get(),
    ).toBe('p6045550199');
    db.close();
  });
});
