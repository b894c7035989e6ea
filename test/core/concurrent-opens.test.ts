/**
 * Three processes open one unencrypted cache of an older schema (as a build before encryption
 * left it, a step behind this one) at the same moment, round after round: two command lines
 * (which take the cache's session lock) and one bare opener (as an older Lead Triage without that
 * lock would). The file is converted and migrated once, under the opening lock; every process
 * either opens it or says plainly that it is busy, never "key lost", never an I/O error, never a
 * step run twice ("duplicate column", "already exists"); and the outbox comes through whole.
 */
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPlainDatabaseFile } from '../../src-main/core/db/encryption';
import { BASELINE_VERSION, LATEST_VERSION } from '../../src-main/core/db/migrations';
import { openDatabase } from '../../src-main/core/db/open-database';
import { openKeyed, tempDir, TEST_DB_KEY } from './helpers';
import { bundleScripts } from './support/bundle-scripts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 20;
const UNSENT = 12;
const BUSY = /is in use by|Another Lead Triage is updating/;

const dir = tempDir();
// Sixty processes: bundled once, each starts in a moment.
let scripts: Awaited<ReturnType<typeof bundleScripts<'cli' | 'opener'>>>;
beforeAll(async () => {
  scripts = await bundleScripts({
    cli: 'src-main/cli/main.ts',
    opener: 'test/core/support/open-child.ts',
  });
}, 60_000);
afterAll(() => {
  scripts?.cleanup();
  dir.cleanup();
});

/**
 * An unencrypted cache at the baseline schema, so opening it both converts it and runs the steps
 * after the baseline: leads, and changes not sent yet.
 */
function oldPlainCache(path: string): void {
  const db = openDatabase(path, { targetVersion: BASELINE_VERSION });
  const insertLead = db.prepare(
    `INSERT INTO leads (id, envoke_id, server_json, sort_key, marketing_rating_status, updated_at)
     VALUES (?, ?, ?, '2026-10-01 10:00:00', 'Unprocessed', 0)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO outbox (lead_id, kind, fields, base, state, next_attempt_at, created_at, updated_at)
     VALUES (?, 'update', ?, '{"sale_note":""}', 'pending', 0, 0, 0)`,
  );
  db.transaction(() => {
    for (let id = 1; id <= 400; id += 1) {
      const lead = { id: String(7000 + id), create_time: '2026-10-01 10:00:00' };
      insertLead.run(
        id,
        lead.id,
        JSON.stringify({ ...lead, contact: { email: `p${id}@x.example` } }),
      );
      if (id <= UNSENT) insertChange.run(id, JSON.stringify({ sale_note: `unsent ${id}` }));
    }
  })();
  db.close();
}

interface Outcome {
  who: string;
  code: number | null;
  out: string;
  err: string;
}

function run(who: string, args: string[]): Promise<Outcome> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ who, code, out, err })));
}

function unsentAfter(path: string): { version: number; rows: unknown[] } {
  const db = openKeyed(path, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      rows: db
        .prepare("SELECT lead_id, fields, state FROM outbox WHERE state = 'pending' ORDER BY id")
        .all(),
    };
  } finally {
    db.close();
  }
}

describe('three processes opening one old unencrypted cache at once', () => {
  it(`${ROUNDS} rounds: each opens it or says it is busy, and the outbox is intact`, async () => {
    const template = dir.db('template.db');
    oldPlainCache(template);
    // Something to migrate, or the rounds would race the conversion alone.
    expect(BASELINE_VERSION).toBeLessThan(LATEST_VERSION);
    const expected = Array.from({ length: UNSENT }, (_, index) => ({
      lead_id: index + 1,
      fields: JSON.stringify({ sale_note: `unsent ${index + 1}` }),
      state: 'pending',
    }));
    const told: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const path = dir.db(`round-${round}.db`);
      copyFileSync(template, path);
      expect(isPlainDatabaseFile(path)).toBe(true);
      const outcomes = await Promise.all([
        run('cli 1', [scripts.files.cli, 'outbox', '--db', path]),
        run('opener', [scripts.files.opener, path]),
        run('cli 2', [scripts.files.cli, 'outbox', '--db', path]),
      ]);
      for (const { who, code, out, err } of outcomes) {
        const said = `round ${round}, ${who}: ${code} ${out.slice(0, 300)} ${err}`;
        if (code === 0) {
          if (who === 'opener') expect(out, said).toBe(`opened ${UNSENT}\n`);
          else expect(JSON.parse(out), said).toHaveLength(UNSENT);
        } else {
          // Busy is the only acceptable refusal, in one line.
          const sentence = who === 'opener' ? out : err;
          expect(sentence.trim().split('\n'), said).toHaveLength(1);
          expect(sentence, said).toMatch(BUSY);
          told.push(sentence.trim());
        }
      }
      expect(isPlainDatabaseFile(path), `round ${round}`).toBe(false);
      expect(unsentAfter(path), `round ${round}`).toEqual({
        version: LATEST_VERSION,
        rows: expected,
      });
    }
    // Said, if anything: that another Lead Triage was busy with it.
    for (const sentence of told)
      expect(sentence).not.toMatch(/key|I\/O|readonly|duplicate|already exists/i);
  }, 240_000);
});
