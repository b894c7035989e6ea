/**
 * The triage view in Chromium on benchmark caches: key `j` → next paint over 200 presses at each
 * size, and at the biggest a scripted session (open, `j` ×200, a one-letter search, a status key,
 * a view switch) under a Chromium trace, reporting its longest frame and task. Screenshots of each
 * step go to .bench/ui/ to be looked at. Figures only; nothing here is asserted.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CACHE_DIR, type BenchCache } from './cache';
import type { Row } from './report';
import { percentile, timingText, ms, type Timing } from './timing';
import { PAGE_PROBE } from './ui-page-probe';
import { startUiHost } from './ui-host';

export const UI_SHOTS_DIR = join(CACHE_DIR, 'ui');
const PRESSES = 200;
const WARMUP_PRESSES = 5;
/** Opening a million-lead cache (the core's first reads, the first window) may take a while. */
const OPEN_TIMEOUT_MS = 10 * 60_000;
const LONG_FRAME_GOAL_MS = 50;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LongEntry {
  type: 'longtask' | 'long-animation-frame';
  step: string;
  start: number;
  duration: number;
  /** For a long animation frame: its longest script and what invoked it. */
  script: string;
}

export interface SessionFigures {
  /** Wall time of each step until its result was on screen. */
  steps: { name: string; ms: number }[];
  /** Long tasks and long animation frames the page reported, longest first. */
  long: LongEntry[];
  /** The longest tasks on the renderer's main thread in the trace. */
  traced: TracedTasks;
  tracePath: string;
}

export interface UiFigures {
  leads: number;
  openMs: number;
  nextPaint: Timing;
  /** Presses whose selection never moved on screen (should be none). */
  missed: number;
  /** Presses not shown by the first frame after the key (the rest are vsync and CPU waits). */
  lateFrames: number;
  session: SessionFigures | null;
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);

const selectedRow = '[role=listbox] [role=option][aria-selected=true]';

/** The renderer the host serves, built from the current sources. */
export async function buildRendererForBench(): Promise<void> {
  await build({ configFile: 'vite.renderer.config.ts', logLevel: 'warn' });
}

export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

async function openTriage(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page
    .locator(`${selectedRow}[data-envoke-id]`)
    .waitFor({ state: 'visible', timeout: OPEN_TIMEOUT_MS });
  return performance.now() - started;
}

async function setStep(page: Page, name: string): Promise<void> {
  await page.evaluate(`window.__leadTriageProbe.setStep(${JSON.stringify(name)})`);
}

/** One key press, timed in the page from its key event to the painted frame that shows it. */
async function nextPaint(page: Page, key: string): Promise<{ ms: number; frames: number }> {
  await page.evaluate('window.__leadTriageProbe.armNextPaint()');
  await page.keyboard.press(key);
  return (await page.evaluate('window.__leadTriageProbe.pending')) as {
    ms: number;
    frames: number;
  };
}

async function pressesOfJ(
  page: Page,
): Promise<{ timing: Timing; missed: number; lateFrames: number }> {
  for (let i = 0; i < WARMUP_PRESSES; i += 1) await nextPaint(page, 'j');
  const times: number[] = [];
  let missed = 0;
  let lateFrames = 0;
  for (let i = 0; i < PRESSES; i += 1) {
    const press = await nextPaint(page, 'j');
    if (press.ms < 0) missed += 1;
    else times.push(press.ms);
    if (press.frames > 1) lateFrames += 1;
  }
  return {
    timing: { p50: percentile(times, 0.5), p99: percentile(times, 0.99), runs: times.length },
    missed,
    lateFrames,
  };
}

export interface TracedTasks {
  /** The longest task on a renderer main thread, wall time, ms. */
  longestMs: number;
  /** How much of it the thread was on a CPU: the rest it waited for one (a loaded machine). */
  longestCpuMs: number;
  /** Per step of the session, the task that kept the CPU longest, ms of CPU time. */
  mostCpuMs: Record<string, number>;
}

