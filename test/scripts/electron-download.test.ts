/**
 * Issue 8, point 18: `npm start` says "Downloading Electron (once)…" only when it really
 * downloads. Where the download fails (no network) it does not try, and say so, on every start:
 * the failure is remembered for a day. Run against a real electron package folder whose
 * install.js fails or installs a binary, as the real one does.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  failureNoteFile,
  findOrDownloadElectron,
  RETRY_AFTER_MS,
} from '../../scripts/electron-download.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project folder whose electron package has no binary yet; install.js does what it is told. */
function project(install: 'fails' | 'installs'): string {
  const root = mkdtempSync(join(tmpdir(), 'lead-triage-electron-'));
  roots.push(root);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  const script =
    install === 'fails'
      ? 'process.exit(1);'
      : `const fs = require('node:fs'), path = require('node:path');
         fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
         const bin = path.join(__dirname, 'dist', 'electron');
         fs.writeFileSync(bin, '#!/bin/sh\\necho v45.3.0\\n');
         fs.chmodSync(bin, 0o755);
         fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
  writeFileSync(join(pkg, 'install.js'), script);
  writeFileSync(join(pkg, 'package.json'), '{"type":"commonjs"}');
  return root;
}

function start(root: string, now: number) {
  const lines: string[] = [];
  const result = findOrDownloadElectron({ root, log: (line) => lines.push(line), now: () => now });
  return { result, lines };
}

describe('npm start and the Electron download', () => {
  it('announces a download that fails once, not on every start', () => {
    const root = project('fails');
    const t = Date.UTC(2026, 10, 27, 9, 0);
    const first = start(root, t);
    expect(first.lines).toEqual(['Downloading Electron (once)…']);
    expect(first.result).toMatchObject({ ok: false, reason: /could not be downloaded now/ });

    const second = start(root, t + 60_000);
    expect(second.lines).toEqual([]);
    expect(second.result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/download failed at 2026-11-27 09:00 UTC/),
    });

    // A day later it tries again, and says so.
    expect(start(root, t + RETRY_AFTER_MS + 1).lines).toEqual(['Downloading Electron (once)…']);
  });

  it('says nothing when the binary is already there, and downloads only when missing', () => {
    const root = project('installs');
    const first = start(root, 0);
    expect(first.lines).toEqual(['Downloading Electron (once)…']);
    expect(first.result.ok).toBe(true);
    expect(existsSync(failureNoteFile(root))).toBe(false);
    const second = start(root, 1);
    expect(second.lines).toEqual([]);
    expect(second.result.ok).toBe(true);
  });

  it('forgets an old failure once the binary is installed', () => {
    const root = project('installs');
    mkdirSync(join(failureNoteFile(root), '..'), { recursive: true });
    writeFileSync(failureNoteFile(root), JSON.stringify({ failedAt: 0 }));
    chmodSync(failureNoteFile(root), 0o644);
    expect(start(root, RETRY_AFTER_MS + 1).result.ok).toBe(true);
    expect(existsSync(failureNoteFile(root))).toBe(false);
  });
});
