/**
 * A full sync of the simulator's leads into an empty cache (the core alone, `syncOnce('pull')`),
 * beside the raw baseline (fetch + insert, nothing else, same key), in turns over the rounds,
 * against a simulator answering at once or after a latency per request (a real link: the first
 * sync of a salesperson runs over the internet, not loopback).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCoreAlone } from './app-core';
import { sizeName, type BenchContext } from './context';
import { interleaveRuns } from './interleave';
import { measure, median, type RunFigures } from './measure';
import { rawFetchAndInsert } from './raw-baseline';
import type { Row } from './report';
import { basicAuth, startSimulatorProcess } from './simulator-process';
import { ratioText, verdict } from './timing';

async function realSync(url: string, dbPath: string): Promise<number> {
  const core = openCoreAlone(dbPath, { envokeUrl: url });
  try {
    await core.syncOnce('pull');
    return (await core.call('leads:counts', {})).all;
  } finally {
    await core.close();
  }
}

/** One run in a few words; the stall per round shows whether a worst case is a cold start. */
function brief(run: RunFigures): string {
  return `${Math.round(run.leadsPerSecond)}/s, stall ${run.worstStallMs.toFixed(0)} ms, peak RSS ${Math.round(run.peakRssMb)} MB`;
}

export interface SyncCase {
  leads: number;
  latencyMs: number;
  /** Sync throughput over raw throughput. */
  goal: number;
}

export async function measureSync(sync: SyncCase, ctx: BenchContext): Promise<Row[]> {
  const { leads, latencyMs, goal } = sync;
  const at = sizeName(leads);
  ctx.log(`full sync of ${at} leads, ${latencyMs} ms a request…`);
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-sync-'));
  const { url, child } = await startSimulatorProcess(leads, ['--latency', String(latencyMs)]);
  try {
    const { results, load } = await interleaveRuns(
      [
        (round) => measure(() => rawFetchAndInsert(url, basicAuth, join(dir, `raw-${round}.db`))),
        (round) => measure(() => realSync(url, join(dir, `sync-${round}.db`))),
      ],
      ctx.rounds,
      (round, [raw, core]) =>
        ctx.log(`  sync round ${round + 1}: raw ${brief(raw!)}; sync ${brief(core!)}`),
    );
    const [raw, core] = results as [RunFigures[], RunFigures[]];
    for (const run of [...raw, ...core])
      if (run.leads !== leads) throw new Error(`a sync brought ${run.leads} leads, not ${leads}`);
    const rate = (runs: RunFigures[]) => median(runs.map((run) => run.leadsPerSecond));
    const ratio = rate(core) / rate(raw);
    return [
      {
        figure: `full sync, ${at}, ${latencyMs} ms a request, vs serial raw fetch+insert`,
        project: `${Math.round(rate(core))} leads/s (median of ${core.length})`,
        baseline: `raw: ${Math.round(rate(raw))} leads/s`,
        ratio: ratioText(ratio),
        goal: `≥ ${goal}x throughput`,
        met: verdict(ratio, (r) => r >= goal),
        load: load.text(),
      },
    ];
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
