/**
 * The schema steps on real files: one test per migration, migrating from every earlier version
 * keeps unsent outbox rows, a newer file is refused untouched, a damaged file gives a clear
 * storage error, and a failing step leaves the file as it was.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '#contract/errors';
import { DatabaseTooNewError } from '../../src-main/core/db/errors';
import { schemaVersion } from '../../src-main/core/db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import type { EnvokeLead } from '../../src-main/core/envoke';
import { Store } from '../../src-main/core/store/store';
import { parseQuery } from '#contract/lead-query';
import {
  compileQuery,
  POSSIBLE_DUPLICATE,
  SORT_EXPRESSIONS,
} from '../../src-main/core/views/query-sql';
import { ftsQuery } from '../../src-main/core/views/search-query';
import { emailKey } from '../../src-main/core/store/contact-keys';
import { VIEW_CONDITIONS } from '../../src-main/core/views/view-filters';
import { tempDir } from './helpers';

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

const LEAD = JSON.stringify({
  id: '501',
  remote_id: '',
  create_time: '2026-10-01 10:00:00',
  marketing_rating_status: 'Unprocessed',
  marketing_rating_note: 'asked for a quote on pallets',
  contact: {
    first_name: 'Jane',
    last_name: 'Roe',
    company: 'Acme Widgets',
    email: 'jane@acme.example',
  },
});

/** A lead with an unsent change, as any version since 0010 stores them. */
function seedLeadWithUnsentChange(db: Database.Database): void {
  db.prepare(
    `INSERT INTO leads (id, envoke_id, server_json, sort_key, marketing_rating_status, updated_at)
     VALUES (1, '501', ?, '2026-10-01 10:00:00', 'Unprocessed', 0)`,
  ).run(LEAD);
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

describe('opening a database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout, and migrates to the latest version', () => {
    const db = openDatabase(dbPath());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('lists migrations in increasing version order', () => {
    const versions = MIGRATIONS.map((step) => step.version);
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

  it('runs every pending step in one transaction: a failing step leaves the file as it was', () => {
    const path = dbPath();
    const broken: Migration = {
      version: LATEST_VERSION + 10,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER)');
        throw new Error('disk said no');
      },
    };
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken] })).toThrow(
      /cannot be used: disk said no/,
    );
    const db = new Database(path);
    expect(schemaVersion(db)).toBe(0);
    expect(
      db
        .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('leads', 'half_done')")
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 0010: leads, outbox, history, sync state', () => {
  it('creates the tables with their rules', () => {
    const db = openDatabase(dbPath(), { targetVersion: 10 });
    expect(schemaVersion(db)).toBe(10);
    seedLeadWithUnsentChange(db);
    expect(outboxRows(db)).toHaveLength(2);
    // An outbox row must point at a lead, and states are a closed list.
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (lead_id, kind, fields, state, next_attempt_at, created_at, updated_at) VALUES (99, 'update', '{}', 'pending', 0, 0, 0)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO outbox (lead_id, kind, fields, state, next_attempt_at, created_at, updated_at) VALUES (1, 'update', '{}', 'lost', 0, 0, 0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    // A lead the outbox still refers to cannot be deleted by accident.
    expect(() => db.prepare('DELETE FROM leads WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 0020: search index and activity log', () => {
  it('indexes leads cached before search existed and adds the activity log', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 10 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 20 });
    expect(schemaVersion(db)).toBe(20);
    const find = (query: string) =>
      db.prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?').pluck().all(query);
    expect(find('"acme"*')).toEqual([1]);
    expect(find('"pallet"*')).toEqual([1]);
    expect(find('"jane@acme"*')).toEqual([1]);
    expect(find('"nobody"*')).toEqual([]);
    db.prepare(
      "INSERT INTO activity (lead_id, at, kind, message) VALUES (1, 0, 'edit', 'x')",
    ).run();
    expect(db.prepare('SELECT count(*) AS n FROM activity').get()).toEqual({ n: 1 });
    db.close();
  });
});

describe('migration 0030: index of leads by the last full pull that saw them', () => {
  it('answers which cached leads a pull did not see from the index, not a scan', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 20 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 30 });
    expect(schemaVersion(db)).toBe(30);
    const unseen = `SELECT id FROM leads INDEXED BY leads_unseen
      WHERE envoke_id IS NOT NULL AND gone = 0 AND pull_generation < ?`;
    expect(db.prepare(unseen).pluck().all(1)).toEqual([1]);
    expect(db.prepare(unseen).pluck().all(0)).toEqual([]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${unseen}`).all(1) as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([
      'SEARCH leads USING INDEX leads_unseen (pull_generation<?)',
    ]);
    // A lead flagged gone leaves the index: it is not asked about again.
    db.prepare('UPDATE leads SET gone = 1 WHERE id = 1').run();
    expect(db.prepare(unseen).pluck().all(1)).toEqual([]);
    db.close();
  });
});

describe('migration 0040: delivery state on activity entries', () => {
  it('keeps every entry and links the changes still waiting to their outbox row', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 30 });
    seedLeadWithUnsentChange(old);
    const add = old.prepare(
      'INSERT INTO activity (lead_id, at, kind, message) VALUES (1, ?, ?, ?)',
    );
    add.run(5, 'edit', 'Revenue: (empty) → 12.00');
    add.run(6, 'sent', 'Sent to Envoke: Sale: None → Yes');
    add.run(7, 'envoke-changed', 'In Envoke: Sale note: (empty) → x');
    old.close();

    const db = openDatabase(path, { targetVersion: 40 });
    expect(schemaVersion(db)).toBe(40);
    const entries = db
      .prepare('SELECT kind, message, outbox_id, delivery FROM activity ORDER BY id')
      .all();
    expect(entries).toEqual([
      { kind: 'edit', message: 'Revenue: (empty) → 12.00', outbox_id: 2, delivery: 'queued' },
      {
        kind: 'sent',
        message: 'Sent to Envoke: Sale: None → Yes',
        outbox_id: null,
        delivery: null,
      },
      {
        kind: 'envoke-changed',
        message: 'In Envoke: Sale note: (empty) → x',
        outbox_id: null,
        delivery: null,
      },
    ]);
    // Only the five states are stored.
    expect(() => db.prepare("UPDATE activity SET delivery = 'lost' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
    // The entries that may still change are found from the partial index, not a scan.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM activity
         WHERE lead_id = ? AND delivery IN ('queued', 'failed', 'conflict')`,
      )
      .all(1) as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('activity_undelivered');
    db.close();
  });
});

