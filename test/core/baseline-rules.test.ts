/**
 * What the baseline schema does, on real files: the rules of its tables, the indexes each list,
 * sort, count and pull reads (by the query plan), the search and facet indexes and folded copies
 * the store writes with each lead, and the counts kept by trigger and by the store's inserts.
 */
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseQuery } from '#contract/lead-query';
import { openDatabase } from '../../src-main/core/db/open-database';
import type { EnvokeLead } from '../../src-main/core/envoke';
import { Store } from '../../src-main/core/tables/store';
import { POSSIBLE_DUPLICATE } from '../../src-main/core/reads/duplicate-sql';
import { compileQuery } from '../../src-main/core/reads/query-sql';
import { SORT_EXPRESSIONS } from '../../src-main/core/reads/sort-sql';
import { ftsQuery } from '../../src-main/core/reads/search-query';
import { VIEW_CONDITIONS } from '../../src-main/core/reads/view-filters';
import { tempDir } from './helpers';

let dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  dirs.forEach((dir) => dir.cleanup());
  dirs = [];
});
function newDatabase(): Database.Database {
  const dir = tempDir();
  dirs.push(dir);
  return openDatabase(dir.db());
}

const LEAD = {
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
};
const lead = (fields: Record<string, unknown>) => ({ ...LEAD, ...fields }) as unknown as EnvokeLead;

/** The store's own insert of a lead, counted and indexed as a pull writes it. */
function insert(store: Store, record: EnvokeLead, generation = 1): number {
  return store.pageTransaction(() =>
    store.leads.insertFromEnvoke(String(record.id), JSON.stringify(record), record, generation, 0),
  );
}

/** A lead from the first full pull, with an unsent change. */
function seedLeadWithUnsentChange(db: Database.Database): void {
  insert(new Store(db), lead({}));
  db.prepare(
    `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at)
     VALUES (1, 'update', '{"marketing_rating_status":"Passed to sales"}', '{}', 'pending', 0, 0, 0)`,
  ).run();
}

function planOf(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
    .map((row) => row.detail)
    .join(' | ');
}

function viewCounts(db: Database.Database): Record<string, number> {
  return Object.fromEntries(
    (
      db.prepare('SELECT view, count FROM view_counts WHERE count > 0').all() as {
        view: string;
        count: number;
      }[]
    ).map((row) => [row.view, row.count]),
  );
}

