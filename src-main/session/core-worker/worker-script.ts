/**
 * Where the core worker's code is, built or from source: the one thing the main thread needs to
 * start the worker (core-worker.ts) that differs between the app's bundle and a test run.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The built worker's file names: electron-vite's main build, and the end-to-end host bundle. */
const BUILT_NAMES = ['core-worker.js', 'core-worker.mjs'];

/**
 * The worker's file: beside the bundle when this module was built, or worker-entry.ts when it
 * runs from source (tsx, Vitest). From source a small bootstrap registers tsx inside the worker
 * first: on Node 20 a loader given as `--import` in a worker's execArgv does not apply to the
 * worker's own entry.
 */
export function workerScript(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) {
    const tsxFolder = dirname(createRequire(here).resolve('tsx/package.json'));
    const register = pathToFileURL(join(tsxFolder, 'dist/esm/api/index.mjs')).href;
    const entry = new URL('./worker-entry.ts', here).href;
    const bootstrap = [
      `const { register } = await import(${JSON.stringify(register)});`,
      'register();',
      `await import(${JSON.stringify(entry)});`,
    ].join('\n');
    return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
  }
  // Beside the bundle, or one folder up should a bundler have put this module in a chunk folder.
  const folder = dirname(fileURLToPath(here));
  const found = [folder, dirname(folder)]
    .flatMap((place) => BUILT_NAMES.map((name) => join(place, name)))
    .find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`The core worker (${BUILT_NAMES.join(' or ')}) is missing beside ${folder}`);
  }
  return pathToFileURL(found);
}
