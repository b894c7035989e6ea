// The electron package fetches its binary on first use. `npm start` tries that once; where the
// download fails (no network, a blocked host) it remembers the failure for a day instead of
// announcing "Downloading Electron" on every start and failing again.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

const NEVER_DOWNLOADED = 'the binary was never downloaded';
export const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** Where the last failed attempt is noted: node_modules/.cache, which npm ci starts afresh. */
export function failureNoteFile(root = projectRoot) {
  return join(root, 'node_modules', '.cache', 'lead-triage', 'electron-download.json');
}

function lastFailure(file) {
  try {
    const at = JSON.parse(readFileSync(file, 'utf8')).failedAt;
    return typeof at === 'number' ? at : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ root?: string, log?: (line: string) => void, now?: () => number }} [options]
 * @returns {import('./electron-binary.mjs').ElectronBinary}
 */
export function findOrDownloadElectron(options = {}) {
  const { root = projectRoot, log = console.log, now = Date.now } = options;
  const found = findElectronBinary(root);
  if (found.ok || found.reason !== NEVER_DOWNLOADED) return found;

  const note = failureNoteFile(root);
  const failedAt = lastFailure(note);
  if (failedAt !== null && now() - failedAt < RETRY_AFTER_MS) {
    const when = new Date(failedAt).toISOString().slice(0, 16).replace('T', ' ');
    return {
      ...found,
      reason: `${NEVER_DOWNLOADED}; the download failed at ${when} UTC (node node_modules/electron/install.js tries again)`,
    };
  }

  log('Downloading Electron (once)…');
  const download = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron', 'install.js')],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  if (download.status !== 0) {
    mkdirSync(join(note, '..'), { recursive: true });
    writeFileSync(note, `${JSON.stringify({ failedAt: now() })}\n`);
    return { ...found, reason: `${NEVER_DOWNLOADED} and could not be downloaded now` };
  }
  rmSync(note, { force: true });
  return findElectronBinary(root);
}
