/**
 * A browser host for tests that speak to its HTTP API, not to the page: it serves a one-line page
 * from a folder made under `dir` in place of the built renderer, and logs nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startBrowserHost,
  type BrowserHost,
  type BrowserHostOptions,
} from '../../src-main/browser-host/browser-host';

export function startTestHost(
  dir: string,
  options: Omit<BrowserHostOptions, 'rendererDir'>,
): Promise<BrowserHost> {
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lead Triage</title>');
  return startBrowserHost({
    port: 0,
    logger: { info() {}, warn() {}, error() {} },
    rendererDir,
    ...options,
  });
}
