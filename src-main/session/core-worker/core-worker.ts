/**
 * The core in a worker thread, seen from the main thread as a running core: the same commands,
 * events, `networkChanged` and `close` as the core itself, carried as messages over the worker's
 * port (protocol.ts; worker-entry.ts is the other end), so every SQLite statement and pull page
 * runs off the thread that serves the window. This is the channel's worker-port adapter.
 *
 * Why a `worker_threads` Worker in the main process and not Electron's utilityProcess: the worker
 * loads the very better-sqlite3 build the main process already loads (no second native build for
 * another runtime); it costs a thread, not a process with its own memory and lifetime to manage;
 * the keychain, the log file and its redaction stay in the main process, the worker only receives
 * the key bytes and sends log lines back; and one MessagePort keeps a command's events and its
 * answer in the order they were posted. The same module runs under plain Node for the browser
 * host and the tests.
 *
 * Guarantees:
 * - A command sent while the worker starts waits for it; one sent after `close` is refused.
 * - The events a command raises arrive before its answer (one port, first in first out).
 * - `close` waits for the core's last transaction (the worker closes the database, then exits).
 * - If the worker dies, the shell hears one sentence (`app:notice`) and a new worker opens the
 *   same database: the outbox is in SQLite, so nothing durable is lost. After MAX_CRASHES within
 *   CRASH_WINDOW_MS it stays down and says so, rather than crash in a loop.
 * - A command in flight when the worker died is sent again to the new one, first and in order,
 *   under the id it went out with: a change that was saved answers what it answered (the core
 *   logs each change's answer with it, in the same transaction), one that was not is made now.
 *   Should the worker die again meanwhile, the next one is only asked whether the change was
 *   saved. So the answer says what happened, never "restarting" over a change that was saved.
 *   A sync in flight answers with the restart's sentence (the background sync resumes itself).
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import {
  coreHandlers,
  createEmitter,
  errorFromWire,
  logListenerFailures,
  type ChannelEvents,
} from '#channel';
import { CommandError } from '#contract';
import type { Logger, SyncReport, SyncWhat } from '../../core';
import { DEMO_API_ID } from '../core-in-process';
import type { RunningCore } from '../running-core';
import { InFlight, isChange } from './in-flight';
import type { FromWorker, ToWorker, WorkerStart } from './protocol';
import { workerScript } from './worker-script';

export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

export const RESTARTING_SENTENCE =
  "Lead Triage's data engine stopped unexpectedly and is restarting; your saved changes are safe.";
export const GAVE_UP_SENTENCE =
  "Lead Triage's data engine stopped unexpectedly several times, so it was not restarted; quit and reopen Lead Triage (your saved changes are safe).";
/** A change in flight when the engine stopped for good: neither saved for sure nor lost. */
export const UNKNOWN_SAVE_SENTENCE =
  "Lead Triage's data engine stopped unexpectedly several times while saving this change, so whether it was saved is not known yet: quit and reopen Lead Triage, and look at the lead.";
const CLOSING_SENTENCE = 'Lead Triage is shutting down';

export interface CoreWorkerOptions {
  start: WorkerStart;
  /** Receives the worker's log lines and the supervisor's own. */
  logger: Logger;
  script?: URL;
  /** Time for the crash window; injectable for tests. */
  now?: () => number;
  /** Runs once the worker has closed (the session's lock on the cache is released then). */
  afterClose?: () => void;
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
  closed: Promise<void>;
}

/**
 * Starts the worker; commands sent before it is ready wait for it. `ready` resolves once the
 * first worker has opened the core, and rejects with its error if it could not.
 */
