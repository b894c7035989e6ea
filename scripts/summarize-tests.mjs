// Adds up the static checks, Vitest's and Playwright's JSON reports into the closing line
// "N passed, N failed". A suite whose report is missing counts as one failure, so a crashed
// runner can never look green. Exits non-zero when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
// Reported, never hidden: a test that could not run here says why in its runner's output.
let skipped = 0;

const checks = existsSync(join(dir, 'checks.txt'))
  ? readFileSync(join(dir, 'checks.txt'), 'utf8')
  : '';
for (const line of checks.split('\n').filter(Boolean)) {
  if (line.endsWith(' passed')) passed += 1;
  else failed += 1;
}

function readJson(name) {
  const file = join(dir, name);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const vitest = readJson('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  // A file that fails to load has no tests but must still fail the run.
  if (vitest.numFailedTestSuites > 0 && vitest.numFailedTests === 0)
    failed += vitest.numFailedTestSuites;
} else {
  console.log('vitest: no report (the runner crashed)');
  failed += 1;
}

const playwright = readJson('playwright.json');
if (playwright?.stats) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  if (playwright.errors?.length) failed += playwright.errors.length;
} else {
  console.log('playwright: no report (the runner crashed)');
  failed += 1;
}

// Skipped tests are said on a line of their own: the closing line is exactly "N passed, N failed".
if (skipped > 0) console.log(`${skipped} skipped (each says why in its runner's output)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
