/**
 * Two sync engines on one database file, each in a process of its own (two copies of the app, or
 * an older one beside this one): they push the same outbox at the same moment, and again with one
 * starting while the other is mid-push. Every row is claimed by one engine before it goes out and
 * a live engine's claim is never taken over, so the simulator's journal shows each change once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src-main/sim';
import { API_ID, API_KEY, clientFor, openCore, startSim, tempDir, TEST_DB_KEY } from './helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHANGES = 40;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Engine {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

function engine(dbPath: string, sim: RunningSimulator): Engine {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/core/support/push-child.ts', dbPath, sim.url, API_ID, API_KEY],
    {
      cwd: ROOT,
      env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex') },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, output: () => output, exited };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 600; tries += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A cache with CHANGES unsent edits (one per lead) and two creates, none sent yet. */
async function queuedCache(sim: RunningSimulator): Promise<{ dbPath: string; values: string[] }> {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  const { ids } = await core['leads:ids']({ view: 'all' });
  const values: string[] = [];
  for (const id of ids.slice(0, CHANGES)) {
    const value = `two engines ${id}`;
    await core['leads:update']({ ids: [id], patch: { sales_rating_note: value } });
    values.push(value);
  }
  await core['leads:create']({ email: 'first.new@two-engines.example' });
  await core['leads:create']({ email: 'second.new@two-engines.example' });
  await core.close();
  return { dbPath: dir.db(), values };
}

function copiesInJournal(sim: RunningSimulator, values: string[]) {
  const patches = new Map<string, number>(values.map((value) => [value, 0]));
  const posts = new Map<string, number>();
  for (const entry of sim.journal) {
    const body = entry.body as { sales_rating_note?: string; contact?: { email?: string } };
    if (entry.method === 'PATCH' && body.sales_rating_note !== undefined)
      patches.set(body.sales_rating_note, (patches.get(body.sales_rating_note) ?? 0) + 1);
    if (entry.method === 'POST') {
      const email = body.contact?.email ?? '';
      posts.set(email, (posts.get(email) ?? 0) + 1);
    }
  }
  return {
    patchedOnce: [...patches.values()].filter((n) => n === 1).length,
    patchedTwice: [...patches.entries()].filter(([, n]) => n > 1).map(([value]) => value),
    posts: Object.fromEntries(posts),
  };
}

describe('two engines, one outbox', () => {
  it.each([
    ['at the same moment', 0],
    ['one starting while the other is mid-push', 1],
  ])(
    'push %s: each change reaches Envoke once',
    async (_, stagger) => {
      const sim = await startSim({ leads: 120 });
      cleanups.push(() => sim.stop());
      const { dbPath, values } = await queuedCache(sim);
      // Slow answers widen every window in which two engines could pick the same row.
      sim.faults.set({ latencyMs: 15 });

      const first = engine(dbPath, sim);
      const second = engine(dbPath, sim);
      if (stagger === 0) {
        await until(
          () => first.output().includes('ready') && second.output().includes('ready'),
          'both engines',
        );
        first.child.stdin!.write('go\n');
        second.child.stdin!.write('go\n');
      } else {
        await until(() => first.output().includes('ready'), 'the first engine');
        first.child.stdin!.write('go\n');
        // The second opens the file (and looks for abandoned sends) while the first is sending.
        await until(() => sim.journal.length >= 3, 'the first writes');
        await until(() => second.output().includes('ready'), 'the second engine');
        second.child.stdin!.write('go\n');
      }
      expect(await first.exited, first.output()).toBe(0);
      expect(await second.exited, second.output()).toBe(0);

      // Whatever either engine left (nothing, normally) goes out with a third push.
      const last = openCore(dbPath, clientFor(sim));
      await last.syncOnce('push');
      expect((await last['outbox:list']({ includeDone: false })).entries).toEqual([]);
      await last.close();

      const copies = copiesInJournal(sim, values);
      expect(copies.patchedTwice).toEqual([]);
      expect(copies.patchedOnce).toBe(CHANGES);
      expect(copies.posts).toEqual({
        'first.new@two-engines.example': 1,
        'second.new@two-engines.example': 1,
      });
    },
    60_000,
  );
});