export function createCoreWorker(options: CoreWorkerOptions): RunningCore {
  const { logger, start } = options;
  const script = options.script ?? workerScript();
  const now = options.now ?? Date.now;
  const events = createEmitter<ChannelEvents>(logListenerFailures(logger));
  const inFlight = new InFlight();
  let nextId = 1;
  let state: 'running' | 'closing' | 'closed' | 'down' = 'running';
  let crashes: number[] = [];
  let online: boolean | null = null;
  let simulatorUrl: string | null = null;
  /** Why it stays down, once it does: what commands answer from then on. */
  let downSentence = GAVE_UP_SENTENCE;

  const emit = events.emit;

  function failPending(error: CommandError): void {
    inFlight.failAll(() => error);
  }

  function spawn(): Running {
    const worker = new Worker(script, { workerData: start });
    let markReady!: () => void;
    let failStart!: (error: unknown) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    let started = false;
    let failure: unknown = null;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          started = true;
          simulatorUrl = message.simulatorUrl;
          markReady();
          return;
        case 'failed':
          failure = errorFromWire(message.error);
          void worker.terminate();
          return;
        case 'answer':
          inFlight.settle(
            message.id,
            message.ok
              ? { ok: true, value: message.value }
              : { ok: false, error: errorFromWire(message.error) },
          );
          return;
        case 'event':
          emit(message.event, message.payload as never);
          return;
        case 'log':
          logger[message.level](message.message, message.detail);
          return;
        case 'closed':
          void worker.terminate();
          return;
      }
    });
    let lastError: unknown = null;
    worker.on('error', (error) => {
      lastError = error;
    });
    const closed = new Promise<void>((resolve) => {
      worker.once('exit', (code) => {
        resolve();
        if (!started) {
          failStart(
            failure ??
              new CommandError(
                'internal',
                `Lead Triage's data engine could not start: ${lastError instanceof Error ? lastError.message : `it ended with code ${code}`}`,
              ),
          );
          return;
        }
        if (current?.worker === worker && state === 'running') crashed(code, lastError);
      });
    });
    return { worker, ready, closed };
  }

  function crashed(code: number, error: unknown): void {
    const at = now();
    crashes = [...crashes.filter((time) => at - time < CRASH_WINDOW_MS), at];
    const detail = {
      exitCode: code,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
    if (crashes.length >= MAX_CRASHES) {
      stayDown(GAVE_UP_SENTENCE, detail);
      return;
    }
    const carried = inFlight.carryOver(new CommandError('internal', RESTARTING_SENTENCE));
    logger.error(RESTARTING_SENTENCE, detail);
    emit('app:notice', { message: RESTARTING_SENTENCE });
    const running = spawn();
    current = running;
    // Registered before any command sent from now on awaits `ready`: those go after these.
    running.ready.then(
      () => {
        if (current === running)
          inFlight.postAgain(carried, (message) => running.worker.postMessage(message));
        if (online !== null) send({ type: 'network', online });
        // Whatever the window shows may predate the crash: it refetches.
        emit('leads:changed', { ids: null });
      },
      (startError: unknown) => {
        inFlight.restore(carried);
        stayDown(
          `Lead Triage's data engine could not be restarted: ${startError instanceof Error ? startError.message : String(startError)}`,
        );
      },
    );
  }

  /**
   * No more restarts: commands in flight and from now on answer `sentence`, said once; a change
   * in flight says that whether it was saved is not known yet.
   */
  function stayDown(sentence: string, detail?: Record<string, unknown>): void {
    state = 'down';
    current = null;
    downSentence = sentence;
    inFlight.failAll(
      (message) =>
        new CommandError('internal', isChange(message) ? UNKNOWN_SAVE_SENTENCE : sentence),
    );
    logger.error(sentence, detail);
    emit('app:notice', { message: sentence });
  }

  function send(message: ToWorker): void {
    current?.worker.postMessage(message);
  }

  async function request(message: (id: number) => ToWorker): Promise<unknown> {
    if (state === 'closing' || state === 'closed')
      throw new CommandError('internal', CLOSING_SENTENCE);
    if (state === 'down' || current === null) throw new CommandError('internal', downSentence);
    const running = current;
    if (running === first) await running.ready;
    else await running.ready.catch(() => undefined);
    if (current !== running || state !== 'running') return request(message);
    const id = nextId++;
    const sent = message(id);
    return new Promise((resolve, reject) => {
      inFlight.add(id, sent, resolve, reject);
      try {
        running.worker.postMessage(sent);
      } catch (error) {
        // Only plain data crosses to the worker (a function or a socket cannot).
        inFlight.settle(id, {
          ok: false,
          error: new CommandError(
            'invalid-input',
            `The input cannot be sent to the data engine: ${String(error)}`,
          ),
        });
      }
    });
  }

  const first = spawn();
  let current: Running | null = first;
  // Whoever awaits `ready` hears a failed start; a shell that never does must not crash on it.
  first.ready.catch(() => undefined);

  const handlers = coreHandlers((name, input) =>
    request((id) => ({ type: 'call', id, name, input, commandId: randomUUID() })),
  );
  const target = start.target;

  let closing: Promise<void> | null = null;
  return {
    ...handlers,
    ready: first.ready,
    account: target === null ? null : { baseUrl: target.baseUrl, apiId: target.apiId },
    // Read each time: a restarted worker runs its own demo simulator, on another port.
    get simulator() {
      return simulatorUrl === null
        ? null
        : { url: simulatorUrl, apiId: DEMO_API_ID, apiKey: start.demoApiKey };
    },
    thread: () => current?.worker ?? null,
    on: (event, listener) => events.on(event, listener),
    syncOnce: (what: SyncWhat) =>
      request((id) => ({ type: 'sync-once', id, what })) as Promise<SyncReport>,
    networkChanged(value) {
      online = value;
      if (state === 'running')
        void current?.ready.then(
          () => send({ type: 'network', online: value }),
          () => undefined,
        );
    },
    close() {
      closing ??= (async () => {
        const running = current;
        state = 'closing';
        if (running !== null) {
          await running.ready.catch(() => undefined);
          running.worker.postMessage({ type: 'close' } satisfies ToWorker);
          await running.closed;
        }
        failPending(new CommandError('internal', CLOSING_SENTENCE));
        state = 'closed';
        current = null;
      })().finally(() => options.afterClose?.());
      return closing;
    },
  };
}
