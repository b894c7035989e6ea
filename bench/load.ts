/**
 * The machine's load beside every figure (a figure taken on a busy machine says so), and the CPU
 * hog of `npm run bench -- --loaded`: spinning threads in a process of their own, so the bench
 * runs the way it would on a laptop busy with other work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** The one-minute load average now. */
export function loadNow(): number {
  return loadavg()[0]!;
}

/** The lowest and highest one-minute load seen while a figure was taken. */
export class LoadRange {
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  constructor() {
    this.note();
  }

  note(): void {
    const now = loadNow();
    this.min = Math.min(this.min, now);
    this.max = Math.max(this.max, now);
  }

  text(): string {
    this.note();
    const low = this.min.toFixed(1);
    const high = this.max.toFixed(1);
    return low === high ? low : `${low}–${high}`;
  }
}

/** Threads the hog spins: with the bench's own work, enough to hold a load of 4 and more. */
export const HOG_THREADS = 4;
/** The load the "under load" goals are stated at. */
export const LOADED_AT = 4;

export interface CpuHog {
  threads: number;
  stop(): void;
}

// Spinning worker threads; the main thread leaves once its parent is gone, so a bench that dies
// never leaves the hog behind.
const HOG_SCRIPT = `
const { Worker } = require('node:worker_threads');
const threads = Number(process.argv[1]);
for (let i = 0; i < threads; i += 1) new Worker('for (;;) {}', { eval: true });
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(0); }, 500);
`;

export function startCpuHog(threads = HOG_THREADS): CpuHog {
  const child: ChildProcess = spawn(process.execPath, ['-e', HOG_SCRIPT, String(threads)], {
    stdio: 'ignore',
  });
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', stop);
  return { threads, stop };
}

/**
 * Waits (at most `limitMs`) for the one-minute load to reach `load`: it follows a hog started a
 * moment ago only over a minute or so. Returns the load reached.
 */
export async function waitForLoad(
  load: number,
  limitMs: number,
  log: (line: string) => void,
): Promise<number> {
  const started = performance.now();
  if (loadNow() < load)
    log(`  waiting for the load to reach ${load} (now ${loadNow().toFixed(1)})…`);
  while (loadNow() < load && performance.now() - started < limitMs) await sleep(2_000);
  return loadNow();
}
