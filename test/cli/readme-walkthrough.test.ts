/**
 * Issue 8, point 12: the README's CLI walkthrough, run as written (npm run -s cli, curl) against
 * the simulator `npm run sim -- --port 8787 --leads 20000` starts, really changes a lead, meets a
 * colleague's change in Envoke as a conflict and resolves it; and every value the README shows
 * under a command is in that command's real output.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../src-main/sim';
import { tempDir } from '../core/helpers';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = tempDir();
let sim: RunningSimulator;

interface Step {
  command: string;
  /** The README's trimmed output under the command. */
  shown: string;
  stdout: string;
}

function walkthrough(): { command: string; shown: string }[] {
  const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## The headless client'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error('The README has no CLI walkthrough');
  const steps: { command: string; shown: string }[] = [];
  for (const line of block.trimEnd().split('\n')) {
    if (line.startsWith('#   ')) steps[steps.length - 1]!.shown += `${line.slice(4)}\n`;
    else if (!line.startsWith('#')) steps.push({ command: line, shown: '' });
  }
  return steps;
}

/** Runs the steps in one shell, as a person pasting them would, and splits the output per step. */
function run(
  steps: { command: string; shown: string }[],
): Promise<{ steps: Step[]; stderr: string }> {
  const port = new URL(sim.url).port;
  const marker = '@@step@@';
  const script = steps
    .map(({ command }) =>
      command
        .replaceAll('127.0.0.1:8787', `127.0.0.1:${port}`)
        .replaceAll('/tmp/a.db', dir.db('a.db')),
    )
    .map((command) => `echo ${marker}\n${command}`)
    .join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        return reject(new Error(`The walkthrough stopped (exit ${code}):\n${stderr}`));
      const outputs = stdout.split(`${marker}\n`).slice(1);
      resolve({ steps: steps.map((step, i) => ({ ...step, stdout: outputs[i] ?? '' })), stderr });
    });
  });
}

/** `"key": value` pairs, spaced the same way whether pretty-printed or compact. */
function pairs(text: string): string[] {
  return [
    ...text.matchAll(/"([A-Za-z_]+)":\s*("(?:[^"\\]|\\.)*"|-?\d+|true|false|null|\[\])/g),
  ].map((match) => `"${match[1]}":${match[2]}`);
}

beforeAll(async () => {
  // What `npm run sim -- --port 8787 --leads 20000` serves: the default seed and account.
  sim = await startSimulator({ port: 0, leads: 20_000 });
});

afterAll(async () => {
  await sim.stop();
  dir.cleanup();
});

describe('README CLI walkthrough', () => {
  it('queues a change, meets a conflict and resolves it, showing real output', async () => {
    const steps = walkthrough().filter(({ command }) => !command.startsWith('npm run sim'));
    const { steps: ran, stderr } = await run(steps);
    const json = (match: RegExp) => {
      const step = ran.find(({ command }) => match.test(command));
      if (!step) throw new Error(`No step matches ${String(match)}`);
      return JSON.parse(step.stdout) as unknown;
    };
    const cli = ran.filter(({ command }) => command.includes('npm run -s cli'));
    const [sync, list, set, queued, push1, conflict, resolve, push2] = cli.map(
      ({ stdout }) => JSON.parse(stdout) as Record<string, unknown>,
    );

    expect(sync).toMatchObject({ pulled: 20_000, new: 20_000 });
    expect(list).toMatchObject([{ envokeId: '24099', marketing_rating_status: 'Unprocessed' }]);
    expect(set).toMatchObject({ changed: 1 });
    expect(queued).toMatchObject([
      {
        state: 'pending',
        fields: { marketing_rating_status: 'Passed to sales', marketing_rating: 'Hot' },
      },
    ]);
    expect(push1).toMatchObject({ pushed: 1, conflicts: 1 });
    expect(conflict).toMatchObject([
      {
        state: 'conflict',
        conflicts: [{ field: 'marketing_rating', base: '', theirs: 'Cold', mine: 'Hot' }],
      },
    ]);
    expect(resolve).toMatchObject({ marketing_rating: 'Hot', conflicts: [] });
    expect(push2).toMatchObject({ pushed: 1, conflicts: 0, waiting: 0 });
    expect(json(/^curl -s -u demo:demo 'http/)).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
    });
    expect(sim.store.get('24099')).toMatchObject({ marketing_rating: 'Hot' });

    // What the README shows is what the commands print.
    for (const step of ran) {
      const actual = new Set(pairs(step.stdout));
      for (const pair of pairs(step.shown))
        expect(actual, `${step.command}: ${pair}`).toContain(pair);
      const next = /next: (\S+)/.exec(step.shown)?.[1];
      if (next !== undefined) expect(stderr).toContain(`next: ${next}`);
    }
  }, 240_000);
});
