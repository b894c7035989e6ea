/**
 * Issue 8, point 7: every command's JSON arrives whole through a pipe, however large, even when
 * the reader is slow to start. Before, the process exited with output still queued and the
 * reader got the first 64 or 128 KB.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir, TEST_DB_KEY } from '../core/helpers';
import { cli } from './cli-process';

let sim: RunningSimulator;
const dir = tempDir();
const db = dir.db();

beforeAll(async () => {
  sim = await startSim({ leads: 1500 });
  const core = openCore(db, clientFor(sim));
  await core.syncOnce('pull');
  await core.close();
});

afterAll(async () => {
  await sim.stop();
  dir.cleanup();
});

describe('output through a pipe', () => {
  it('delivers a 500-lead list whole to a slow reader', async () => {
    const run = await cli(['list', '--view', 'all', '--limit', '500', '--db', db], {
      readerDelayMs: 400,
    });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(200_000);
    const rows = JSON.parse(run.stdout) as { id: number }[];
    expect(rows).toHaveLength(500);
  });

  it('delivers a large export whole to a slow reader', async () => {
    const run = await cli(['export', '--view', 'all', '--db', db], { readerDelayMs: 400 });
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(500_000);
    expect(JSON.parse(run.stdout)).toHaveLength(1500);
  });

  it('reads as JSON through `npm run cli` as the README writes it: no npm banner on stdout', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', 'cli', '--', 'list', '--view', 'all', '--limit', '500', '--db', db],
      {
        cwd: root,
        maxBuffer: 64 * 2 ** 20,
        env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex') },
      },
    );
    expect(JSON.parse(stdout)).toHaveLength(500);
  });
});
