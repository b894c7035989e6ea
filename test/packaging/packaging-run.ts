/**
 * Runs electron-builder for real, as `npm run dist:linux -- --dir` does, against a stand-in
 * Electron (stand-in-electron.ts) so nothing is downloaded: electron-builder.yml, the arguments
 * scripts/packaging/dist.mjs adds and the afterPack hook, with the native module left as built
 * (`npmRebuild: false`; rebuilding for Electron needs Electron's headers).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builderArgs } from '../../scripts/packaging/dist.mjs';

export const ROOT = join(import.meta.dirname, '../..');
const bin = (...path: string[]) => join(ROOT, 'node_modules', ...path);

/** What electron-vite builds, and what it builds them from. */
const BUILT = [
  'out/main/index.js',
  'out/main/core-worker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const SOURCES = [
  'src-main',
  'src-shared',
  'src-preload',
  'src-renderer',
  'electron.vite.config.ts',
  'vite.renderer.config.ts',
  'package.json',
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/**
 * out/ as `npm run build` leaves it: reused when it is newer than every source (npm test builds
 * it first), built with electron-vite otherwise.
 */
export function ensureBuiltApp(): 'reused' | 'built' {
  const built = BUILT.map((file) => join(ROOT, file));
  const builtAt = built.every((file) => existsSync(file))
    ? Math.min(...built.map((file) => statSync(file).mtimeMs))
    : 0;
  if (builtAt > Math.max(...SOURCES.map((source) => newestChange(join(ROOT, source))))) {
    return 'reused';
  }
  const build = spawnSync(
    process.execPath,
    [bin('electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0)
    throw new Error(`electron-vite build failed:\n${build.stdout}${build.stderr}`);
  return 'built';
}

export interface PackagingRun {
  code: number | null;
  output: string;
  /** dist/linux-unpacked: the app as the .deb and the AppImage are made from it. */
  appDir: string;
}

/** Variables a developer's or CI's shell may carry that would change what the build does. */
const BUILD_VARIABLES = [
  'GH_TOKEN',
  'GITHUB_TOKEN',
  'GITLAB_TOKEN',
  'KEYGEN_TOKEN',
  'BITBUCKET_TOKEN',
  'TRAVIS_REPO_SLUG',
  'APPVEYOR_REPO_NAME',
  'CIRCLE_PROJECT_USERNAME',
  'CIRCLE_PROJECT_REPONAME',
  'LEAD_TRIAGE_UPDATE_URL',
  'LEAD_TRIAGE_CRASH_URL',
  'LEAD_TRIAGE_TEST_BUILD',
];

/**
 * `electron-builder --linux --dir` with dist.mjs's arguments for `env`, into `outDir`.
 * @param env the variables the build is run with, on top of this process's (less BUILD_VARIABLES)
 */
export function packLinuxDir(options: {
  electronDist: string;
  outDir: string;
  env?: Record<string, string>;
}): Promise<PackagingRun> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of BUILD_VARIABLES) delete env[name];
  Object.assign(env, options.env ?? {});
  const args = builderArgs('linux', env, [
    '--dir',
    `-c.electronDist=${options.electronDist}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${options.outDir}`,
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin('electron-builder', 'cli.js'), ...args], {
      cwd: ROOT,
      env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, output, appDir: join(options.outDir, 'linux-unpacked') }),
    );
  });
}
