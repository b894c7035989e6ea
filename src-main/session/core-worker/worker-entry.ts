/**
 * The core worker's thread, the server end of the worker-port adapter: opens the core (and the
 * demo simulator) exactly as the main thread would, then serves the core's commands and events
 * over `parentPort` until told to close.
 *
 * Logs go to the main thread as messages, where the shell's logger (and its redaction) writes
 * them. Closing waits for the core's last transaction, posts 'closed' and ends the thread.
 * Started by core-worker.ts; built as out/main/core-worker.js beside the main bundle.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { errorToWire } from '#channel';
import type { CoreEventName, Logger } from '../../core';
import { openCoreInProcess } from '../core-in-process';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';

const CORE_EVENTS: readonly CoreEventName[] = ['sync:status', 'leads:changed'];

function post(port: MessagePort, message: FromWorker): void {
  port.postMessage(message);
}

function portLogger(port: MessagePort): Logger {
  const send =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, detail?: Record<string, unknown>): void => {
      try {
        post(port, { type: 'log', level, message, ...(detail === undefined ? {} : { detail }) });
      } catch {
        // A detail that cannot be copied (a function, a socket) still leaves its sentence.
        post(port, { type: 'log', level, message, detail: { detail: String(detail) } });
      }
    };
  return { info: send('info'), warn: send('warn'), error: send('error') };
}

async function serve(port: MessagePort, start: WorkerStart): Promise<void> {
  const logger = portLogger(port);
  let opened: Awaited<ReturnType<typeof openCoreInProcess>>;
  try {
    opened = await openCoreInProcess(
      start.target === null
        ? null
        : {
            account: { baseUrl: start.target.baseUrl, apiId: start.target.apiId },
            apiKey: start.target.apiKey,
          },
      {
        dbPath: start.dbPath,
        logger,
        dbKey: Buffer.from(start.dbKey),
        demoLeads: start.demoLeads,
        sqliteBinding: start.sqliteBinding,
        demoApiKey: start.demoApiKey,
        simulatorControl: start.simulatorControl,
      },
    );
  } catch (error) {
    post(port, { type: 'failed', error: errorToWire(error) });
    port.close();
    return;
  }
  const { core } = opened;
  for (const event of CORE_EVENTS) {
    core.on(event, (payload) => post(port, { type: 'event', event, payload }));
  }

  let closing = false;
  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'call': {
        const answer = core.callOnce(
          message.name,
          message.input,
          message.commandId,
          message.onlyIfApplied,
        );
        answer.then(
          (value) => post(port, { type: 'answer', id: message.id, ok: true, value }),
          (error: unknown) =>
            post(port, { type: 'answer', id: message.id, ok: false, error: errorToWire(error) }),
        );
        return;
      }
      case 'sync-once':
        core.syncOnce(message.what).then(
          (value) => post(port, { type: 'answer', id: message.id, ok: true, value }),
          (error: unknown) =>
            post(port, { type: 'answer', id: message.id, ok: false, error: errorToWire(error) }),
        );
        return;
      case 'network':
        core.networkChanged(message.online);
        return;
      case 'close':
        if (closing) return;
        closing = true;
        opened
          .close()
          .catch((error: unknown) =>
            logger.error('The core did not close cleanly', { error: String(error) }),
          )
          .finally(() => {
            post(port, { type: 'closed' });
            port.close();
          });
        return;
    }
  });
  post(port, { type: 'ready', simulatorUrl: opened.simulator?.url ?? null });
}

if (parentPort === null) throw new Error('worker-entry.ts runs only as the core worker');
await serve(parentPort, workerData as WorkerStart);
