/**
 * The serving thread's worst stall during a full sync, with the core in its worker (as the apps
 * run it) beside the same sync with the core on that thread (the core's own stall: what every
 * window froze for before), in turns over the rounds. Each syncs the same simulator's leads into
 * an empty cache, through the session the apps start, until its first full pull is done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openThroughApp } from './app-core';
import { sizeName, type BenchContext } from './context';
import { interleaveRuns } from './interleave';
import { measure, type RunFigures } from './measure';
import type { Row } from './report';
import { startSimulatorProcess } from './simulator-process';
import { ratioText } from './timing';

async function syncWith(
  url: string,
  dbPath: string,
  coreIn: 'worker' | 'process',
): Promise<RunFigures> {
  const app = await openThroughApp(dbPath, { envokeUrl: url, coreIn });
  try {
    // Opening starts background sync: measured until its first full pull is done.
    return await measure(async () => {
      for (;;) {
        const status = await app.call('sync:status', {});
        if (status.lastSyncAt !== null) return (await app.call('leads:counts', {})).all;
        await sleep(100);
      }
    });
  } finally {
    await app.close();
  }
}

export async function measureThreadStall(leads: number, ctx: BenchContext): Promise<Row[]> {
  const at = sizeName(leads);
  ctx.log(`the serving thread during a ${at} sync, core in its worker and on the thread…`);
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-thread-'));
  const { url, child } = await startSimulatorProcess(leads);
  try {
    const { results, load } = await interleaveRuns(
      [
        (round) => syncWith(url, join(dir, `worker-${round}.db`), 'worker'),
        (round) => syncWith(url, join(dir, `process-${round}.db`), 'process'),
      ],
      ctx.rounds,
      (round, [worker, thread]) =>
        ctx.log(
          `  round ${round + 1}: worst stall ${worker!.worstStallMs.toFixed(0)} ms with the core in its worker, ${thread!.worstStallMs.toFixed(0)} ms on the thread`,
        ),
    );
    const worst = (runs: RunFigures[]) => Math.max(...runs.map((run) => run.worstStallMs));
    const [inWorker, onThread] = results.map(worst) as [number, number];
    return [
      {
        figure: `serving thread's worst stall, ${at} sync (worst of ${results[0]!.length})`,
        project: `core in worker: ${inWorker.toFixed(0)} ms`,
        baseline: `core's own: ${onThread.toFixed(0)} ms`,
        ratio: ratioText(inWorker / onThread),
        goal: 'the core never stalls the window',
        met: null,
        load: load.text(),
      },
    ];
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
