/**
 * One cache, one writer: the browser host and the CLI each hold the cache's session lock while
 * they use it, and whoever finds it held is told who holds it (what it is, its process id). The
 * lock ends with its process however that ends, and a core worker restarted inside the holder
 * opens the same file as before.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import { CacheBusyError, lockCache, readCacheHolder } from '../../src-main/core/db/cache-lock';
import { cli } from '../cli/cli-process';
import { tempDir, TEST_DB_KEY } from '../core/helpers';
import { expectOwnerOnly } from '../support/owner-only';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const quiet = { info() {}, warn() {}, error() {} };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder() {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  return dir;
}

async function host(dbPath: string): Promise<BrowserHost> {
  const started = await startBrowserHost({ dbPath, demoLeads: 20, logger: quiet });
  cleanups.push(() => started.stop());
  return started;
}

describe('the cache lock', () => {
  it('a second browser host on the same cache is told which process holds it; the first goes on', async () => {
    process.env.LEAD_TRIAGE_DB_KEY = TEST_DB_KEY.toString('hex');
    cleanups.push(() => void delete process.env.LEAD_TRIAGE_DB_KEY);
    const dir = folder();
    const first = await host(dir.db());
    const second = await startBrowserHost({ dbPath: dir.db(), demoLeads: 20, logger: quiet }).catch(
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(CacheBusyError);
    expect((second as Error).message).toMatch(
      new RegExp(
        `^The local database .*leads\\.db is in use by the browser host \\(process ${process.pid}, since \\d\\d:\\d\\d:\\d\\d\\): close that one first`,
      ),
    );
    expect((await first.session.core['sync:status']({})).pending).toBe(0);
    expectOwnerOnly(`${dir.db()}.lock`, 'file');

    // A command line is told the same, at once, and changes nothing.
    const run = await cli(['set', '#1', 'sales_rating_note=second writer', '--db', dir.db()]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      new RegExp(
        `^lead-triage: The local database .* is in use by the browser host \\(process ${process.pid},`,
      ),
    );
    expect((await first.session.core['outbox:list']({ includeDone: false })).entries).toEqual([]);

    // The core worker restarted after a crash opens the same file in the same process.
    await first.core.thread()?.terminate();
    await expect(first.session.core['leads:counts']({})).resolves.toMatchObject({ all: 20 });

    // Once the first stops, the cache is free.
    await first.stop();
    const third = await host(dir.db());
    expect((await third.session.core['leads:counts']({})).all).toBe(20);
  }, 60_000);

  it('ends with the process that held it, however it ended', async () => {
    const dir = folder();
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        '-e',
        // The lock is not kept in a variable, and garbage is collected: it stays held.
        `import('./src-main/core/db/cache-lock.ts').then(async ({ lockCache }) => {
           await lockCache(${JSON.stringify(dir.db())}, 'a command line');
           globalThis.gc();
           await new Promise((resolve) => setTimeout(resolve, 50));
           globalThis.gc();
           console.log('holding');
           setInterval(() => {}, 1000);
         });`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    cleanups.push(() => void child.kill('SIGKILL'));
    await new Promise<void>((resolve) =>
      child.stdout!.on(
        'data',
        (chunk: Buffer) => chunk.toString().includes('holding') && resolve(),
      ),
    );
    expect(readCacheHolder(dir.db())).toMatchObject({ pid: child.pid, kind: 'a command line' });
    await expect(lockCache(dir.db(), 'the browser host')).rejects.toThrow(
      `is in use by a command line (process ${child.pid},`,
    );
    // Waiting for a command line: it does not end, so the wait does, with the same sentence.
    const waited = Date.now();
    await expect(
      lockCache(dir.db(), 'a command line', { waitMs: 600, waitFor: ['a command line'] }),
    ).rejects.toThrow(CacheBusyError);
    expect(Date.now() - waited).toBeGreaterThanOrEqual(500);

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    const lock = await lockCache(dir.db(), 'the browser host');
    expect(readCacheHolder(dir.db())).toMatchObject({ pid: process.pid, kind: 'the browser host' });
    lock.release();
    expect(existsSync(dir.db())).toBe(false);
  }, 60_000);
});