/** The longest tasks on the renderer main threads of a Chromium trace, per step of the session. */
export function tracedTasks(tracePath: string): TracedTasks {
  const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // Step boundaries the page marked; before the first mark the page was opening.
  const marks = events
    .filter((e) => e.name.startsWith('step:') && e.ts !== undefined)
    .map((e) => ({ ts: e.ts, step: e.name.slice('step:'.length) }))
    .sort((a, b) => a.ts - b.ts);
  const stepAt = (ts: number) => marks.findLast((mark) => mark.ts <= ts)?.step ?? 'open';
  const found: TracedTasks = { longestMs: 0, longestCpuMs: 0, mostCpuMs: {} };
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const wall = (e.dur ?? 0) / 1000;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    if (wall > found.longestMs) Object.assign(found, { longestMs: wall, longestCpuMs: cpu });
    const step = stepAt(e.ts);
    found.mostCpuMs[step] = Math.max(found.mostCpuMs[step] ?? 0, cpu);
  }
  return found;
}

interface TraceEvent {
  ph: string;
  name: string;
  ts: number;
  pid: number;
  tid: number;
  dur?: number;
  /** Thread (CPU) time of the event, when the trace recorded it. */
  tdur?: number;
  args?: { name?: string };
}

/** Resolves once no command has been in flight for a moment (lists, details, counts answered). */
function watchCommands(page: Page): { settled(): Promise<void> } {
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

/** The steps after `j` ×200: a one-letter search, a status key, a view switch. */
async function restOfSession(
  page: Page,
  size: string,
  commands: { settled(): Promise<void> },
): Promise<{ name: string; ms: number }[]> {
  const steps: { name: string; ms: number }[] = [];
  const timed = async (name: string, run: () => Promise<void>) => {
    await setStep(page, name);
    const started = performance.now();
    await run();
    steps.push({ name, ms: performance.now() - started });
    // The screenshot shows the step once everything it asked for is drawn (the detail too).
    await commands.settled();
    await page.screenshot({ path: join(UI_SHOTS_DIR, `${size}-${name}.png`) });
  };
  const list = page.getByRole('listbox', { name: /^Leads/ });
  await timed('search', async () => {
    // Answered once the host has sent the list for the search "m"; then its rows are drawn.
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/invoke/') &&
        /"search":"m"/.test(response.request().postData() ?? ''),
      { timeout: OPEN_TIMEOUT_MS },
    );
    await page.keyboard.press('/');
    await page.keyboard.type('m');
    await answered;
    await page.locator(`${selectedRow}[data-envoke-id]`).waitFor({ timeout: OPEN_TIMEOUT_MS });
    await page.evaluate(
      'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
    );
  });
  // Escape clears the search; the list takes the keys again.
  await page.keyboard.press('Escape');
  await page.locator('#lead-list').focus();
  await commands.settled();
  await timed('status', async () => {
    const row = page.locator(selectedRow);
    const id = await row.getAttribute('data-envoke-id');
    await page.keyboard.press('4');
    await page
      .locator(`[role=option][data-envoke-id="${id}"]:not([data-sync=synced])`)
      .first()
      .waitFor({ state: 'attached', timeout: OPEN_TIMEOUT_MS });
  });
  await timed('view', async () => {
    const before = await list.getAttribute('aria-label');
    await page.keyboard.press(']');
    await page.waitForFunction(
      `document.querySelector('[role=listbox][aria-label^="Leads"]')?.getAttribute('aria-label') !== ${JSON.stringify(before)}`,
    );
    await page.locator(`${selectedRow}[data-envoke-id]`).waitFor({ timeout: OPEN_TIMEOUT_MS });
  });
  return steps;
}

/** Opens the triage view on one cache and measures it; the session too when asked. */
export async function measureUiAt(
  browser: Browser,
  cache: BenchCache,
  withSession: boolean,
): Promise<UiFigures> {
  mkdirSync(UI_SHOTS_DIR, { recursive: true });
  const size = label(cache.leads);
  const host = await startUiHost(cache);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const commands = watchCommands(page);
    await page.addInitScript({ content: PAGE_PROBE });
    const tracePath = join(UI_SHOTS_DIR, `trace-${size}.json`);
    if (withSession)
      await browser.startTracing(page, {
        path: tracePath,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
        ],
      });
    const openMs = await openTriage(page, host.url);
    await commands.settled();
    await page.screenshot({ path: join(UI_SHOTS_DIR, `${size}-open.png`) });
    await setStep(page, 'j');
    const { timing, missed, lateFrames } = await pressesOfJ(page);
    await commands.settled();
    await page.screenshot({ path: join(UI_SHOTS_DIR, `${size}-j.png`) });
    let session: SessionFigures | null = null;
    if (withSession) {
      const steps = [
        { name: 'open', ms: openMs },
        { name: `j ×${PRESSES}`, ms: NaN },
      ];
      steps.push(...(await restOfSession(page, size, commands)));
      // Long animation frames are reported once they end: give the last one a frame to arrive.
      await page.waitForTimeout(500);
      await browser.stopTracing();
      const long = ((await page.evaluate('window.__leadTriageProbe.long')) as LongEntry[]).sort(
        (a, b) => b.duration - a.duration,
      );
      session = { steps, long, traced: tracedTasks(tracePath), tracePath };
    }
    return { leads: cache.leads, openMs, nextPaint: timing, missed, lateFrames, session };
  } finally {
    await context.close();
    await host.stop();
  }
}

