/** Runs `src-main/sim/cli.ts`, the script behind `npm run sim`, in a child process. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function runCli(args: string[]): CliRun {
  // tsx as a loader in one process, rather than its CLI that starts a second one.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/sim/cli.ts', ...args], {
    cwd: ROOT,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the "listening on" line and returns the URL it names. */
export async function listeningUrl(run: CliRun, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(run.output());
    if (match?.[1] !== undefined) return match[1];
    if (run.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`The simulator did not start:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