describe('migration 0050: indexes of the rating columns', () => {
  it('keeps the outbox and counts rating values from the partial indexes', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 40 });
    seedLeadWithUnsentChange(old);
    const queued = outboxRows(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 50 });
    expect(schemaVersion(db)).toBe(50);
    expect(outboxRows(db)).toEqual(queued);
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'leads_%_ratings'",
      )
      .pluck()
      .all();
    expect(names.sort()).toEqual(['leads_marketing_ratings', 'leads_sales_ratings']);
    db.close();
  });
});

describe('migrating from each earlier version keeps the outbox', () => {
  const earlier = MIGRATIONS.slice(0, -1).map((step) => step.version);

  it.each(earlier)('from version %i', (version) => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: version });
    seedLeadWithUnsentChange(old);
    const before = outboxRows(old);
    old.close();

    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(outboxRows(db)).toEqual(before);
    db.close();
  });
});

describe('migration 0060: view counts kept by triggers', () => {
  it('counts the leads already cached, then follows every insert, update and delete', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 40 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 60 });
    const counts = () =>
      Object.fromEntries(
        (
          db.prepare('SELECT view, count FROM view_counts').all() as {
            view: string;
            count: number;
          }[]
        )
          .filter((row) => row.count > 0)
          .map((row) => [row.view, row.count]),
      );
    expect(counts()).toEqual({ all: 1, 'marketing-unprocessed': 1 });
    db.prepare(
      "UPDATE leads SET marketing_rating_status = 'Passed to sales', sync_state = 'pending' WHERE id = 1",
    ).run();
    expect(counts()).toEqual({ all: 1, 'passed-to-sales': 1, pending: 1 });
    db.prepare(
      `INSERT INTO leads (id, envoke_id, local_json, sort_key, sale, sync_state, updated_at)
       VALUES (2, NULL, '{}', '2026-10-02 10:00:00', 'Yes', 'conflict', 0)`,
    ).run();
    expect(counts()).toEqual({
      all: 2,
      'passed-to-sales': 1,
      'marketing-unprocessed': 1,
      won: 1,
      pending: 1,
      conflicts: 1,
    });
    db.prepare('DELETE FROM leads WHERE id = 2').run();
    expect(counts()).toEqual({ all: 1, 'passed-to-sales': 1, pending: 1 });
    db.close();
  });
});

