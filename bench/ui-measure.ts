/**
 * The triage view in Chromium on benchmark caches, each served by a browser host of its own:
 * key `j` → next paint at every size, the pages pressed in turns (a block of presses on each, round
 * after round, back to the top of the list before each block); at the biggest, the calls and
 * bytes one triage key costs and its key → paint (ui-key-traffic.ts), and the scripted session (ui-session.ts) under a Chromium trace
 * started before that page opened, so its presses are traced like everyone else's. Figures only;
 * nothing here is asserted.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { BenchCache } from './cache';
import { sizeName } from './context';
import { LoadRange } from './load';
import { timingOf, type Timing } from './timing';
import {
  buildRendererForBench,
  launchBenchBrowser,
  nextPaint,
  openTriage,
  setStep,
  watchCommands,
  type CommandWatch,
} from './ui-browser';
import { measureKeyTraffic, type KeyTraffic } from './ui-key-traffic';
import { PAGE_PROBE } from './ui-page-probe';
import { startUiHost, type UiHost } from './ui-host';
import { longEntries, restOfSession, UI_SHOTS_DIR, type SessionFigures } from './ui-session';
import { tracedTasks } from './ui-trace';

const WARMUP_PRESSES = 5;

export interface UiOptions {
  /** `j` presses timed per size, over all rounds. */
  presses: number;
  rounds: number;
  log?: (line: string) => void;
}

export interface UiFigures {
  leads: number;
  openMs: number;
  nextPaint: Timing;
  /** Presses whose selection never moved on screen (should be none). */
  missed: number;
  /** Presses not shown by the first frame after the key (the rest are vsync and CPU waits). */
  lateFrames: number;
  load: string;
  session: (SessionFigures & { load: string }) | null;
  keyTraffic: KeyTraffic | null;
}

interface OpenPage {
  cache: BenchCache;
  host: UiHost;
  context: BrowserContext;
  page: Page;
  commands: CommandWatch;
  openMs: number;
  times: number[];
  missed: number;
  lateFrames: number;
}

async function openPage(browser: Browser, cache: BenchCache, traced: string | null) {
  const host = await startUiHost(cache);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const commands = watchCommands(page);
  await page.addInitScript({ content: PAGE_PROBE });
  if (traced !== null)
    await browser.startTracing(page, {
      path: traced,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
      ],
    });
  const openMs = await openTriage(page, host.url);
  await commands.settled();
  await page.screenshot({ path: join(UI_SHOTS_DIR, `${sizeName(cache.leads)}-open.png`) });
  const opened: OpenPage = {
    ...{ cache, host, context, page, commands, openMs },
    ...{ times: [], missed: 0, lateFrames: 0 },
  };
  return opened;
}

/** A block of `j` presses from the top of the list. */
async function pressBlock(at: OpenPage, presses: number, timed: boolean): Promise<void> {
  await at.page.bringToFront();
  await at.page.keyboard.press('Home');
  await at.commands.settled();
  for (let i = 0; i < presses; i += 1) {
    const press = await nextPaint(at.page, 'j');
    if (!timed) continue;
    if (press.ms < 0) at.missed += 1;
    else at.times.push(press.ms);
    if (press.frames > 1) at.lateFrames += 1;
  }
}

/** Every size in one browser, pressed in turns; the key's traffic and the session at the biggest. */
export async function measureUi(
  caches: readonly BenchCache[],
  options: UiOptions,
): Promise<UiFigures[]> {
  const log = options.log ?? (() => undefined);
  mkdirSync(UI_SHOTS_DIR, { recursive: true });
  await buildRendererForBench();
  const browser = await launchBenchBrowser();
  const pages: OpenPage[] = [];
  try {
    const biggest = caches.length - 1;
    const tracePath = join(UI_SHOTS_DIR, `trace-${sizeName(caches[biggest]!.leads)}.json`);
    for (const [index, cache] of caches.entries()) {
      log(`the triage view in Chromium on the ${sizeName(cache.leads)} cache…`);
      pages.push(await openPage(browser, cache, index === biggest ? tracePath : null));
    }
    const last = pages[biggest]!;
    await setStep(last.page, 'j');
    log(`key j on every page in turns, ${options.presses} presses each…`);
    const load = new LoadRange();
    for (const at of pages) await pressBlock(at, WARMUP_PRESSES, false);
    const perBlock = Math.ceil(options.presses / options.rounds);
    for (let round = 0; round < options.rounds; round += 1) {
      load.note();
      for (const at of pages) await pressBlock(at, perBlock, true);
    }
    const pressLoad = load.text();
    for (const at of pages) {
      await at.commands.settled();
      await at.page.screenshot({ path: join(UI_SHOTS_DIR, `${sizeName(at.cache.leads)}-j.png`) });
    }
    log('calls and bytes of a triage key, and the scripted session…');
    await last.commands.settled();
    const keyTraffic = await measureKeyTraffic(last.page);
    const sessionLoad = new LoadRange();
    const steps = [{ name: 'open', ms: last.openMs }];
    steps.push(...(await restOfSession(last.page, sizeName(last.cache.leads), last.commands)));
    const long = await longEntries(last.page);
    await browser.stopTracing();
    const session = {
      ...{ steps, long, traced: tracedTasks(tracePath), tracePath },
      load: sessionLoad.text(),
    };
    return pages.map((at) => ({
      leads: at.cache.leads,
      openMs: at.openMs,
      nextPaint: timingOf(at.times),
      missed: at.missed,
      lateFrames: at.lateFrames,
      load: pressLoad,
      session: at === last ? session : null,
      keyTraffic: at === last ? keyTraffic : null,
    }));
  } finally {
    for (const at of pages) {
      await at.context.close();
      await at.host.stop();
    }
    await browser.close();
  }
}

export { UI_SHOTS_DIR };