function longestOf(long: readonly LongEntry[], type: LongEntry['type'], skipOpen: boolean) {
  return long.find((entry) => entry.type === type && (!skipOpen || entry.step !== 'open'));
}

/** The rows `npm run bench` and `npm run bench:ui` print. */
export function uiRows(figures: readonly UiFigures[]): Row[] {
  const small = figures[0]!;
  const rows: Row[] = [];
  for (const at of figures) {
    const ratio = at.nextPaint.p99 / small.nextPaint.p99;
    const biggest = at === figures[figures.length - 1] && at !== small;
    rows.push({
      figure: `key j → next paint p99 (Chromium), ${label(at.leads)}`,
      project:
        timingText(at.nextPaint) +
        ` ${at.lateFrames} late` +
        (at.missed > 0 ? ` ${at.missed} missed` : ''),
      baseline: at === small ? `opened in ${ms(at.openMs)}` : `1k: p99 ${ms(small.nextPaint.p99)}`,
      ratio: at === small ? '' : `${ratio.toFixed(2)}x`,
      goal: biggest ? '≤ 16 ms and ≤ 1.2x 1k' : 'figure for the ratio',
      met: biggest ? at.nextPaint.p99 <= 16 && ratio <= 1.2 : null,
    });
  }
  for (const at of figures) {
    if (at.session === null) continue;
    const { long, traced } = at.session;
    const frame = longestOf(long, 'long-animation-frame', false);
    const afterOpen = longestOf(long, 'long-animation-frame', true);
    const describe = (entry: LongEntry | undefined) =>
      entry ? `${ms(entry.duration)} (${entry.step})` : 'none > 50 ms';
    rows.push({
      figure: `session ${label(at.leads)}: longest frame, all steps`,
      project: describe(frame),
      baseline: `trace: task ${ms(traced.longestMs)} (${ms(traced.longestCpuMs)} CPU)`,
      ratio: '',
      goal: `no frame > ${LONG_FRAME_GOAL_MS} ms`,
      met: frame === undefined && traced.longestMs <= LONG_FRAME_GOAL_MS,
    });
    const mostCpu = Object.entries(traced.mostCpuMs);
    const afterOpenCpu = Math.max(
      0,
      ...mostCpu.filter(([step]) => step !== 'open').map(([, cpu]) => cpu),
    );
    rows.push({
      figure: `session ${label(at.leads)}: most CPU in a task after open`,
      project: ms(afterOpenCpu),
      baseline: mostCpu.map(([step, cpu]) => `${step} ${ms(cpu)}`).join(', '),
      ratio: '',
      goal: `≤ ${LONG_FRAME_GOAL_MS} ms (longer frames waited for a CPU)`,
      met: afterOpenCpu <= LONG_FRAME_GOAL_MS,
    });
    rows.push({
      figure: `session ${label(at.leads)}: longest frame after open`,
      project: describe(afterOpen),
      baseline: at.session.steps
        .filter((step) => Number.isFinite(step.ms))
        .map((step) => `${step.name} ${ms(step.ms)}`)
        .join(', '),
      ratio: '',
      goal: `no frame > ${LONG_FRAME_GOAL_MS} ms`,
      met: afterOpen === undefined,
    });
  }
  return rows;
}

/** Every size in one browser; the session at the biggest. */
export async function measureUi(
  caches: readonly BenchCache[],
  log: (line: string) => void = () => undefined,
): Promise<UiFigures[]> {
  await buildRendererForBench();
  const browser = await launchBenchBrowser();
  const figures: UiFigures[] = [];
  try {
    for (const [index, cache] of caches.entries()) {
      const withSession = index === caches.length - 1;
      log(
        `the triage view in Chromium on the ${label(cache.leads)} cache${withSession ? ', with the scripted session' : ''}…`,
      );
      figures.push(await measureUiAt(browser, cache, withSession));
    }
  } finally {
    await browser.close();
  }
  return figures;
}
