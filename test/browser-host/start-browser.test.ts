/**
 * `npm run start:browser` as a person runs it: `--help` answers at once without building, and
 * each run serves a page built for it, so a second run building while a first one is open never
 * takes a file from under the first one's page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, TEST_DB_KEY } from '../core/helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGES = join(ROOT, 'out', 'browser-page');
const BUILT = join(ROOT, 'out', 'renderer', 'index.html');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Run {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function startBrowser(args: string[]): Run {
  const child = spawn('npm', ['run', '-s', 'start:browser', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex') },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stopping it stops npm, the script and the host.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Ended meanwhile.
    }
    await exited;
  });
  return { child, output: () => output, exited };
}

const runFolders = () => (existsSync(PAGES) ? readdirSync(PAGES) : []);

async function urlOf(run: Run): Promise<URL> {
  for (let tries = 0; tries < 2400; tries += 1) {
    const match = /running at (\S+)/.exec(run.output());
    if (match) return new URL(match[1]!);
    if (run.child.exitCode !== null) throw new Error(run.output());
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The host did not start: ${run.output()}`);
}

/** The page's own files (its script and style sheet), as the browser asks for them. */
async function pageFiles(url: URL): Promise<URL[]> {
  const html = await (await fetch(url)).text();
  const token = url.searchParams.get('token')!;
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map(
    ([, path]) => new URL(`/${path}?token=${token}`, url),
  );
}

describe('npm run start:browser', () => {
  it('--help prints the usage at once, building nothing', async () => {
    const builtAt = existsSync(BUILT) ? statSync(BUILT).mtimeMs : null;
    const before = runFolders();
    const run = startBrowser(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/^Usage: npm run start:browser -- \[options\]/);
    expect(run.output()).toContain('--page DIR');
    expect(runFolders()).toEqual(before);
    expect(existsSync(BUILT) ? statSync(BUILT).mtimeMs : null).toBe(builtAt);
  }, 60_000);

  it('a second run builds its own page: the first one’s files stay served while it builds', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const first = startBrowser(['--db', dir.db('first.db'), '--leads', '5']);
    const firstUrl = await urlOf(first);
    const files = await pageFiles(firstUrl);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const folders = runFolders();

    const second = startBrowser(['--db', dir.db('second.db'), '--leads', '5']);
    const failures: string[] = [];
    let asked = 0;
    // While the second one builds, the first page asks for its files again and again.
    while (!/running at/.test(second.output()) && second.child.exitCode === null) {
      for (const file of files) {
        const response = await fetch(file);
        asked += 1;
        if (response.status !== 200) failures.push(`${file.pathname}: ${response.status}`);
        await response.arrayBuffer();
      }
    }
    await urlOf(second);
    expect(failures).toEqual([]);
    expect(asked).toBeGreaterThan(10);
    expect(folders).toHaveLength(1);
    expect(runFolders()).toHaveLength(2);

    // Each run's folder goes with it.
    process.kill(-first.child.pid!, 'SIGTERM');
    await first.exited;
    expect(runFolders()).toHaveLength(1);
    expect(runFolders()).not.toContain(folders[0]);
  }, 300_000);
});
