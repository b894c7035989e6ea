/**
 * Issue 8, point 8: a script can read every lead of a synced cache. `export` streams all 20,000
 * as JSON or CSV (RFC 4180, UTF-8, safe to open in a spreadsheet); `list --after` pages through
 * them by the cursor printed on stderr, each lead exactly once.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { cli } from './cli-process';

const LEADS = 20_000;
let sim: RunningSimulator;
const dir = tempDir();
const db = dir.db();

interface Row {
  id: number;
  envokeId: string | null;
  contactName: string;
  company: string;
  [column: string]: unknown;
}

beforeAll(async () => {
  sim = await startSim({ leads: LEADS });
  const core = openCore(db, clientFor(sim));
  await core.syncOnce('pull');
  await core.close();
}, 120_000);

afterAll(async () => {
  await sim.stop();
  dir.cleanup();
});

describe('export', () => {
  it('writes every lead as one JSON array with the columns of list', async () => {
    const run = await cli(['export', '--view', 'all', '--format', 'json', '--db', db]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Row[];
    expect(rows).toHaveLength(LEADS);
    expect(new Set(rows.map((row) => row.id)).size).toBe(LEADS);
    const listed = JSON.parse((await cli(['list', '--limit', '3', '--db', db])).stdout) as Row[];
    expect(rows.slice(0, 3)).toEqual(listed);
  }, 60_000);

  it('writes every lead as CSV that a CSV parser reads back', async () => {
    const run = await cli(['export', '--view', 'all', '--format', 'csv', '--db', db]);
    expect(run.code).toBe(0);
    const records = parse(run.stdout, { columns: true, bom: true }) as Record<string, string>[];
    expect(records).toHaveLength(LEADS);
    expect(new Set(records.map((record) => record.id)).size).toBe(LEADS);
    expect(Object.keys(records[0]!)).toEqual([
      'id',
      'envokeId',
      'contactName',
      'company',
      'email',
      'createTime',
      'marketing_rating_status',
      'marketing_rating',
      'sales_rating_status',
      'sales_rating',
      'opportunity',
      'sale',
      'salesperson',
      'syncState',
      'goneFromEnvoke',
    ]);
  }, 60_000);

  it('exports one view and one search only', async () => {
    const won = JSON.parse((await cli(['export', '--view', 'won', '--db', db])).stdout) as Row[];
    const core: Core = openCore(db, clientFor(sim));
    try {
      const counts = await core['leads:counts']({});
      expect(won).toHaveLength(counts.won);
      const name = won[0]!.contactName.split(' ')[0]!;
      const found = JSON.parse(
        (await cli(['export', '--view', 'won', '--search', name, '--db', db])).stdout,
      ) as Row[];
      expect(found.length).toBeGreaterThan(0);
      expect(found.length).toBeLessThanOrEqual(won.length);
    } finally {
      await core.close();
    }
  }, 60_000);
});

describe('CSV cells', () => {
  it('quotes, keeps UTF-8 and defuses formulas', async () => {
    const file = dir.db('csv.db');
    const core = openCore(file, clientFor(sim));
    const tricky = [
      { firstName: 'Zoë', lastName: 'O"Brien, Jr', company: '=HYPERLINK("http://x.example")' },
      { firstName: '+1 555', lastName: 'Line\nBreak', company: '@SUM(A1)' },
      { firstName: '-2', lastName: 'Plain', company: 'Ñandú Ltd' },
    ];
    try {
      for (const [index, contact] of tricky.entries())
        await core['leads:create']({ email: `t${index}@example.com`, ...contact });
    } finally {
      await core.close();
    }
    const run = await cli(['export', '--format', 'csv', '--db', file]);
    expect(run.stdout).toContain('\r\n');
    // The byte order mark tells spreadsheet apps the file is UTF-8.
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const records = parse(run.stdout, { columns: true, bom: true }) as Record<string, string>[];
    const byEmail = new Map(records.map((record) => [record.email, record]));
    expect(byEmail.get('t0@example.com')).toMatchObject({
      contactName: 'Zoë O"Brien, Jr',
      company: `'=HYPERLINK("http://x.example")`,
    });
    expect(byEmail.get('t1@example.com')).toMatchObject({
      contactName: `'+1 555 Line\nBreak`,
      company: `'@SUM(A1)`,
    });
    expect(byEmail.get('t2@example.com')).toMatchObject({
      contactName: `'-2 Plain`,
      company: 'Ñandú Ltd',
    });
  });
});

describe('list --after', () => {
  it('pages through every lead once, the cursor on stderr', async () => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const run = await cli([
        'list',
        '--view',
        'all',
        '--limit',
        '500',
        ...(after === null ? [] : ['--after', after]),
        '--db',
        db,
      ]);
      expect(run.code).toBe(0);
      seen.push(...(JSON.parse(run.stdout) as Row[]).map((row) => row.id));
      after = /^next: (\S+)$/m.exec(run.stderr)?.[1] ?? null;
      pages += 1;
    } while (after !== null && pages < 100);
    expect(pages).toBe(LEADS / 500);
    expect(seen).toHaveLength(LEADS);
    expect(new Set(seen).size).toBe(LEADS);
  }, 240_000);

  it('refuses a cursor it did not print', async () => {
    const run = await cli(['list', '--after', 'not-a-cursor', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--after takes the word printed after "next:"/);
  });
});
