#!/usr/bin/env node
// The reliability suites run long, for a release: `npm run soak -- --cycles 300 [--seed N]`.
// Runs test/reliability with RELIABILITY_CYCLES and RELIABILITY_SEED set, then prints one line per
// suite: cycles, changes, lost, duplicated. Exits non-zero when any suite failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

function fail(message) {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      cycles: { type: 'string', default: '300' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error.message);
}
if (values.help) {
  process.stdout.write('Usage: npm run soak -- [--cycles N (default 300)] [--seed N]\n');
  process.exit(0);
}
for (const flag of ['cycles', 'seed']) {
  const text = values[flag];
  if (text !== undefined && !/^\d{1,9}$/.test(text))
    fail(`--${flag} takes a whole number, not "${text}"`);
}
if (Number(values.cycles) < 1) fail('--cycles takes a whole number above 0');

const dir = mkdtempSync(join(tmpdir(), 'lead-triage-soak-'));
const figures = join(dir, 'figures.jsonl');
const seed = values.seed ?? String(Date.now() % 1_000_000_000);
process.stdout.write(`Soak: ${values.cycles} cycles, seed ${seed}\n`);

const child = spawn('npx', ['vitest', 'run', 'test/reliability', '--reporter=dot'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NO_COLOR: '1',
    RELIABILITY_CYCLES: values.cycles,
    RELIABILITY_SEED: seed,
    RELIABILITY_FIGURES: figures,
  },
});
child.on('close', (code) => {
  const lines = existsSync(figures)
    ? readFileSync(figures, 'utf8').trim().split('\n').filter(Boolean)
    : [];
  process.stdout.write('\n');
  for (const line of lines) {
    const { suite, cycles, changes, lost, duplicated } = JSON.parse(line);
    process.stdout.write(
      `${suite}: ${cycles} cycles, ${changes} changes, ${lost} lost, ${duplicated} duplicated\n`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) process.stdout.write(`Soak failed (seed ${seed}); repeat with --seed ${seed}\n`);
  process.exit(code ?? 1);
});