describe('migration 0061: search index with one and two letter prefixes', () => {
  it('indexes the cached leads again, with the prefix indexes', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 60 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 61 });
    const sql = db
      .prepare("SELECT sql FROM sqlite_schema WHERE name = 'lead_search'")
      .pluck()
      .get();
    expect(sql).toMatch(/prefix = '1 2'/);
    const find = (query: string) =>
      db.prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?').pluck().all(query);
    expect(find('"a"*')).toEqual([1]);
    expect(find('"pa"*')).toEqual([1]);
    expect(find('"jane@acme"*')).toEqual([1]);
    expect(find('"nobody"*')).toEqual([]);
    db.close();
  });
});

describe('migration 0070: saved views, lifecycle times, duplicate pairs', () => {
  it('reads lifecycle times and sources from what the person sees, and adds the view tables', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 61 });
    seedLeadWithUnsentChange(old);
    old.prepare('UPDATE leads SET local_json = ? WHERE id = 1').run(
      JSON.stringify({
        ...JSON.parse(LEAD),
        marketing_rating_status: 'Passed to sales',
        marketing_rating_time: '2026-10-02 08:00:00',
        marketing_source: 'Google',
        sale_time: 7,
      }),
    );
    old.close();

    const db = openDatabase(path, { targetVersion: 70 });
    expect(schemaVersion(db)).toBe(70);
    expect(
      db
        .prepare(
          'SELECT marketing_time, sales_time, sale_time, marketing_source, marketing_medium FROM leads WHERE id = 1',
        )
        .get(),
    ).toEqual({
      marketing_time: '2026-10-02 08:00:00',
      sales_time: '',
      sale_time: '7',
      marketing_source: 'Google',
      marketing_medium: '',
    });
    expect(outboxRows(db)).toHaveLength(2);
    db.prepare(
      "INSERT INTO saved_views (name, query, sort, position, created_at) VALUES ('Hot', 'rating:Hot', '-created', 0, 0)",
    ).run();
    // Names are unique whatever their case.
    expect(() =>
      db
        .prepare(
          "INSERT INTO saved_views (name, query, sort, position, created_at) VALUES ('HOT', '', '-created', 1, 0)",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare('INSERT INTO duplicate_dismissals (low_id, high_id, at) VALUES (2, 1, 0)').run(),
    ).toThrow(/CHECK/);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((step) => step.detail)
        .join();
    expect(
      plan(
        "SELECT count(*) FROM leads WHERE marketing_rating_status = 'Passed to sales' AND marketing_time >= '2026-10-01'",
      ),
    ).toContain('leads_passed_by_time');
    expect(plan("SELECT id FROM leads WHERE lower(email) = 'x' AND email <> ''")).toContain(
      'leads_by_email_nocase',
    );
    db.close();
  });
});

