/**
 * What one triage key costs on the wire between the renderer and the core: the commands the
 * renderer sends (its controller decides which) and their bytes both ways, and the events that
 * come back on the event stream, counted in Chromium through the browser host from the key until
 * nothing has been in flight for a moment. The figure to compare before and after a change to
 * the renderer's reads or the channel.
 */
import type { Page, Request } from '@playwright/test';
import type { Row } from './report';

/** The status key of the active stage, as the session presses it; the list moves on after it. */
export const TRIAGE_KEY = '4';
const PRESSES = 5;
/** The design's aim: the change answers with what it changed, so few reads follow. */
export const CALLS_AIM = 3;

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
}

const INVOKE = '/api/invoke/';

export async function measureKeyTraffic(
  page: Page,
  settled: () => Promise<void>,
): Promise<KeyTraffic> {
  const traffic: KeyTraffic = {
    presses: PRESSES,
    calls: 0,
    sent: 0,
    received: 0,
    events: 0,
    eventBytes: 0,
    commands: {},
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
  const finished = (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (!recording || !path.startsWith(INVOKE)) return;
    const name = decodeURIComponent(path.slice(INVOKE.length));
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
  };
  page.on('requestfinished', finished);
  try {
    await settled();
    recording = true;
    for (let i = 0; i < PRESSES; i += 1) {
      await page.keyboard.press(TRIAGE_KEY);
      await settled();
    }
    recording = false;
    await Promise.all(bodies);
  } finally {
    page.off('requestfinished', finished);
    await cdp.detach();
  }
  return traffic;
}

export function keyTrafficRow(traffic: KeyTraffic, at: string): Row {
  const each = (n: number) => n / traffic.presses;
  const kb = (bytes: number) => `${(each(bytes) / 1024).toFixed(1)} KB`;
  const calls = each(traffic.calls);
  return {
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
  };
}
