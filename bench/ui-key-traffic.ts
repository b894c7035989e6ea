/**
 * What one triage key costs on the wire between the renderer and the core, and how long until the
 * list shows what it did: in "Marketing: new", the status key on a lead that has not been
 * processed (so every key changes its lead), timed from the key to the frame that shows the lead
 * moved out of the view (that takes the core's answer), and counted from the key until nothing
 * has been in flight for a while: the commands the renderer sends (its controller decides which),
 * their bytes both ways, and the events back on the event stream. Between keys `j` moves on,
 * uncounted (the next lead's detail is the move's read). Counted in Chromium through the browser
 * host; the host is offline (ui-host.ts), so no push follows a key here: the end-to-end test
 * test/e2e/key-traffic.spec.ts counts a key with its push.
 */
import type { Page, Request } from '@playwright/test';
import type { Row } from './report';
import { ms } from './timing';
import { SELECTED_ROW } from './ui-browser';

/** The status key of the active stage (Deferred, in the marketing stage). */
export const TRIAGE_KEY = '4';
const PRESSES = 12;
/** The design's aim: the change answers with what it changed, so few reads follow. */
export const CALLS_AIM = 3;
/** Longer than the renderer's refresh debounce (150 ms) and its detail delay (60 ms). */
const QUIET_MS = 600;
const PAINT_TIMEOUT_MS = 60_000;

export interface KeyTraffic {
  presses: number;
  calls: number;
  /** Request bodies and response bodies of the commands, bytes. */
  sent: number;
  received: number;
  events: number;
  eventBytes: number;
  /** How many times each command was sent. */
  commands: Record<string, number>;
  /** Key → the frame that showed the lead moved out of the view, per press. */
  paintMs: number[];
}

const INVOKE = '/api/invoke/';

/** In the page: from the next keydown to the frame in which the selected row shows as moved. */
const ARM_MOVED_PAINT = `(() => {
  window.__movedPaint = new Promise((resolve) => {
    const onKey = (event) => {
      window.removeEventListener('keydown', onKey, true);
      const start = event.timeStamp;
      const frame = () => {
        const row = document.querySelector(${JSON.stringify(SELECTED_ROW)});
        if (row?.getAttribute('data-moved') === 'true') {
          // A message posted from requestAnimationFrame runs after that frame was painted.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(0);
        } else if (performance.now() - start > ${PAINT_TIMEOUT_MS}) resolve(-1);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    };
    window.addEventListener('keydown', onKey, true);
  });
})()`;

/** Calls in flight, and a wait until none has been in flight, nor begun, for QUIET_MS. */
function followCalls(page: Page, onFinished: (request: Request) => void) {
  let inFlight = 0;
  let lastChange = performance.now();
  const isCall = (request: Request) => new URL(request.url()).pathname.startsWith(INVOKE);
  const started = (request: Request) => {
    if (!isCall(request)) return;
    inFlight += 1;
    lastChange = performance.now();
  };
  const finished = (request: Request) => {
    if (!isCall(request)) return;
    inFlight -= 1;
    lastChange = performance.now();
    onFinished(request);
  };
  const failed = (request: Request) => {
    if (!isCall(request)) return;
    inFlight -= 1;
    lastChange = performance.now();
  };
  page.on('request', started);
  page.on('requestfinished', finished);
  page.on('requestfailed', failed);
  return {
    async quiet(): Promise<void> {
      const from = performance.now();
      while (inFlight > 0 || performance.now() - Math.max(lastChange, from) < QUIET_MS)
        await page.waitForTimeout(50);
    },
    stop() {
      page.off('request', started);
      page.off('requestfinished', finished);
      page.off('requestfailed', failed);
    },
  };
}

/** Presses `key` and waits for the list to show `label` and settle. */
async function toView(page: Page, key: string, label: string, quiet: () => Promise<void>) {
  await page.keyboard.press(key);
  await page.waitForFunction(
    `document.querySelector('[role=listbox][aria-label^="Leads"]')?.getAttribute('aria-label') === ${JSON.stringify(`Leads: ${label}`)}`,
    undefined,
    { timeout: PAINT_TIMEOUT_MS },
  );
  await page.locator(`${SELECTED_ROW}[data-envoke-id]`).waitFor({ timeout: PAINT_TIMEOUT_MS });
  await quiet();
}

export async function measureKeyTraffic(page: Page): Promise<KeyTraffic> {
  const traffic: KeyTraffic = {
    presses: PRESSES,
    calls: 0,
    sent: 0,
    received: 0,
    events: 0,
    eventBytes: 0,
    commands: {},
    paintMs: [],
  };
  let recording = false;
  const bodies: Promise<void>[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (event) => {
    if (!recording) return;
    traffic.events += 1;
    traffic.eventBytes += Buffer.byteLength(event.data) + Buffer.byteLength(event.eventName);
  });
  const calls = followCalls(page, (request) => {
    if (!recording) return;
    const name = decodeURIComponent(new URL(request.url()).pathname.slice(INVOKE.length));
    traffic.calls += 1;
    traffic.commands[name] = (traffic.commands[name] ?? 0) + 1;
    traffic.sent += request.postDataBuffer()?.length ?? 0;
    bodies.push(
      request
        .response()
        .then((response) => response?.body())
        .then((body) => void (traffic.received += body?.length ?? 0))
        .catch(() => undefined),
    );
  });
  try {
    const quiet = () => calls.quiet();
    await toView(page, ']', 'Marketing: new', quiet);
    for (let i = 0; i < PRESSES; i += 1) {
      await page.evaluate(ARM_MOVED_PAINT);
      recording = true;
      await page.keyboard.press(TRIAGE_KEY);
      traffic.paintMs.push((await page.evaluate('window.__movedPaint')) as number);
      await quiet();
      recording = false;
      await page.keyboard.press('j');
      await quiet();
    }
    await Promise.all(bodies);
    // Back to every lead, where the session goes on.
    await toView(page, '[', 'All leads', quiet);
  } finally {
    recording = false;
    calls.stop();
    await cdp.detach();
  }
  return traffic;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function keyTrafficRows(traffic: KeyTraffic, at: string): Row[] {
  const each = (n: number) => n / traffic.presses;
  const kb = (bytes: number) => `${(each(bytes) / 1024).toFixed(1)} KB`;
  const calls = each(traffic.calls);
  const painted = traffic.paintMs.filter((time) => time >= 0);
  const missed = traffic.paintMs.length - painted.length;
  return [
    {
      figure: `calls and bytes per triage key "${TRIAGE_KEY}" (Chromium, browser host), ${at}`,
      project: `${calls.toFixed(1)} calls, ${kb(traffic.sent)} out, ${kb(traffic.received)} back`,
      baseline: `events back: ${each(traffic.events).toFixed(1)}, ${kb(traffic.eventBytes)}`,
      ratio: '',
      goal: `≤ ${CALLS_AIM} calls a key (the design's aim)`,
      met: calls <= CALLS_AIM,
      load: '',
      note: `per key, ${Object.entries(traffic.commands)
        .map(([name, n]) => `${name} ${each(n).toFixed(1)}`)
        .join(', ')}`,
    },
    {
      figure: `triage key "${TRIAGE_KEY}" → the lead shown moved out of the view (Chromium), ${at}`,
      project: `p50 ${ms(median(painted))} max ${ms(Math.max(...painted))} (${painted.length})`,
      baseline: missed > 0 ? `${missed} never shown` : 'the core answered every key',
      ratio: '',
      goal: 'figure: no worse than before a change to the reads',
      met: null,
      load: '',
    },
  ];
}