describe('migration 0080: indexes for the sorts of saved views', () => {
  it('reads a page of each sort in order from an index, never sorting every lead first', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 70 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 80 });
    expect(schemaVersion(db)).toBe(80);
    expect(outboxRows(db)).toHaveLength(2);
    for (const [key, expression] of Object.entries(SORT_EXPRESSIONS))
      for (const direction of ['ASC', 'DESC']) {
        const plan = (
          db
            .prepare(
              `EXPLAIN QUERY PLAN SELECT id FROM leads WHERE 1 ORDER BY ${expression} ${direction}, id ${direction} LIMIT 10`,
            )
            .all() as { detail: string }[]
        )
          .map((row) => row.detail)
          .join('; ');
        expect(plan, `${key} ${direction}`).toMatch(/USING (COVERING )?INDEX/);
        expect(plan, `${key} ${direction}`).not.toContain('TEMP B-TREE');
      }
    db.close();
  });
});

describe('migration 0090: inserted leads counted once per transaction', () => {
  it('drops the insert trigger; the store counts what it inserts with the transaction, and forgets what rolls back', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 80 });
    seedLeadWithUnsentChange(old);
    old.close();

    const at90 = openDatabase(path, { targetVersion: 90 });
    expect(outboxRows(at90)).toHaveLength(2);
    const triggers = at90
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual(['view_counts_on_delete', 'view_counts_on_update']);
    at90.close();

    // The store of the latest version is what counts inserts now.
    const db = openDatabase(path);
    const counts = () =>
      Object.fromEntries(
        (
          db.prepare('SELECT view, count FROM view_counts WHERE count > 0').all() as {
            view: string;
            count: number;
          }[]
        ).map((row) => [row.view, row.count]),
      );
    expect(counts()).toEqual({ all: 1, 'marketing-unprocessed': 1 });

    const store = new Store(db);
    const lead = (id: string, sale: string) =>
      ({ ...(JSON.parse(LEAD) as Record<string, unknown>), id, sale }) as unknown as EnvokeLead;
    store.pageTransaction(() => {
      store.leads.insertFromEnvoke('601', '{}', lead('601', 'Yes'), 1, 0);
      store.leads.insertFromEnvoke('602', '{}', lead('602', 'None'), 1, 0);
    });
    expect(counts()).toEqual({ all: 3, 'marketing-unprocessed': 3, won: 1 });

    // A failing transaction takes its leads and their counts with it.
    expect(() =>
      store.transaction(() => {
        store.leads.insertFromEnvoke('603', '{}', lead('603', 'Yes'), 1, 0);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    // A failing nested one only its own: the outer one's lead stays counted.
    store.transaction(() => {
      store.leads.insertFromEnvoke('604', '{}', lead('604', 'None'), 1, 0);
      try {
        store.transaction(() => {
          store.leads.insertFromEnvoke('605', '{}', lead('605', 'Yes'), 1, 0);
          throw new Error('refused');
        });
      } catch {
        // The outer transaction goes on without the inner one's lead.
      }
    });
    expect(counts()).toEqual({ all: 4, 'marketing-unprocessed': 4, won: 1 });
    const onFile = db.prepare("SELECT count(*) AS all_, sum(sale = 'Yes') AS won FROM leads").get();
    expect(onFile).toEqual({ all_: 4, won: 1 });
    db.close();
  });
});

describe('migration 0091: search index without token positions', () => {
  it('indexes the cached leads again without positions, and finds them by words and prefixes', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 90 });
    seedLeadWithUnsentChange(old);
    old.close();

    const db = openDatabase(path, { targetVersion: 91 });
    expect(outboxRows(db)).toHaveLength(2);
    const sql = db
      .prepare("SELECT sql FROM sqlite_schema WHERE name = 'lead_search'")
      .pluck()
      .get();
    expect(sql).toMatch(/prefix = '1 2'/);
    expect(sql).toMatch(/detail = none/);
    const find = (text: string) =>
      db
        .prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?')
        .pluck()
        .all(ftsQuery(text));
    expect(find('a')).toEqual([1]);
    expect(find('pa')).toEqual([1]);
    expect(find('jane@acme')).toEqual([1]);
    expect(find('"Roe" (acme')).toEqual([1]);
    expect(find('nobody')).toEqual([]);
    expect(find('jane@nowhere')).toEqual([]);
    db.close();
  });
});

