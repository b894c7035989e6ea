/**
 * Child processes the crash suites kill: the real CLI (`sync`, `pull`) or the database opener
 * (which migrates), each in a process of its own on the same SQLite file the test checks after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JournalEntry, RunningSimulator } from '../../../src-main/sim';
import { API_ID, API_KEY, TEST_DB_KEY } from '../../core/helpers';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface Child {
  process: ChildProcess;
  output(): string;
  /** Resolves once the process has ended, with its exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(script: string, args: string[]): Child {
  // tsx as a loader in this one process, rather than its CLI, which would start a second one
  // and leave it running when the first is killed.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    // The children open the file with the key the checks read it with.
    env: { ...process.env, LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, output: () => output, exited };
}

/** `npm run cli -- <command> --db FILE` against the simulator. */
export function startCli(
  command: 'sync' | 'pull' | 'push',
  dbPath: string,
  sim: RunningSimulator,
): Child {
  return start('src-main/cli/main.ts', [
    command,
    '--db',
    dbPath,
    '--url',
    sim.url,
    '--api-id',
    API_ID,
    '--api-key',
    API_KEY,
  ]);
}

/** Opens (and so migrates) the file; prints "migrating" just before, "migrated" after. */
export function startOpener(dbPath: string): Child {
  return start('test/reliability/support/open-database-child.ts', [dbPath]);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Requests the simulator received so far: all of them, or only writes (POST and PATCH). */
function received(sim: RunningSimulator, writesOnly: boolean): number {
  const { requests, requestsByMethod } = sim.stats();
  return writesOnly ? (requestsByMethod.POST ?? 0) + (requestsByMethod.PATCH ?? 0) : requests;
}

/**
 * SIGKILLs `child` `delayMs` after the simulator has received `requests` more requests (or only
 * writes), or lets it be when it ends first. Resolves whether it was killed.
 */
export async function killAfterRequests(
  child: Child,
  sim: RunningSimulator,
  requests: number,
  delayMs: number,
  writesOnly = false,
): Promise<boolean> {
  const target = received(sim, writesOnly) + requests;
  let ended = false;
  void child.exited.then(() => (ended = true));
  while (!ended && received(sim, writesOnly) < target) await sleep(1);
  if (ended) return false;
  if (delayMs > 0) await sleep(delayMs);
  if (ended) return false;
  child.process.kill('SIGKILL');
  const { signal } = await child.exited;
  return signal === 'SIGKILL';
}

/**
 * SIGKILLs `child` at the very moment the simulator applies its `writes`-th write (journals it),
 * before the answer leaves: the write is in Envoke, the child never learns it. Lets it be when it
 * ends first. Resolves whether it was killed.
 */
export async function killAtWrite(
  child: Child,
  sim: RunningSimulator,
  writes: number,
): Promise<boolean> {
  // The journal is the simulator's own array: watching its push is watching the write land.
  const journal = sim.journal as JournalEntry[];
  const push = journal.push;
  let seen = 0;
  journal.push = function (...entries: JournalEntry[]) {
    const length = push.apply(this, entries);
    seen += entries.length;
    if (seen >= writes && child.process.exitCode === null) child.process.kill('SIGKILL');
    return length;
  };
  try {
    const { signal } = await child.exited;
    return signal === 'SIGKILL';
  } finally {
    journal.push = push;
  }
}

/** SIGKILLs `child` `delayMs` after it printed `marker`, unless it ended first. */
export async function killAfterMarker(
  child: Child,
  marker: string,
  delayMs: number,
): Promise<boolean> {
  let ended = false;
  void child.exited.then(() => (ended = true));
  while (!ended && !child.output().includes(marker)) await sleep(1);
  if (ended) return false;
  if (delayMs > 0) await sleep(delayMs);
  if (ended) return false;
  child.process.kill('SIGKILL');
  const { signal } = await child.exited;
  return signal === 'SIGKILL';
}
