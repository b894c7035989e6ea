// The page the browser host serves, built for one run: `npm run start:browser` and `npm start`
// (where no Electron binary exists) build the renderer into a folder of the run's own,
// out/browser-page/run-<pid>, and serve that. A second run building at the same moment never
// rewrites the files under the page a first run is serving (a page that loads a script chunk
// after the files were replaced would fail). The folder goes when the run ends; folders of runs
// that ended without cleaning up (killed) are removed by the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './electron-binary.mjs';

export const PAGES_DIR = join(projectRoot, 'out', 'browser-page');

function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Removes the folders of runs whose process is gone. */
function removeAbandoned() {
  if (!existsSync(PAGES_DIR)) return;
  for (const name of readdirSync(PAGES_DIR)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid))
      rmSync(join(PAGES_DIR, name), { recursive: true, force: true });
  }
}

/**
 * Builds the renderer into this run's folder, quietly (its output shown only when it fails);
 * returns the folder. Exits the process when the build fails.
 */
export function buildPageForThisRun() {
  removeAbandoned();
  const dir = join(PAGES_DIR, `run-${process.pid}`);
  mkdirSync(PAGES_DIR, { recursive: true });
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = ['build', '--config', 'vite.renderer.config.ts', '--logLevel', 'error'];
  const result = spawnSync(process.execPath, [vite, ...args, '--outDir', dir, '--emptyOutDir'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error('The build failed; see above.');
    rmSync(dir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  // Gone with the run, however it ends short of a kill (which the next run cleans up after).
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `--help` (or `-h`) among the arguments: usage at once, nothing built. */
export const asksForHelp = (args) => args.some((arg) => arg === '--help' || arg === '-h');