describe('migration 0092: pipeline steps counted per day and salesperson', () => {
  it('counts the cached leads, then follows updates, deletes and inserts, a lead inserted and changed in one transaction included', () => {
    const path = dbPath();
    // Seeded before 0090: a lead inserted later is counted by the store, never by plain SQL.
    const old = openDatabase(path, { targetVersion: 80 });
    seedLeadWithUnsentChange(old);
    old.close();

    const at92 = openDatabase(path, { targetVersion: 92 });
    expect(outboxRows(at92)).toHaveLength(2);
    at92.close();
    const db = openDatabase(path);
    const kept = () =>
      db
        .prepare(
          'SELECT step, day, salesperson, count FROM pipeline_days WHERE count > 0 ORDER BY 1, 2, 3',
        )
        .all();
    expect(kept()).toEqual([{ step: 'new', day: '2026-10-01', salesperson: '', count: 1 }]);

    const store = new Store(db);
    const passed = (id: string, day: string) =>
      ({
        ...(JSON.parse(LEAD) as Record<string, unknown>),
        id,
        salesperson: 'Sam Lee',
        marketing_rating_status: 'Passed to sales',
        marketing_rating_time: `${day} 09:00:00`,
      }) as unknown as EnvokeLead;
    // Envoke's copy of the seeded lead now passed to sales (its unsent change says so too).
    store.transaction(() => store.refreshLead(1, 0));
    store.pageTransaction(() => {
      const first = passed('601', '2026-10-02');
      const id = store.leads.insertFromEnvoke('601', JSON.stringify(first), first, 1, 0);
      // Changed in the transaction that inserted it: counted as it ends up, once.
      const later = passed('601', '2026-10-05');
      store.leads.writeServer(id, JSON.stringify(later), later, null, 'synced', 1, 0);
      const second = passed('602', '2026-10-03');
      store.leads.insertFromEnvoke('602', JSON.stringify(second), second, 1, 0);
    });
    const recount = db
      .prepare(
        `SELECT 'new' AS step, substr(sort_key, 1, 10) AS day, salesperson, count(*) AS count
         FROM leads GROUP BY 2, 3
         UNION ALL
         SELECT 'passed', substr(marketing_time, 1, 10), salesperson, count(*)
         FROM leads WHERE marketing_rating_status = 'Passed to sales' GROUP BY 2, 3
         ORDER BY 1, 2, 3`,
      )
      .all();
    expect(kept()).toEqual(recount);
    expect(kept()).toContainEqual({
      step: 'passed',
      day: '2026-10-05',
      salesperson: 'Sam Lee',
      count: 1,
    });
    store.transaction(() => store.leads.delete(3));
    expect(kept()).not.toContainEqual(expect.objectContaining({ day: '2026-10-03' }));
    db.close();
  });
});

const POSSIBLE_DUPLICATE_COUNT = `SELECT count(*) FROM leads WHERE ${POSSIBLE_DUPLICATE}`;

describe('migration 0093: the duplicate indexes hold their columns', () => {
  it('finds shared emails and names from the indexes alone, keeping every lead and change', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 92 });
    seedLeadWithUnsentChange(old);
    old.close();
    const db = openDatabase(path);
    expect(outboxRows(db)).toHaveLength(2);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    expect(plan(POSSIBLE_DUPLICATE_COUNT)).toContain('COVERING INDEX leads_by_email_nocase');
    expect(plan(POSSIBLE_DUPLICATE_COUNT)).toContain('COVERING INDEX leads_by_name_company');
    expect(plan(POSSIBLE_DUPLICATE_COUNT)).not.toMatch(/SCAN leads(?! USING COVERING)/);
    db.close();
  });
});

