/**
 * Runs the headless client (`src-main/cli/main.ts`, the script behind `npm run cli`) in a child
 * process with stdout and stderr piped, as a script reading its output would.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { TEST_DB_KEY } from '../core/helpers';

// Each command is a process of its own that loads the sources through tsx: seconds apiece on a
// busy two-core machine, so a test of five commands needs more than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /**
   * Send stdout through a shell pipe whose reader starts this late, as `| (sleep 1; wc -c)`
   * would. (A child's stdout from Node's spawn is a socket pair with a much larger buffer.)
   */
  readerDelayMs?: number;
  env?: NodeJS.ProcessEnv;
}

export function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in one process, rather than its CLI that starts a second one.
    const command = [process.execPath, '--import', 'tsx', 'src-main/cli/main.ts', ...args];
    const [file, argv] = options.readerDelayMs
      ? [
          'bash',
          [
            '-c',
            `set -o pipefail; "$@" | (sleep ${options.readerDelayMs / 1000}; cat)`,
            'bash',
            ...command,
          ],
        ]
      : [command[0]!, command.slice(1)];
    const child = spawn(file, argv, {
      cwd: ROOT,
      env: {
        ...process.env,
        ENVOKE_URL: '',
        ENVOKE_API_ID: '',
        ENVOKE_API_KEY: '',
        // The files the tests prepare are keyed with the test key.
        LEAD_TRIAGE_DB_KEY: TEST_DB_KEY.toString('hex'),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
