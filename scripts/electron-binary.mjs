// Finds the Electron binary the `electron` package installed, without the package's own lookup:
// `require('electron')` tries to download a missing binary, which on a machine without network
// access hangs and then throws. Used by `npm start` and the Electron end-to-end test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..');

/**
 * @param {string} [root] project folder holding node_modules/electron
 * @returns {{ ok: true, path: string } | { ok: false, checked: string, reason: string }}
 */
export function findElectronBinary(root = projectRoot) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(packageDir)) {
    return { ok: false, checked: packageDir, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  // The same override the electron package honours, for a binary kept elsewhere.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === '') {
    return { ok: false, checked: pathFile, reason: 'the binary was never downloaded' };
  }
  const binary = override
    ? join(override, relative || 'electron')
    : join(packageDir, 'dist', relative);
  if (!existsSync(binary)) return { ok: false, checked: binary, reason: 'the file does not exist' };

  // Present is not enough: a binary for another platform, or missing libraries, cannot start.
  const probe = spawnSync(binary, ['--version'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (probe.status !== 0) {
    const why =
      probe.error?.message ?? probe.stderr.trim().split('\n')[0] ?? `exit code ${probe.status}`;
    return { ok: false, checked: binary, reason: `it does not run (${why})` };
  }
  return { ok: true, path: binary };
}
