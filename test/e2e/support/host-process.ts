/**
 * Runs the browser host with its demo simulator in a process of its own, as `npm run
 * start:browser` does, so the host's synchronous SQLite work never stalls the test runner.
 * The test plays Envoke's side through messages: read or edit a lead, add one, cut the network,
 * queue a fault for the next matching request, read the journal of writes.
 *
 * Started by support/app.ts from the bundle global setup makes of this file:
 * `node host-process.mjs <dbPath> <leads> <rendererDir>`.
 */
import { startBrowserHost } from '../../../src-main/browser-host/browser-host';
import type { FaultSpec, RunningSimulator } from '../../../src-main/sim';
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
  logger: { info() {}, warn() {}, error() {} },
});
// The host types its simulator as { url, stop }; in demo mode it is the whole running simulator.
const sim = host.simulator as RunningSimulator | null;
if (!sim || !('journal' in sim))
  throw new Error('The browser host did not start its demo simulator');

function answer(request: SimRequest): unknown {
  switch (request.op) {
    case 'lead':
      return sim?.store.get(request.id) ?? null;
    case 'edit':
      return sim?.store.edit(request.id, request.patch);
    case 'insert':
      return sim?.store.insert(request.body);
    case 'offline':
      if (request.offline) sim?.faults.set({ offline: true });
      else sim?.faults.clear();
      return null;
    case 'fault':
      sim?.faults.enqueue(request.fault satisfies FaultSpec);
      return null;
    case 'journal':
      return sim?.journal ?? [];
  }
}

process.on('message', (message: SimRequest & { seq: number }) => {
  let reply: SimReply;
  try {
    reply = { seq: message.seq, ok: true, value: answer(message) };
  } catch (error) {
    reply = {
      seq: message.seq,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  process.send?.(reply);
});

const stop = () => void host.stop().then(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.send({ seq: 0, ok: true, value: host.url } satisfies SimReply);
