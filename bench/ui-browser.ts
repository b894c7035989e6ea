/**
 * Chromium and the triage page for the UI figures: the browser, the renderer build it loads,
 * opening the page on a browser host, and the page-side probe's calls (see ui-page-probe.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';

/** Opening a million-lead cache (the core's first reads, the first window) may take a while. */
export const OPEN_TIMEOUT_MS = 10 * 60_000;

export const SELECTED_ROW = '[role=listbox] [role=option][aria-selected=true]';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const RENDERER_SOURCES = ['src-renderer', 'src-shared/contract', 'vite.renderer.config.ts'];
const BUILT_PAGE = 'out/renderer/index.html';

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/** The renderer the host serves, built from the current sources unless built since they changed. */
export async function buildRendererForBench(): Promise<void> {
  const builtAt = existsSync(BUILT_PAGE) ? statSync(BUILT_PAGE).mtimeMs : 0;
  if (builtAt >= Math.max(...RENDERER_SOURCES.map(newestChange))) return;
  await build({ configFile: 'vite.renderer.config.ts', logLevel: 'warn' });
}

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Opens the page and waits for the list's first selected row; returns the time it took. */
export async function openTriage(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page
    .locator(`${SELECTED_ROW}[data-envoke-id]`)
    .waitFor({ state: 'visible', timeout: OPEN_TIMEOUT_MS });
  return performance.now() - started;
}

export async function setStep(page: Page, name: string): Promise<void> {
  await page.evaluate(`window.__leadTriageProbe.setStep(${JSON.stringify(name)})`);
}

/** One key press, timed in the page from its key event to the painted frame that shows it. */
export async function nextPaint(page: Page, key: string): Promise<{ ms: number; frames: number }> {
  await page.evaluate('window.__leadTriageProbe.armNextPaint()');
  await page.keyboard.press(key);
  return (await page.evaluate('window.__leadTriageProbe.pending')) as {
    ms: number;
    frames: number;
  };
}

export interface CommandWatch {
  /** Resolves once no command has been in flight for a moment (lists, details, counts answered). */
  settled(): Promise<void>;
}

export function watchCommands(page: Page): CommandWatch {
  let inFlight = 0;
  let lastChange = performance.now();
  const isCommand = (url: string) => url.includes('/api/invoke/');
  const change = (delta: number) => (url: string) => {
    if (!isCommand(url)) return;
    inFlight += delta;
    lastChange = performance.now();
  };
  const started = change(1);
  const ended = change(-1);
  page.on('request', (request) => started(request.url()));
  page.on('requestfinished', (request) => ended(request.url()));
  page.on('requestfailed', (request) => ended(request.url()));
  return {
    async settled() {
      while (inFlight > 0 || performance.now() - lastChange < 400) await page.waitForTimeout(50);
    },
  };
}
