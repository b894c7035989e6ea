/**
 * The serving thread's worst stall during a full sync, with the core in its worker (as the apps
 * run it) beside the same sync with the core on that thread (the core's own stall: what every
 * window froze for before). Both sync the same simulator's leads into an empty cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '../src-main/core/api';
import { openBackend, type CoreIn } from '../src-main/session/backend';
import { BENCH_DB_KEY } from './bench-key';
import { measure, type RunFigures } from './measure';
import { account, startSimulatorProcess } from './simulator-process';

async function syncWith(url: string, dbPath: string, coreIn: CoreIn): Promise<RunFigures> {
  const backend = await openBackend(
    { account: { baseUrl: url, apiId: account.apiId }, apiKey: account.apiKey },
    { dbPath, logger: silentLogger, databaseKey: () => BENCH_DB_KEY, coreIn },
  );
  try {
    // Opening starts background sync: measured until its first full pull is done.
    return await measure(async () => {
      for (;;) {
        const status = await backend.core['sync:status']({});
        if (status.lastSyncAt !== null) return (await backend.core['leads:counts']({})).all;
        await sleep(100);
      }
    });
  } finally {
    await backend.close();
  }
}

export interface ThreadStallFigures {
  leads: number;
  worker: RunFigures;
  process: RunFigures;
}

export async function measureThreadStall(leads: number): Promise<ThreadStallFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-thread-'));
  const { url, child } = await startSimulatorProcess(leads);
  try {
    const worker = await syncWith(url, join(dir, 'worker.db'), 'worker');
    const process = await syncWith(url, join(dir, 'process.db'), 'process');
    return { leads, worker, process };
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
