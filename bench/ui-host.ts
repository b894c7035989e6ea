/**
 * The browser host for the UI benchmark, in a process of its own (its SQLite work must not stall
 * the process that drives Chromium), on a copy of a benchmark cache so nothing the session does
 * (a status key, preferences) changes the cache the other benchmarks read.
 *
 * Its account points at a closed port: the host serves the cache offline, as after a sync, so
 * no pull or push competes with the keys being measured and the figures depend on the cache alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { browserHostCommand } from './app-core';
import { CACHE_DIR, type BenchCache } from './cache';

export interface UiHost {
  url: string;
  stop(): Promise<void>;
}

/** A copy of the cache beside it (same disk; /tmp may be small for a million leads). */
function copyCache(cache: BenchCache): { dir: string; path: string } {
  mkdirSync(CACHE_DIR, { recursive: true });
  const dir = mkdtempSync(join(CACHE_DIR, 'ui-run-'));
  const path = join(dir, 'leads.db');
  copyFileSync(cache.path, path);
  if (existsSync(`${cache.path}-wal`)) copyFileSync(`${cache.path}-wal`, `${path}-wal`);
  return { dir, path };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*token=\S+/.exec(seen);
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the browser host exited (${String(code)}) before listening:\n${seen}`)),
    );
  });
}

export async function startUiHost(cache: BenchCache): Promise<UiHost> {
  const { dir, path } = copyCache(cache);
  const { args, env } = await browserHostCommand({
    dbPath: path,
    account: { baseUrl: 'http://127.0.0.1:9', apiId: 'bench', apiKey: 'bench' },
    demoLeads: 0,
    coreIn: 'worker',
  });
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'], env });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let url: string;
  try {
    url = await waitForUrl(child);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
