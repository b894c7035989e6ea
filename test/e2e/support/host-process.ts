/**
 * Runs the browser host with its demo simulator in a process of its own, as `npm run
 * start:browser` does, so the host never competes with the test runner for its thread. The core
 * and the simulator run in the host's core worker; the test plays Envoke's side through the
 * simulator's own `/_sim/` controls over HTTP: read or edit a lead, add one, cut the network,
 * queue a fault for the next matching request, read the journal of writes. A test may also end
 * the core worker's thread, as a crash would.
 *
 * Started by support/app.ts from the bundle global setup makes of this file (with the core
 * worker beside it): `node host-process.mjs <dbPath> <leads> <rendererDir>`.
 */
import { startBrowserHost } from '../../../src-main/browser-host/browser-host';
import type { SimReply, SimRequest } from './sim-messages';

const [dbPath, leadCount, rendererDir] = process.argv.slice(2);
if (!dbPath || !rendererDir || !process.send)
  throw new Error(
    'Usage: host-process.mjs <dbPath> <leads> <rendererDir>, started with an IPC channel',
  );

const host = await startBrowserHost({
  port: 0,
  dbPath,
  // Bundled, this file no longer sits where the host would look for the renderer by itself.
  rendererDir,
  account: null,
  demoLeads: Number(leadCount ?? 150),
  simulatorControl: true,
  logger: { info() {}, warn() {}, error() {} },
});
const started = host.simulator;
if (!started) throw new Error('The browser host did not start its demo simulator');
const authorization = `Basic ${Buffer.from(`${started.apiId}:${started.apiKey}`).toString('base64')}`;
// The host's core worker (a test may end its thread as a crash would).
const core = host.core;

/** One control request; writes answer in Envoke's envelope, whose data is what the test wants. */
async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  // Asked each time: the simulator lives in the core worker, and a restarted one is on another port.
  const response = await fetch(`${host.simulator?.url ?? started?.url}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as unknown;
  if (response.status === 404 && method === 'GET') return null;
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  const envelope = json as { result_data?: unknown };
  return method === 'GET' ? json : envelope.result_data;
}

async function answer(request: SimRequest): Promise<unknown> {
  switch (request.op) {
    case 'lead':
      return control('GET', `/_sim/leads/${encodeURIComponent(request.id)}`);
    case 'edit':
      return control('PATCH', `/_sim/leads/${encodeURIComponent(request.id)}`, request.patch);
    case 'insert':
      return control('POST', '/_sim/leads', request.body);
    case 'offline':
      if (request.offline) await control('POST', '/_sim/faults', { offline: true });
      else await control('DELETE', '/_sim/faults');
      return null;
    case 'fault':
      await control('POST', '/_sim/faults', request.fault);
      return null;
    case 'journal':
      return control('GET', '/_sim/journal');
    case 'crash-core':
      await core.thread()?.terminate();
      // Answered by the new worker: its simulator is up, and the test may play Envoke again.
      await core['sync:status']({});
      return null;
  }
}

process.on('message', (message: SimRequest & { seq: number }) => {
  answer(message).then(
    (value) => process.send?.({ seq: message.seq, ok: true, value } satisfies SimReply),
    (error: unknown) =>
      process.send?.({
        seq: message.seq,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      } satisfies SimReply),
  );
});

const stop = () => void host.stop().then(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.send({ seq: 0, ok: true, value: host.url } satisfies SimReply);
