/**
 * One triage change on one lead, durable when it answers (`leads:update`), beside the floor: a raw
 * one-row UPDATE in its own synchronous=FULL transaction. Each runs on its own copy of the cache
 * (so neither pays for the other's checkpoints), alternating the two.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { offlineCore } from './core-for-cache';
import { percentile, type Timing } from './timing';

export async function measureUpdate(
  cache: BenchCache,
  runs: number,
): Promise<{ project: Timing; raw: Timing }> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-update-'));
  const path = join(dir, 'cache.db');
  const rawPath = join(dir, 'raw.db');
  copyFileSync(cache.path, path);
  copyFileSync(cache.path, rawPath);
  const core = offlineCore(path);
  const raw = openBenchDatabase(rawPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const rawUpdate = raw.prepare('UPDATE leads SET marketing_rating = ? WHERE id = ?');
  const rawTxn = raw.transaction((value: string, id: number) => rawUpdate.run(value, id));
  const ids = raw.prepare('SELECT id FROM leads ORDER BY id LIMIT ?').pluck().all(runs) as number[];
  const project: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < ids.length; i += 1) {
      // Between keys the event loop turns, as it does between commands in the app (the core's
      // own threads report in then); not timed.
      await new Promise((resolve) => setImmediate(resolve));
      const value = i % 2 ? 'Hot' : 'Warm';
      let t = performance.now();
      await core['leads:update']({ ids: [ids[i]!], patch: { marketing_rating: value } });
      project.push(performance.now() - t);
      t = performance.now();
      rawTxn(value, ids[ids.length - 1 - i]!);
      floor.push(performance.now() - t);
    }
  } finally {
    raw.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const timing = (values: number[]): Timing => ({
    p50: percentile(values.slice(5), 0.5),
    p99: percentile(values.slice(5), 0.99),
    runs: values.length - 5,
  });
  return { project: timing(project), raw: timing(floor) };
}