describe('migration 0097: outbox claims and the log of applied commands', () => {
  it('keeps every change unclaimed and adds an empty command log', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 93 });
    seedLeadWithUnsentChange(old);
    const before = outboxRows(old);
    old.close();
    const db = openDatabase(path);
    expect(outboxRows(db)).toEqual(before);
    expect(db.prepare('SELECT DISTINCT claimed_by FROM outbox').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration 0094: folded text for field terms and search', () => {
  it('folds the cached leads that are not ASCII, keeps the copies with each write, and counts a company term from its index', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 93 });
    seedLeadWithUnsentChange(old);
    const lead = {
      ...(JSON.parse(LEAD) as Record<string, unknown>),
      id: '502',
      marketing_source: 'Événement',
      marketing_rating_note: 'Lieferung an die Straße',
      contact: {
        first_name: 'Jörg',
        last_name: 'Müller',
        company: 'ＦＵＬＬ GmbH',
        email: 'j@x.example',
      },
    };
    old
      .prepare(
        `INSERT INTO leads (id, envoke_id, server_json, sort_key, contact_name, company, email, updated_at)
         VALUES (2, '502', ?, '2026-10-02 10:00:00', 'Jörg Müller', 'ＦＵＬＬ GmbH', 'j@x.example', 0)`,
      )
      .run(JSON.stringify(lead));
    old
      .prepare(
        'INSERT INTO lead_search (rowid, name, company, email, notes) VALUES (2, ?, ?, ?, ?)',
      )
      .run('Jörg Müller', 'ＦＵＬＬ GmbH', 'j@x.example', 'Lieferung an die Straße');
    old.close();

    const db = openDatabase(path);
    expect(outboxRows(db)).toHaveLength(2);
    const copies = () => db.prepare('SELECT * FROM lead_folded_text ORDER BY id').all();
    expect(copies()).toEqual([
      {
        id: 2,
        contact_name: null,
        company: 'full gmbh',
        email: null,
        salesperson: null,
        marketing_source: 'événement',
        marketing_medium: null,
        marketing_campaign: null,
      },
    ]);
    const find = (text: string) =>
      db
        .prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?')
        .pluck()
        .all(ftsQuery(text));
    expect(find('full')).toEqual([2]);
    expect(find('strasse')).toEqual([2]);
    expect(find('JÖRG')).toEqual([2]);

    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join(' | ');
    const company = compileQuery(parseQuery('company:full'));
    const count = plan(
      `SELECT count(*) FROM (SELECT 1 FROM leads WHERE ${company.where.replaceAll('?', "'%full%'")} LIMIT 1001)`,
    );
    expect(count).toContain('SCAN leads USING COVERING INDEX leads_by_company_nocase');
    expect(count).not.toMatch(/SCAN leads(?! USING COVERING)/);

    // The store keeps the copies: a lead written with ASCII text has none, a deleted one none.
    const store = new Store(db);
    const wide = { ...lead, id: '503' } as unknown as EnvokeLead;
    const ascii = {
      ...wide,
      marketing_source: 'Event',
      contact: { first_name: 'Jorg', last_name: 'Muller', company: 'Full', email: 'j@x.example' },
    } as unknown as EnvokeLead;
    const id = store.transaction(() =>
      store.leads.insertFromEnvoke('503', JSON.stringify(wide), wide, 1, 0),
    );
    const copyOf = () => db.prepare('SELECT company FROM lead_folded_text WHERE id = ?').pluck();
    expect(copyOf().get(id)).toBe('full gmbh');
    store.transaction(() =>
      store.leads.writeServer(id, JSON.stringify(ascii), ascii, null, 'synced', 1, 0),
    );
    expect(copyOf().get(id)).toBeUndefined();
    store.transaction(() =>
      store.leads.writeServer(id, JSON.stringify(wide), wide, null, 'synced', 1, 0),
    );
    expect(copyOf().get(id)).toBe('full gmbh');
    store.transaction(() => store.leads.delete(id));
    expect(copyOf().get(id)).toBeUndefined();
    db.close();
  });
});

