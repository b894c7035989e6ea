/**
 * The CLI reads the lead query language: `list --query "…" --sort company` lists the query's
 * leads in that order, `export --query` streams them, and a wrong term or sort is a usage error
 * naming it, before the database is touched.
 */
import { parse } from 'csv-parse/sync';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { cli } from './cli-process';

const dir = tempDir();
const db = dir.db();
let passedIds: number[] = [];

beforeAll(async () => {
  const sim = await startSim({ leads: 150, seed: 3 });
  const core = openCore(db, clientFor(sim));
  await core.syncOnce('pull');
  passedIds = (await core['query:ids']({ query: 'status:passed', sort: 'company' })).ids;
  await core.close();
  await sim.stop();
}, 60_000);
afterAll(() => dir.cleanup());

describe('list --query', () => {
  it('lists the leads of the query in the sort asked', async () => {
    const run = await cli([
      'list',
      '--query',
      'status:passed',
      '--sort',
      'company',
      '--limit',
      '500',
      '--db',
      db,
    ]);
    expect(run.stderr).toBe('');
    const rows = JSON.parse(run.stdout) as {
      id: number;
      company: string;
      marketing_rating_status: string;
    }[];
    expect(passedIds.length).toBeGreaterThan(5);
    expect(rows.map((row) => row.id)).toEqual(passedIds);
    expect(rows.every((row) => row.marketing_rating_status === 'Passed to sales')).toBe(true);
    const companies = rows.map((row) => row.company.toLowerCase());
    expect(companies).toEqual([...companies].sort());
  });

  it('export --query writes the same leads as CSV with a byte order mark', async () => {
    const run = await cli([
      'export',
      '--query',
      'status:passed sort:company',
      '--format',
      'csv',
      '--db',
      db,
    ]);
    expect(run.stdout.startsWith('\uFEFF')).toBe(true);
    const records = parse(run.stdout, { columns: true, bom: true }) as { id: string }[];
    expect(records.map((record) => Number(record.id))).toEqual(passedIds);
  });

  it.each([
    [
      ['list', '--query', 'staus:passed'],
      "lead-triage: --query: Unknown field 'staus' — did you mean status?",
    ],
    [
      ['list', '--query', 'status:x', '--view', 'won'],
      'lead-triage: Give --view or --query, not both',
    ],
    [
      ['list', '--query', 'status:new', '--sort', 'compny'],
      "lead-triage: --sort: Unknown sort 'compny' — did you mean company? Sorts: created, company, contact, rating, status-time, sales-time.",
    ],
  ])('%j is refused with one sentence', async (args, message) => {
    const missing = dir.db('never-created.db');
    const run = await cli([...args, '--db', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
    expect(existsSync(missing)).toBe(false);
  });
});
