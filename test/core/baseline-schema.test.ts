/**
 * The baseline step creates exactly the schema a file had once the pre-release steps (0010 to
 * 0097) had all run: every table, column, index, trigger and full-text index with the same
 * definition, and the same seeded rows. `fixtures/schema-97.json` is that file's schema, dumped by
 * support/schema-dump.ts from a file the pre-release steps built (before they were folded into the
 * baseline). It also holds the baseline to what it creates from now on: the baseline is shipped,
 * and a change of schema is a new step after it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BASELINE_VERSION, LATEST_VERSION } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import { openKeyed, tempDir, TEST_DB_KEY } from './helpers';
import { schemaDump, type SchemaDump } from './support/schema-dump';

const PRE_RELEASE_SCHEMA = JSON.parse(
  readFileSync(new URL('fixtures/schema-97.json', import.meta.url), 'utf8'),
) as SchemaDump;

let dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  dirs.forEach((dir) => dir.cleanup());
  dirs = [];
});
function dbPath(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.db();
}

describe('the baseline schema', () => {
  it('is at the version the pre-release steps ended at', () => {
    expect(BASELINE_VERSION).toBe(97);
    expect(PRE_RELEASE_SCHEMA.userVersion).toBe(BASELINE_VERSION);
  });

  it('creates what the pre-release steps left, entry by entry, with the same seeded rows', () => {
    const db = openDatabase(dbPath(), { targetVersion: BASELINE_VERSION });
    const created = schemaDump(db);
    db.close();
    // Entry by entry first, so a difference names the table, index or trigger it is in.
    const byName = (dump: SchemaDump) =>
      Object.fromEntries(dump.entries.map((entry) => [entry.name, entry]));
    expect(byName(created)).toEqual(byName(PRE_RELEASE_SCHEMA));
    expect(created).toEqual(PRE_RELEASE_SCHEMA);
  });

  it('is what an encrypted cache is made with', () => {
    const path = dbPath();
    openDatabase(path, { key: TEST_DB_KEY }).close();
    const db = openKeyed(path, { readonly: true });
    const dump = schemaDump(db);
    db.close();
    if (LATEST_VERSION === BASELINE_VERSION) expect(dump).toEqual(PRE_RELEASE_SCHEMA);
    else expect(dump.userVersion).toBe(LATEST_VERSION);
    expect(dump.rows.view_counts).toEqual(PRE_RELEASE_SCHEMA.rows.view_counts);
  });
});
