/**
 * Crash cycles where the writes are the cache's own: a full pull killed mid-page, and the opening
 * of an old cache (encrypting it in place, then any schema step after the baseline) killed
 * mid-way. After each kill the file must be sound and, once the work is let finish, hold exactly
 * what it should: every lead of Envoke once, the person's unsent changes untouched, every outbox
 * row of the old file carried over.
 */
import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainDatabaseFile } from '../../src-main/core/db/encryption';
import { BASELINE_VERSION, LATEST_VERSION } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import { Store } from '../../src-main/core/tables/store';
import { parseLead } from '../../src-main/core/envoke';
import { clientFor, openCore, openKeyed, startSim, tempDir, TEST_DB_KEY } from '../core/helpers';
import { fileHealth } from './support/checks';
import { killAfterMarker, killAfterRequests, startCli, startOpener } from './support/child';
import { cycles, recordFigure, rngFor, SEED, timeLimit, withSeed } from './support/settings';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function readRows<T>(dbPath: string, sql: string): T[] {
  const db = openKeyed(dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/**
 * A killed pull resumes after the last page it recorded: every lead before that point must be in
 * the file as this pull wrote it (its generation), or resuming would skip them. Answers the ids
 * that are not.
 */
function behindResumePoint(dbPath: string, envokeIdsInOrder: readonly string[]): string[] {
  const state = readRows<{ value: string }>(
    dbPath,
    "SELECT value FROM sync_state WHERE key = 'pullResume'",
  )[0];
  const resume =
    state === undefined
      ? null
      : (JSON.parse(state.value) as { generation: number; nextSkip: number } | null);
  if (resume === null) return [];
  const written = new Set(
    readRows<{ envoke_id: string }>(
      dbPath,
      `SELECT envoke_id FROM leads WHERE pull_generation >= ${Number(resume.generation)}`,
    ).map((row) => row.envoke_id),
  );
  return envokeIdsInOrder.slice(0, resume.nextSkip).filter((id) => !written.has(id));
}

const PULL_SUITE = 'crash cycles (pull)';
const PULL_CYCLES = cycles(8);

describe(PULL_SUITE, () => {
  it(
    `${PULL_CYCLES} full pulls killed mid-page, then one to the end: every lead once, unsent changes kept`,
    async () =>
      withSeed(PULL_SUITE, async () => {
        const rng = rngFor(PULL_SUITE);
        const dir = tempDir();
        cleanups.push(() => dir.cleanup());
        const sim = await startSim({ leads: 2500, seed: SEED % 1000 });
        cleanups.push(() => sim.stop());
        const dbPath = dir.db();

        // A first pull cut short, so the cache holds some leads the person changes offline.
        const core = openCore(dbPath, clientFor(sim));
        const first = startCli('pull', dbPath, sim);
        await killAfterRequests(first, sim, 6, 0);
        const mine = new Map<number, string>();
        const cached = readRows<{ id: number }>(dbPath, 'SELECT id FROM leads ORDER BY id');
        for (const { id } of cached.filter((_, index) => index % 97 === 0)) {
          const value = `kept through pulls ${SEED} ${id}`;
          await core['leads:update']({ ids: [id], patch: { sales_rating_note: value } });
          mine.set(id, value);
        }
        await core.close();
        expect(mine.size).toBeGreaterThan(0);

        const envokeIds = sim.store
          .all()
          .map((lead) => String(lead.id))
          .sort((a, b) => Number(a) - Number(b));
        let killed = 0;
        for (let cycle = 1; cycle <= PULL_CYCLES; cycle += 1) {
          const child = startCli('pull', dbPath, sim);
          // 25 pages and a few more requests: anywhere from the first page to the last.
          if (await killAfterRequests(child, sim, rng.between(1, 24), rng.between(0, 8)))
            killed += 1;
          expect(fileHealth(dbPath).integrity).toBe('ok');
          expect(
            behindResumePoint(dbPath, envokeIds),
            'leads before the resume point not written',
          ).toEqual([]);
        }
        const last = startCli('pull', dbPath, sim);
        expect((await last.exited).code, last.output()).toBe(0);

        const rows = readRows<{
          envoke_id: string;
          server_json: string;
          local_json: string | null;
          id: number;
        }>(dbPath, 'SELECT id, envoke_id, server_json, local_json FROM leads');
        const copies = new Map<string, number>();
        for (const row of rows) copies.set(row.envoke_id, (copies.get(row.envoke_id) ?? 0) + 1);
        const expected = sim.store.all().map((raw) => {
          const parsed = parseLead(raw);
          if (!parsed.ok) throw new Error(parsed.reason);
          return parsed.lead;
        });
        const byEnvokeId = new Map(rows.map((row) => [row.envoke_id, row]));
        const lost = expected.filter((lead) => !byEnvokeId.has(lead.id)).length;
        const duplicated = [...copies.values()].filter((count) => count > 1).length;
        const keptChanges = rows.filter(
          (row) =>
            mine.has(row.id) &&
            JSON.parse(row.local_json ?? '{}').sales_rating_note === mine.get(row.id),
        ).length;
        recordFigure(PULL_SUITE, {
          cycles: PULL_CYCLES,
          changes: expected.length + mine.size,
          lost: lost + (mine.size - keptChanges),
          duplicated,
        });

        expect(killed, 'kills that landed').toBeGreaterThanOrEqual(Math.ceil(PULL_CYCLES / 3));
        expect({ lost, duplicated, cached: rows.length }).toEqual({
          lost: 0,
          duplicated: 0,
          cached: expected.length,
        });
        for (const lead of expected)
          expect(JSON.parse(byEnvokeId.get(lead.id)!.server_json)).toEqual(lead);
        expect(keptChanges).toBe(mine.size);
        expect(fileHealth(dbPath)).toEqual({
          integrity: 'ok',
          open: [...mine.keys()].map(() => ({ state: 'pending', lastError: null })),
        });
      }),
    timeLimit(60_000, 10_000, PULL_CYCLES),
  );
});

const OPENING_SUITE = 'crash cycles (opening an old cache)';
const OPENING_CYCLES = cycles(8);
const OLD_LEADS = 20_000;

/** The columns each outbox row had in the old file, as they were (later steps add their own). */
const asBefore = (rows: object[], before: object[]) =>
  rows.map((row, index) =>
    Object.fromEntries(Object.entries(row).filter(([name]) => name in (before[index] ?? {}))),
  );

/**
 * A cache as a build before encryption left it: many leads (written and indexed by today's
 * store, as a pull writes them), unsent changes among them, not encrypted.
 */
function buildOldFile(path: string): { outbox: object[] } {
  const db = openDatabase(path);
  const store = new Store(db);
  const insertChange = db.prepare(
    `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at)
     VALUES (?, 'update', ?, '{"sale_note":""}', 'pending', 0, 0, 0)`,
  );
  store.pageTransaction(() => {
    for (let id = 1; id <= OLD_LEADS; id += 1) {
      const lead = {
        id: String(5000 + id),
        create_time: '2026-10-01 10:00:00',
        marketing_rating_status: 'Unprocessed',
        marketing_rating_note: `asked about pallets, order ${id}`,
        contact: {
          first_name: 'Jane',
          last_name: `Roe${id}`,
          company: 'Acme Widgets',
          email: `jane${id}@acme.example`,
        },
      };
      store.leads.insertFromEnvoke(lead.id, JSON.stringify(lead), lead, 1, 0);
      if (id % 500 === 0) insertChange.run(id, JSON.stringify({ sale_note: `unsent ${id}` }));
    }
  });
  const outbox = db.prepare('SELECT * FROM outbox ORDER BY id').all() as object[];
  db.close();
  return { outbox };
}

/**
 * Integrity and version of the file as it is, plain or encrypted. Opened for writing, as any
 * program opening it would be: a kill while the new encrypted file switched to its write-ahead
 * log leaves a hot rollback journal beside it, which SQLite rolls back on opening (a read-only
 * connection refuses the file instead: SQLITE_READONLY_ROLLBACK).
 */
function onDisk(path: string): { plain: boolean; integrity: string; version: number } {
  const plain = isPlainDatabaseFile(path);
  const db = plain ? new Database(path) : openKeyed(path);
  try {
    return {
      plain,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } finally {
    db.close();
  }
}

describe(OPENING_SUITE, () => {
  it(
    `${OPENING_CYCLES} opens of an old unencrypted cache killed mid-way: each file is the old one or the new one, never between`,
    async () =>
      withSeed(OPENING_SUITE, async () => {
        const rng = rngFor(OPENING_SUITE);
        const dir = tempDir();
        cleanups.push(() => dir.cleanup());
        const base = dir.db('old.db');
        const { outbox } = buildOldFile(base);
        // Written by today's store (the old file's only difference is being unencrypted).
        const builtAt = onDisk(base).version;

        // How long opening it takes here (encrypting it, then any step after the baseline), so
        // kills spread over it and past it (a child starting cold takes longer): some land before
        // the encrypted copy replaces the old file, some after.
        const timed = dir.db('timed.db');
        copyFileSync(base, timed);
        const started = performance.now();
        openDatabase(timed, { key: TEST_DB_KEY }).close();
        const openingMs = Math.max(20, performance.now() - started);

        let killed = 0;
        let carried = 0;
        let lost = 0;
        for (let cycle = 1; cycle <= OPENING_CYCLES; cycle += 1) {
          const path = dir.db(`cycle-${cycle}.db`);
          copyFileSync(base, path);
          const child = startOpener(path);
          const wasKilled = await killAfterMarker(child, 'opening', rng.next() * 2 * openingMs);

          // Killed: the file is the old one untouched, or encrypted whole (at the baseline, or
          // with every step after it).
          const state = onDisk(path);
          expect(state.integrity).toBe('ok');
          expect([BASELINE_VERSION, LATEST_VERSION]).toContain(state.version);
          if (state.plain) expect(state.version).toBe(builtAt);
          // Killed before the conversion's rename made the encrypted file the cache.
          if (wasKilled && state.plain) killed += 1;

          // Opened again, it is finished with everything in it.
          const db = openDatabase(path, { key: TEST_DB_KEY });
          const leads = db.prepare('SELECT count(*) FROM leads').pluck().get();
          const found = db
            .prepare("SELECT rowid FROM lead_search WHERE lead_search MATCH 'roe12345'")
            .pluck()
            .all();
          const rows = db.prepare('SELECT * FROM outbox ORDER BY id').all() as object[];
          const version = db.pragma('user_version', { simple: true });
          db.close();
          expect(isPlainDatabaseFile(path)).toBe(false);
          expect({ leads, found, version }).toEqual({
            leads: OLD_LEADS,
            found: [12345],
            version: LATEST_VERSION,
          });
          expect(asBefore(rows, outbox)).toEqual(outbox);
          carried += rows.length;
          lost += outbox.length - rows.length;
        }
        recordFigure(OPENING_SUITE, {
          cycles: OPENING_CYCLES,
          changes: carried,
          lost,
          duplicated: 0,
        });
        expect(killed, 'kills that landed mid-way').toBeGreaterThan(OPENING_CYCLES / 4);
      }),
    timeLimit(60_000, 8_000, OPENING_CYCLES),
  );
});
