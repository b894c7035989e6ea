/**
 * Does the thread that serves the window stay free while the core works? The browser host runs
 * in a process of its own on N demo leads; during its first sync, this process sends one-letter
 * searches and view counts back to back (as a person typing would) and, beside them, asks for
 * the page (`GET /` with the token) every 20 ms. The page's answer time is what a window feels:
 * with SQL on the serving thread it waits for every statement; with the core in a worker it
 * should not.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { browserHostCommand } from './app-core';
import { sizeName, type BenchContext } from './context';
import { interleaveRuns } from './interleave';
import type { Row } from './report';
import { ratioText, timingOf, timingText, verdict } from './timing';
import { buildRendererForBench } from './ui-browser';

export type CorePlacement = 'worker' | 'process';

export interface HostStallFigures {
  leads: number;
  placement: CorePlacement;
  /** Answer times of `GET /` while the sync, searches and counts ran, in ms. */
  pageTimes: number[];
  /** Searches and counts answered meanwhile. */
  commands: number;
  /** Whether the first sync finished within the run (else the run stopped at its time limit). */
  synced: boolean;
  seconds: number;
}

interface RunningHost {
  url: URL;
  token: string;
  stop(): Promise<void>;
}

async function startHost(
  dbPath: string,
  leads: number,
  placement: CorePlacement,
): Promise<RunningHost> {
  const { args, env } = await browserHostCommand({
    dbPath,
    account: null,
    demoLeads: leads,
    coreIn: placement,
  });
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const address = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(seen);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`the browser host exited (${code}): ${errors}`)));
  });
  const url = new URL(address);
  return {
    url,
    token: url.searchParams.get('token')!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function invoke(host: RunningHost, command: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/api/invoke/${command}`, host.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-lead-triage-token': host.token,
      origin: host.url.origin,
    },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${command}: ${JSON.stringify(result.error)}`);
  return result.value;
}

const LETTERS = 'maeiosrnt';

export async function measureHostStall(
  leads: number,
  placement: CorePlacement,
  limitSeconds = 120,
): Promise<HostStallFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-stall-'));
  const host = await startHost(join(dir, 'stall.db'), leads, placement);
  const started = performance.now();
  const pageTimes: number[] = [];
  let commands = 0;
  let synced = false;
  let running = true;
  try {
    const probe = (async () => {
      while (running) {
        const sent = performance.now();
        const response = await fetch(host.url);
        await response.arrayBuffer();
        pageTimes.push(performance.now() - sent);
        await sleep(20);
      }
    })();
    const load = (async () => {
      for (let i = 0; running; i += 1) {
        const search = LETTERS[i % LETTERS.length]!;
        await invoke(host, 'leads:id-page', { view: 'all', search, limit: 50 });
        await invoke(host, 'leads:counts', {});
        commands += 2;
      }
    })();
    while (performance.now() - started < limitSeconds * 1000) {
      const status = (await invoke(host, 'sync:status', {})) as { lastSyncAt: string | null };
      if (status.lastSyncAt !== null) {
        synced = true;
        break;
      }
      await sleep(250);
    }
    running = false;
    await Promise.all([probe, load]);
  } finally {
    running = false;
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    leads,
    placement,
    pageTimes,
    commands,
    synced,
    seconds: (performance.now() - started) / 1000,
  };
}

export const PAGE_GOAL_MS = 50;

/** The page's answer times with the core in its worker beside on the serving thread, in turns. */
export async function measureHostStallRows(
  leads: number,
  ctx: BenchContext,
  limitSeconds = 120,
): Promise<Row[]> {
  const at = sizeName(leads);
  ctx.log(`the browser host's page during a ${at} first sync with searches and counts…`);
  await buildRendererForBench();
  const { results, load } = await interleaveRuns(
    [
      () => measureHostStall(leads, 'worker', limitSeconds),
      () => measureHostStall(leads, 'process', limitSeconds),
    ],
    ctx.rounds,
    (round, [worker, thread]) =>
      ctx.log(
        `  round ${round + 1}: ${worker!.commands} and ${thread!.commands} commands answered${worker!.synced && thread!.synced ? '' : ' (a sync did not finish in time)'}`,
      ),
  );
  // Every round's page answers together: a p99 of enough samples.
  const pooled = (runs: HostStallFigures[]) => ({
    page: timingOf(runs.flatMap((run) => run.pageTimes)),
    commands: runs.reduce((sum, run) => sum + run.commands, 0),
  });
  const inWorker = pooled(results[0]!);
  const onThread = pooled(results[1]!);
  return [
    {
      figure: `GET / during first sync + searches, ${at}`,
      project: `${timingText(inWorker.page)}, ${inWorker.commands} commands`,
      baseline: `core on thread: ${timingText(onThread.page)}`,
      ratio: ratioText(inWorker.page.p99 / onThread.page.p99),
      goal: `p99 ≤ ${PAGE_GOAL_MS} ms`,
      met: verdict(inWorker.page.p99, (p99) => p99 <= PAGE_GOAL_MS),
      load: load.text(),
    },
  ];
}