describe('migration 0095: search over what the contact wrote and custom values; the facet index', () => {
  it('indexes the cached leads again: words they wrote and custom values are found, and each facet', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 93 });
    seedLeadWithUnsentChange(old);
    const lead = {
      id: '502',
      remote_id: '',
      create_time: '2026-10-02 10:00:00',
      business_unit: 'B2B Widgets',
      contact: {
        email: 'john@api-testing.example',
        feedback: "Hello. I'm interested in buying many of your widgets",
        consent_status: 'Implied - No Expiry',
        custom_fields: { widget_name: 'Gold Deluxe Model 5X33' },
        interests: ['Business Products'],
      },
    };
    old
      .prepare(
        `INSERT INTO leads (id, envoke_id, server_json, sort_key, updated_at)
         VALUES (2, '502', ?, '2026-10-02 10:00:00', 0)`,
      )
      .run(JSON.stringify(lead));
    old.close();

    const db = openDatabase(path, { targetVersion: 95 });
    expect(outboxRows(db)).toHaveLength(2);
    const search = (text: string) =>
      db
        .prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?')
        .pluck()
        .all(ftsQuery(text));
    expect(search('widgets')).toEqual([2]);
    expect(search('deluxe')).toEqual([2]);
    const facet = (match: string) =>
      db.prepare('SELECT rowid FROM lead_facets WHERE lead_facets MATCH ?').pluck().all(match);
    expect(facet('"saidxwidgets"')).toEqual([2]);
    expect(facet('"customxwidgetnamexgold"')).toEqual([2]);
    expect(facet('"unitxb2b"')).toEqual([2]);
    expect(facet('"interestxbusiness" AND "interestxproducts"')).toEqual([2]);
    expect(facet('"consentximpliednoexpiry"')).toEqual([2]);
    // A lead without a consent is "not provided", as Envoke makes a new contact.
    expect(facet('"consentxnotprovided"')).toEqual([1]);
    db.close();
  });
});

describe('migration 0096: Sales: new holds leads passed to sales that sales has not processed', () => {
  it('recounts the view with the new condition and follows updates with it', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 95 });
    const insert = old.prepare(
      `INSERT INTO leads (id, envoke_id, server_json, sort_key, marketing_rating_status,
         sales_rating_status, updated_at) VALUES (?, ?, '{}', '2026-10-01 10:00:00', ?, ?, 0)`,
    );
    insert.run(1, '501', 'Passed to sales', 'Not applicable');
    insert.run(2, '502', 'Passed to sales', 'Unprocessed');
    insert.run(3, '503', 'Unprocessed', 'Not applicable');
    insert.run(4, '504', 'Passed to sales', 'Rated good');
    // Counted as the store counts inserts (0090), with 0060's condition for Sales: new.
    old.exec(`
      UPDATE view_counts SET count = 4 WHERE view = 'all';
      UPDATE view_counts SET count = 1 WHERE view = 'marketing-unprocessed';
      UPDATE view_counts SET count = 3 WHERE view = 'passed-to-sales';
      UPDATE view_counts SET count = 1 WHERE view = 'sales-unprocessed';
    `);
    old.close();

    const db = openDatabase(path, { targetVersion: 96 });
    const counted = () =>
      db.prepare(`SELECT count FROM view_counts WHERE view = 'sales-unprocessed'`).pluck().get();
    expect(counted()).toBe(2);
    db.prepare(`UPDATE leads SET marketing_rating_status = 'Passed to sales' WHERE id = 3`).run();
    expect(counted()).toBe(3);
    db.prepare(`UPDATE leads SET sales_rating_status = 'Contact attempted' WHERE id = 1`).run();
    expect(counted()).toBe(2);
    db.prepare('DELETE FROM leads WHERE id = 2').run();
    expect(counted()).toBe(1);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM leads WHERE ${VIEW_CONDITIONS['sales-unprocessed']}
         ORDER BY sort_key DESC, id DESC LIMIT 50`,
      )
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join(' ');
    expect(plan).toContain('leads_view_sales_new');
    db.close();
  });
});

describe('migration 0098: phone and email search from indexes of their own', () => {
  it('indexes the cached leads by phone digits and email, from what the person sees, keeping the outbox', () => {
    const path = dbPath();
    const old = openDatabase(path, { targetVersion: 97 });
    seedLeadWithUnsentChange(old);
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
