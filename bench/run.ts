/**
 * `npm run bench`: a full sync of the simulator's leads into an empty cache, side by side with the
 * raw baseline in the same run, alternating, medians of several rounds. Prints figures and the
 * ratio; asserts nothing (these machines are noisy).
 *
 * The simulator runs in a child process so its work does not count against our event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core/create-core';
import { createEnvokeClient } from '../src-main/core/envoke';
import { measure, median, type RunFigures } from './measure';
import { rawFetchAndInsert } from './raw-baseline';

const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const account = { apiId: 'bench', apiKey: 'bench' };

async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/sim/cli.ts',
      '--port',
      '0',
      '--leads',
      String(LEADS),
      '--api-id',
      account.apiId,
      '--api-key',
      account.apiKey,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /https?:\/\/127\.0\.0\.1:\d+/.exec(seen);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the simulator exited (${code}) before listening`)),
    );
  });
  return { url, child };
}

async function realSync(url: string, dbPath: string): Promise<number> {
  const core = createCore({
    dbPath,
    envoke: createEnvokeClient({ baseUrl: url, ...account }),
    dbKey: randomBytes(32),
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
  return `${Math.round(run.leadsPerSecond)}/s, stall ${run.worstStallMs.toFixed(0)} ms (${run.leads} leads)`;
}

function row(name: string, runs: RunFigures[]): string {
  const pick = (key: keyof RunFigures) => median(runs.map((r) => r[key]));
  return [
    name.padEnd(14),
    `${Math.round(pick('leadsPerSecond'))} leads/s`.padStart(16),
    `${pick('seconds').toFixed(2)} s`.padStart(10),
    `peak RSS ${Math.round(pick('peakRssMb'))} MB`.padStart(18),
    `worst stall ${pick('worstStallMs').toFixed(1)} ms`.padStart(22),
  ].join('');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-bench-'));
  const { url, child } = await startSimulatorProcess();
  const auth = `Basic ${Buffer.from(`${account.apiId}:${account.apiKey}`).toString('base64')}`;
  const raw: RunFigures[] = [];
  const sync: RunFigures[] = [];
  try {
    console.log(
      `Full sync of ${LEADS.toLocaleString('en')} simulator leads into an empty cache, ${ROUNDS} rounds (medians)`,
    );
    for (let round = 1; round <= ROUNDS; round += 1) {
      raw.push(await measure(() => rawFetchAndInsert(url, auth, join(dir, `raw-${round}.db`))));
      sync.push(await measure(() => realSync(url, join(dir, `sync-${round}.db`))));
      console.log(`  round ${round}: raw ${brief(raw.at(-1)!)}; sync ${brief(sync.at(-1)!)}`);
    }
    console.log(row('raw baseline', raw));
    console.log(row('lead triage', sync));
    const ratio =
      median(sync.map((r) => r.leadsPerSecond)) / median(raw.map((r) => r.leadsPerSecond));
    console.log(`ratio sync/raw: ${ratio.toFixed(2)}x (goal ≥ 0.80x); worst stall goal ≤ 50 ms`);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
