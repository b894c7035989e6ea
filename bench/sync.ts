/**
 * A full sync of the simulator's leads into an empty cache, side by side with the raw baseline
 * (fetch + insert, nothing else) in the same run, alternating.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import { BENCH_DB_KEY } from './bench-key';
import { measure, median, type RunFigures } from './measure';
import { rawFetchAndInsert } from './raw-baseline';
import { account, basicAuth, startSimulatorProcess } from './simulator-process';

async function realSync(url: string, dbPath: string): Promise<number> {
  const core = createCore({
    dbPath,
    dbKey: BENCH_DB_KEY,
    envoke: createEnvokeClient({ baseUrl: url, ...account }),
  });
  try {
    await core.syncOnce('pull');
    return (await core['leads:counts']({})).all;
  } finally {
    await core.close();
  }
}

/** One run in a few words; the stall per round shows whether a worst case is a cold start. */
function brief(run: RunFigures): string {
  return `${Math.round(run.leadsPerSecond)}/s, stall ${run.worstStallMs.toFixed(0)} ms, peak RSS ${Math.round(run.peakRssMb)} MB`;
}

export interface SyncFigures {
  leads: number;
  raw: RunFigures[];
  sync: RunFigures[];
  /** Sync throughput over raw throughput. */
  ratio: number;
}

export async function measureSync(leads: number, rounds: number): Promise<SyncFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-'));
  const { url, child } = await startSimulatorProcess(leads);
  const raw: RunFigures[] = [];
  const sync: RunFigures[] = [];
  try {
    for (let round = 1; round <= rounds; round += 1) {
      raw.push(
        await measure(() => rawFetchAndInsert(url, basicAuth, join(dir, `raw-${round}.db`))),
      );
      sync.push(await measure(() => realSync(url, join(dir, `sync-${round}.db`))));
      console.log(`  sync round ${round}: raw ${brief(raw.at(-1)!)}; sync ${brief(sync.at(-1)!)}`);
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  const ratio =
    median(sync.map((r) => r.leadsPerSecond)) / median(raw.map((r) => r.leadsPerSecond));
  return { leads, raw, sync, ratio };
}
