/**
 * One triage change on one lead, durable when it answers (`leads:update` on the core alone),
 * beside the floor: a raw one-row UPDATE in its own synchronous=FULL transaction on a connection
 * with the same key. Each runs on its own copy of the cache (so neither pays for the other's
 * checkpoints), in turns, one call each, on a different lead every time.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import { openCoreAlone } from './app-core';
import { openBenchDatabase } from './bench-key';
import type { BenchCache } from './cache';
import { sizeName, type BenchContext } from './context';
import { interleave } from './interleave';
import type { Row } from './report';
import { ratioText, timingText, verdict, type Timing } from './timing';

export const UPDATE_GOAL = 2;
const WARMUP = 5;

export async function measureUpdate(cache: BenchCache, ctx: BenchContext): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-update-'));
  const path = join(dir, 'cache.db');
  const rawPath = join(dir, 'raw.db');
  copyFileSync(cache.path, path);
  copyFileSync(cache.path, rawPath);
  const core = openCoreAlone(path);
  const raw = openBenchDatabase(rawPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const rawUpdate = raw.prepare('UPDATE leads SET marketing_rating = ? WHERE id = ?');
  const rawTxn = raw.transaction((value: string, id: number) => rawUpdate.run(value, id));
  const ids = raw
    .prepare('SELECT id FROM leads ORDER BY id LIMIT ?')
    .pluck()
    .all(ctx.sampling.samples + WARMUP) as number[];
  const value = (i: number) => (i % 2 ? 'Hot' : 'Warm');
  try {
    const { timings, load } = await interleave(
      [
        {
          call: (i) =>
            core.call('leads:update', { ids: [ids[i]!], patch: { marketing_rating: value(i) } }),
        },
        { call: (i) => rawTxn(value(i), ids[ids.length - 1 - i]!) },
      ],
      // One call of each side per round: the finest turns there are.
      {
        ...ctx.sampling,
        rounds: ctx.sampling.samples,
        warmup: WARMUP,
        before: () => turn(),
      },
    );
    const [project, floor] = timings as [Timing, Timing];
    const ratio = project.p99 / floor.p99;
    return [
      {
        figure: `triage update, one lead, durable, p99, ${sizeName(cache.leads)}`,
        project: timingText(project),
        baseline: `raw UPDATE txn: ${timingText(floor)}`,
        ratio: ratioText(ratio),
        goal: `≤ ${UPDATE_GOAL}x on a quiet machine`,
        met: verdict(ratio, (r) => r <= UPDATE_GOAL),
        load: load.text(),
      },
    ];
  } finally {
    raw.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
