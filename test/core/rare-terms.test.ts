/**
 * Which company or contact terms a page reads through their column's index first, on a real
 * SQLite file of 5,000 leads: a term many recent leads match keeps the walk in the sort's order,
 * a rare one (folded copies included) has its leads read from the index, a negated one never.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery } from '#contract/lead-query';
import { openDatabase } from '../../src-main/core/db/open-database';
import { rareTermMatches } from '../../src-main/core/reads/rare-terms';
import { tempDir } from './helpers';

const dir = tempDir();
let db: Database.Database;
const LEADS = 5_000;

beforeAll(() => {
  db = openDatabase(dir.db());
  const insert = db.prepare(
    `INSERT INTO leads (id, envoke_id, server_json, sort_key, contact_name, company, updated_at)
     VALUES (?, ?, '{}', '2026-10-01 10:00:00', ?, ?, 0)`,
  );
  db.transaction(() => {
    for (let id = 1; id <= LEADS; id += 1) {
      const company =
        id % 5 === 0
          ? 'Common Co'
          : id % 1000 === 1
            ? 'Rare Ltd'
            : id === 17
              ? 'ÜBER GmbH'
              : 'Other';
      insert.run(id, String(id), `Person ${id}`, company);
    }
    // The one folded copy the store would write for ÜBER GmbH.
    db.prepare("INSERT INTO lead_folded_text (id, company) VALUES (17, 'über gmbh')").run();
  })();
});
afterAll(() => {
  db.close();
  dir.cleanup();
});

const matches = (text: string) => {
  const found = rareTermMatches((sql) => db.prepare(sql), parseQuery(text));
  return [...found.values()];
};

describe('rare company and contact terms', () => {
  it('a term many recent leads match keeps the walk', () => {
    expect(matches('company:common')).toEqual([]);
    expect(matches('contact:person')).toEqual([]);
  });

  it('a rare term has its leads read from the index, folded copies included', () => {
    expect(matches('company:rare')).toEqual([[1, 1001, 2001, 3001, 4001]]);
    expect(matches('company:über')).toEqual([[17]]);
    expect(matches('company:nowhere')).toEqual([[]]);
    expect(matches('status:passed company:rare contact:common')).toEqual([
      [1, 1001, 2001, 3001, 4001],
      [],
    ]);
  });

  it('a negated term, or another field, is never read this way', () => {
    expect(matches('-company:rare')).toEqual([]);
    expect(matches('email:rare status:new')).toEqual([]);
  });
});