describe('the tables', () => {
  it('keep their rules: an outbox row needs its lead, states are a closed list', () => {
    const db = newDatabase();
    seedLeadWithUnsentChange(db);
    const change = (leadId: number, state: string) =>
      db
        .prepare(
          `INSERT INTO outbox (lead_id, kind, fields, state, next_attempt_at, created_at, updated_at)
           VALUES (?, 'update', '{}', ?, 0, 0, 0)`,
        )
        .run(leadId, state);
    expect(() => change(99, 'pending')).toThrow(/FOREIGN KEY/);
    expect(() => change(1, 'lost')).toThrow(/CHECK/);
    // A lead the outbox still refers to cannot be deleted by accident.
    expect(() => db.prepare('DELETE FROM leads WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
    // Unclaimed until a sync engine claims a change; the command log starts empty.
    expect(db.prepare('SELECT DISTINCT claimed_by FROM outbox').pluck().all()).toEqual([null]);
    expect(db.prepare('SELECT count(*) FROM command_log').pluck().get()).toBe(0);
    db.prepare(
      "INSERT INTO activity (lead_id, at, kind, message) VALUES (1, 0, 'edit', 'x')",
    ).run();
    expect(() => db.prepare("UPDATE activity SET delivery = 'lost' WHERE id = 1").run()).toThrow(
      /CHECK/,
    );
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
    db.close();
  });

  it('read lifecycle times and sources from what the person sees', () => {
    const db = newDatabase();
    seedLeadWithUnsentChange(db);
    db.prepare('UPDATE leads SET local_json = ? WHERE id = 1').run(
      JSON.stringify({
        ...LEAD,
        marketing_rating_status: 'Passed to sales',
        marketing_rating_time: '2026-10-02 08:00:00',
        marketing_source: 'Google',
        sale_time: 7,
      }),
    );
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
    db.close();
  });
});

describe('the indexes', () => {
  it('answer which cached leads a pull did not see from the index, not a scan', () => {
    const db = newDatabase();
    seedLeadWithUnsentChange(db);
    const unseen = `SELECT id FROM leads INDEXED BY leads_unseen
      WHERE envoke_id IS NOT NULL AND gone = 0 AND pull_generation < ?`;
    expect(db.prepare(unseen).pluck().all(2)).toEqual([1]);
    expect(db.prepare(unseen).pluck().all(1)).toEqual([]);
    expect(planOf(db, unseen.replace('?', '2'))).toBe(
      'SEARCH leads USING INDEX leads_unseen (pull_generation<?)',
    );
    // A lead flagged gone leaves the index: it is not asked about again.
    db.prepare('UPDATE leads SET gone = 1 WHERE id = 1').run();
    expect(db.prepare(unseen).pluck().all(2)).toEqual([]);
    db.close();
  });

  it('are what activity, the pipeline, the duplicates and the rating values read', () => {
    const db = newDatabase();
    expect(
      planOf(
        db,
        "SELECT id FROM activity WHERE lead_id = 1 AND delivery IN ('queued', 'failed', 'conflict')",
      ),
    ).toContain('activity_undelivered');
    expect(
      planOf(
        db,
        "SELECT count(*) FROM leads WHERE marketing_rating_status = 'Passed to sales' AND marketing_time >= '2026-10-01'",
      ),
    ).toContain('leads_passed_by_time');
    const duplicates = planOf(db, `SELECT count(*) FROM leads WHERE ${POSSIBLE_DUPLICATE}`);
    expect(duplicates).toContain('COVERING INDEX leads_by_email_nocase');
    expect(duplicates).toContain('COVERING INDEX leads_by_name_company');
    expect(duplicates).not.toMatch(/SCAN leads(?! USING COVERING)/);
    expect(
      planOf(
        db,
        "SELECT marketing_rating, count(*) FROM leads WHERE marketing_rating <> '' GROUP BY 1",
      ),
    ).toContain('COVERING INDEX leads_marketing_ratings');
    expect(
      planOf(db, "SELECT sales_rating, count(*) FROM leads WHERE sales_rating <> '' GROUP BY 1"),
    ).toContain('COVERING INDEX leads_sales_ratings');
    db.close();
  });

  it('read a page of each sort in order, never sorting every lead first', () => {
    const db = newDatabase();
    for (const [key, expression] of Object.entries(SORT_EXPRESSIONS))
      for (const direction of ['ASC', 'DESC']) {
        const plan = planOf(
          db,
          `SELECT id FROM leads WHERE 1 ORDER BY ${expression} ${direction}, id ${direction} LIMIT 10`,
        );
        expect(plan, `${key} ${direction}`).toMatch(/USING (COVERING )?INDEX/);
        expect(plan, `${key} ${direction}`).not.toContain('TEMP B-TREE');
      }
    expect(
      planOf(
        db,
        `SELECT id FROM leads WHERE ${VIEW_CONDITIONS['sales-unprocessed']} ORDER BY sort_key DESC, id DESC LIMIT 50`,
      ),
    ).toContain('leads_view_sales_new');
    db.close();
  });
});

describe('search, facets and folded text, written with each lead', () => {
  it('finds a lead by words and prefixes of its name, company, email, notes, what the contact wrote and custom values', () => {
    const db = newDatabase();
    const store = new Store(db);
    insert(store, lead({}));
    const second = insert(
      store,
      lead({
        id: '502',
        create_time: '2026-10-02 10:00:00',
        business_unit: 'B2B Widgets',
        marketing_rating_note: '',
        contact: {
          email: 'john@api-testing.example',
          feedback: "Hello. I'm interested in buying many of your widgets",
          consent_status: 'Implied - No Expiry',
          custom_fields: { widget_name: 'Gold Deluxe Model 5X33' },
          interests: ['Business Products'],
        },
      }),
    );
    const search = (text: string) =>
      db
        .prepare('SELECT rowid FROM lead_search WHERE lead_search MATCH ?')
        .pluck()
        .all(ftsQuery(text));
    expect(search('a')).toEqual([1, 2]);
    expect(search('pa')).toEqual([1]);
    expect(search('jane@acme')).toEqual([1]);
    expect(search('"Roe" (acme')).toEqual([1]);
    expect(search('nobody')).toEqual([]);
    expect(search('jane@nowhere')).toEqual([]);
    expect(search('widgets')).toEqual([1, second]);
    expect(search('deluxe')).toEqual([second]);
    const facet = (match: string) =>
      db.prepare('SELECT rowid FROM lead_facets WHERE lead_facets MATCH ?').pluck().all(match);
    expect(facet('"saidxwidgets"')).toEqual([second]);
    expect(facet('"customxwidgetnamexgold"')).toEqual([second]);
    expect(facet('"unitxb2b"')).toEqual([second]);
    expect(facet('"interestxbusiness" AND "interestxproducts"')).toEqual([second]);
    expect(facet('"consentximpliednoexpiry"')).toEqual([second]);
    // A lead without a consent is "not provided", as Envoke makes a new contact.
    expect(facet('"consentxnotprovided"')).toEqual([1]);
    db.close();
  });

  it('keeps folded copies of text that is not ASCII, searches it folded, and counts a company term from its index', () => {
    const db = newDatabase();
    const store = new Store(db);
    const wide = lead({
      id: '502',
      marketing_source: 'Événement',
      marketing_rating_note: 'Lieferung an die Straße',
      contact: {
        first_name: 'Jörg',
        last_name: 'Müller',
        company: 'ＦＵＬＬ GmbH',
        email: 'j@x.example',
      },
    });
    const id = insert(store, wide);
    expect(db.prepare('SELECT * FROM lead_folded_text ORDER BY id').all()).toEqual([
      {
        id,
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
    expect(find('full')).toEqual([id]);
    expect(find('strasse')).toEqual([id]);
    expect(find('JÖRG')).toEqual([id]);

    const company = compileQuery(parseQuery('company:full'));
    const count = planOf(
      db,
      `SELECT count(*) FROM (SELECT 1 FROM leads WHERE ${company.where.replaceAll('?', "'%full%'")} LIMIT 1001)`,
    );
    expect(count).toContain('SCAN leads USING COVERING INDEX leads_by_company_nocase');
    expect(count).not.toMatch(/SCAN leads(?! USING COVERING)/);

    // A lead written again with ASCII text has no copy, written back it has, deleted none.
    const ascii = lead({
      ...wide,
      marketing_source: 'Event',
      contact: { first_name: 'Jorg', last_name: 'Muller', company: 'Full', email: 'j@x.example' },
    });
    const copyOf = () => db.prepare('SELECT company FROM lead_folded_text WHERE id = ?').pluck();
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

describe('the counts kept with every write', () => {
  it('views: triggers follow updates and deletes; the store counts what it inserts with its transaction', () => {
    const db = newDatabase();
    const store = new Store(db);
    insert(store, lead({}));
    expect(viewCounts(db)).toEqual({ all: 1, 'marketing-unprocessed': 1 });
    db.prepare(
      "UPDATE leads SET marketing_rating_status = 'Passed to sales', sync_state = 'pending' WHERE id = 1",
    ).run();
    // Passed to sales with no sales status yet: Sales: new holds it too.
    expect(viewCounts(db)).toEqual({
      all: 1,
      'passed-to-sales': 1,
      'sales-unprocessed': 1,
      pending: 1,
    });
    db.prepare("UPDATE leads SET sales_rating_status = 'Contact attempted' WHERE id = 1").run();
    expect(viewCounts(db)).toEqual({ all: 1, 'passed-to-sales': 1, pending: 1 });

    store.pageTransaction(() => {
      store.leads.insertFromEnvoke('601', '{}', lead({ id: '601', sale: 'Yes' }), 1, 0);
      store.leads.insertFromEnvoke('602', '{}', lead({ id: '602', sale: 'None' }), 1, 0);
    });
    expect(viewCounts(db)).toEqual({
      all: 3,
      'marketing-unprocessed': 2,
      'passed-to-sales': 1,
      pending: 1,
      won: 1,
    });
    // A failing transaction takes its leads and their counts with it.
    expect(() =>
      store.transaction(() => {
        store.leads.insertFromEnvoke('603', '{}', lead({ id: '603', sale: 'Yes' }), 1, 0);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    // A failing nested one only its own: the outer one's lead stays counted.
    store.transaction(() => {
      store.leads.insertFromEnvoke('604', '{}', lead({ id: '604', sale: 'None' }), 1, 0);
      try {
        store.transaction(() => {
          store.leads.insertFromEnvoke('605', '{}', lead({ id: '605', sale: 'Yes' }), 1, 0);
          throw new Error('refused');
        });
      } catch {
        // The outer transaction goes on without the inner one's lead.
      }
    });
    expect(viewCounts(db)).toMatchObject({ all: 4, 'marketing-unprocessed': 3, won: 1 });
    store.transaction(() => store.leads.delete(2));
    expect(viewCounts(db)).toMatchObject({ all: 3, 'marketing-unprocessed': 2 });
    expect(viewCounts(db).won).toBeUndefined();
    db.close();
  });

  it('pipeline days: follow updates, deletes and inserts, a lead inserted and changed in one transaction included', () => {
    const db = newDatabase();
    const store = new Store(db);
    insert(store, lead({}));
    const kept = () =>
      db
        .prepare(
          'SELECT step, day, salesperson, count FROM pipeline_days WHERE count > 0 ORDER BY 1, 2, 3',
        )
        .all();
    expect(kept()).toEqual([{ step: 'new', day: '2026-10-01', salesperson: '', count: 1 }]);

    const passed = (id: string, day: string) =>
      lead({
        id,
        salesperson: 'Sam Lee',
        marketing_rating_status: 'Passed to sales',
        marketing_rating_time: `${day} 09:00:00`,
      });
    store.pageTransaction(() => {
      const first = passed('601', '2026-10-02');
      const id = store.leads.insertFromEnvoke('601', JSON.stringify(first), first, 1, 0);
      // Changed in the transaction that inserted it: counted as it ends up, once.
      const later = passed('601', '2026-10-05');
      store.leads.writeServer(id, JSON.stringify(later), later, null, 'synced', 1, 0);
      const second = passed('602', '2026-10-03');
      store.leads.insertFromEnvoke('602', JSON.stringify(second), second, 1, 0);
    });
    const recount = () =>
      db
        .prepare(
          `SELECT 'new' AS step, substr(sort_key, 1, 10) AS day, salesperson, count(*) AS count
           FROM leads GROUP BY 2, 3
           UNION ALL
           SELECT 'passed', substr(marketing_time, 1, 10), salesperson, count(*)
           FROM leads WHERE marketing_rating_status = 'Passed to sales' GROUP BY 2, 3
           ORDER BY 1, 2, 3`,
        )
        .all();
    expect(kept()).toEqual(recount());
    expect(kept()).toContainEqual({
      step: 'passed',
      day: '2026-10-05',
      salesperson: 'Sam Lee',
      count: 1,
    });
    // An update of the person's copy moves the lead's day; a delete takes it away.
    const moved = passed('601', '2026-10-07');
    store.transaction(() =>
      store.leads.writeServer(2, JSON.stringify(moved), moved, null, 'synced', 1, 0),
    );
    expect(kept()).toEqual(recount());
    store.transaction(() => store.leads.delete(3));
    expect(kept()).not.toContainEqual(expect.objectContaining({ day: '2026-10-03' }));
    expect(kept()).toEqual(recount());
    db.close();
  });
});
