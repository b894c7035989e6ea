/**
 * `npm run bench:profile -- sync [LEADS]` or `-- update [COUNT]`: where the time of a write goes.
 * `sync` profiles a first full pull of LEADS simulator leads (30,000 by default, at 0 ms a
 * request) into an empty cache, the core alone on this thread; `update` profiles COUNT triage
 * keys (1,000) on a copy of the 100k bench cache, and counts the database pages each one commits
 * (from the write-ahead log's growth) beside a raw one-row UPDATE's. Prints the heaviest
 * functions; the raw profile is saved in .bench/ for Chrome's DevTools.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCoreAlone } from './app-core';
import { openBenchDatabase } from './bench-key';
import { buildCache, CACHE_DIR } from './cache';
import { printSummary, profile, summarize } from './cpu-profile';
import { startSimulatorProcess } from './simulator-process';

const [subject = 'sync', countArg] = process.argv.slice(2);
const log = (line: string) => console.log(line);
const TOP = 30;
const PAGE_FRAME_BYTES = 4096 + 24;

const walBytes = (path: string): number => {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
};

/** Pages each call commits, from the log's growth; a call that restarts the log shows none. */
async function framesPerCall(
  path: string,
  call: (i: number) => unknown,
  calls: number,
): Promise<number> {
  const grown: number[] = [];
  let before = walBytes(path);
  for (let i = 0; i < calls; i += 1) {
    await call(i);
    const after = walBytes(path);
    if (after > before) grown.push((after - before) / PAGE_FRAME_BYTES);
    before = after;
  }
  grown.sort((a, b) => a - b);
  return grown[Math.floor(grown.length / 2)] ?? 0;
}

async function profileSync(leads: number, dir: string): Promise<void> {
  const { url, child } = await startSimulatorProcess(leads, ['--latency', '0']);
  try {
    const core = openCoreAlone(join(dir, 'sync.db'), { envokeUrl: url });
    const started = performance.now();
    const taken = await profile(
      async () => {
        await core.syncOnce('pull');
      },
      join(CACHE_DIR, 'sync.cpuprofile'),
    );
    const seconds = (performance.now() - started) / 1000;
    const pulled = (await core.call('leads:counts', {})).all;
    await core.close();
    log(
      `first full pull of ${pulled} leads in ${seconds.toFixed(1)} s (${Math.round(pulled / seconds)}/s, profiled)`,
    );
    printSummary(summarize(taken, TOP), log);
  } finally {
    child.kill();
  }
}

async function profileUpdate(count: number, dir: string): Promise<void> {
  const cache = buildCache(100_000, log);
  const path = join(dir, 'update.db');
  const rawPath = join(dir, 'raw.db');
  copyFileSync(cache.path, path);
  copyFileSync(cache.path, rawPath);
  const core = openCoreAlone(path);
  const update = (i: number) =>
    core.call('leads:update', {
      ids: [i + 1],
      patch: { marketing_rating: i % 2 ? 'Hot' : 'Warm' },
    });
  const pages = await framesPerCall(path, update, 40);
  const times: number[] = [];
  const taken = await profile(
    async () => {
      for (let i = 100; i < 100 + count; i += 1) {
        const started = performance.now();
        await update(i);
        times.push(performance.now() - started);
      }
    },
    join(CACHE_DIR, 'update.cpuprofile'),
  );
  await core.close();
  const raw = openBenchDatabase(rawPath);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const rawUpdate = raw.prepare('UPDATE leads SET marketing_rating = ? WHERE id = ?');
  const rawTxn = raw.transaction((i: number) => rawUpdate.run(i % 2 ? 'Hot' : 'Warm', i + 1));
  const rawPages = await framesPerCall(rawPath, rawTxn, 40);
  raw.close();
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  log(`${count} triage keys on 100k (profiled): p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  log(`pages committed per key: ${pages}; per raw one-row UPDATE: ${rawPages}`);
  printSummary(summarize(taken, TOP), log);
}

const dir = mkdtempSync(join(tmpdir(), 'lead-triage-profile-'));
try {
  if (subject === 'sync') await profileSync(Number(countArg ?? 30_000), dir);
  else if (subject === 'update') await profileUpdate(Number(countArg ?? 1_000), dir);
  else throw new Error(`Profile "sync" or "update", not "${subject}".`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
