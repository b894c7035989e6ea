// The core in its worker thread, against a real SQLite file and the simulator over real HTTP on
// 127.0.0.1: start and stop, a command during start, answers and events in order, a crash and
// the restart after it (nothing durable lost, pushed once), giving up after a crash loop, close
// during a pull, and the built worker beside the main bundle.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '#contract';
import type { RunningSimulator } from '../../src-main/sim';
import {
  createCoreWorker,
  GAVE_UP_SENTENCE,
  MAX_CRASHES,
  RESTARTING_SENTENCE,
} from '../../src-main/session/core-worker/core-worker';
import { workerScript } from '../../src-main/session/core-worker/worker-script';
import type { RunningCore } from '../../src-main/session/running-core';
import type { WorkerStart } from '../../src-main/session/core-worker/protocol';
import { API_ID, API_KEY, openKeyed, startSim, tempDir, TEST_DB_KEY } from '../core/helpers';
import { recordingLogger } from './fake-handlers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(leads = 40): Promise<RunningSimulator> {
  const sim = await startSim({ leads });
  cleanups.push(() => sim.stop());
  return sim;
}

function startFor(sim: RunningSimulator, dbPath: string, key: Buffer = TEST_DB_KEY): WorkerStart {
  return {
    target: { baseUrl: sim.url, apiId: API_ID, apiKey: API_KEY },
    dbPath,
    dbKey: key,
    sqliteBinding: undefined,
    demoLeads: undefined,
    demoApiKey: 'unused',
    simulatorControl: false,
  };
}

function folder() {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  return dir;
}

function worker(start: WorkerStart, log = recordingLogger()): RunningCore {
  const core = createCoreWorker({ start, logger: log.logger });
  cleanups.push(() => core.close());
  return core;
}

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let tries = 0; tries < 400; tries += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolveWait) => setTimeout(resolveWait, 25));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The first background pull over: leads cached, nothing running. */
const synced = (core: RunningCore) =>
  until(
    () => core['sync:status']({}),
    (status) => status.lastSyncAt !== null && status.state === 'idle',
    'the first sync',
  );

function integrity(dbPath: string): string {
  const db = openKeyed(dbPath);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

describe('the core worker', () => {
  it('starts, answers commands from its own thread, logs through the main side, and stops', async () => {
    const sim = await simulator();
    const dir = folder();
    const log = recordingLogger();
    const core = worker(startFor(sim, dir.db()), log);
    await core.ready;
    const thread = core.thread();
    expect(thread).not.toBeNull();
    await synced(core);
    expect((await core['leads:counts']({})).all).toBe(40);

    // Envoke unreachable: the sync's CommandError crosses back as one, and the core's warning
    // reaches the logger on this side.
    sim.faults.set({ offline: true });
    core['sync:run-now']({});
    await until(
      async () => log.lines,
      (lines) => lines.some((line) => line.message === 'Sync with Envoke failed'),
      'the warning',
    );
    await expect(core.syncOnce('pull')).rejects.toMatchObject({
      name: 'CommandError',
      code: 'offline',
    });
    sim.faults.clear();

    // A CommandError crosses the port as a CommandError.
    const missing = await core['leads:get']({ id: 987_654 }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(CommandError);
    expect(missing).toMatchObject({ code: 'not-found' });

    const exited = new Promise<number>((done) => thread?.once('exit', done));
    await core.close();
    await exited;
    expect(core.thread()).toBeNull();
    await expect(core['leads:counts']({})).rejects.toThrow(/shutting down/);
    expect(integrity(dir.db())).toBe('ok');
  });

  it('a command sent while the worker starts waits for it and succeeds', async () => {
    const sim = await simulator();
    const core = worker(startFor(sim, folder().db()));
    let ready = false;
    void core.ready.then(() => (ready = true));
    const counts = core['leads:counts']({});
    const status = core['sync:status']({});
    expect(ready).toBe(false);
    await expect(counts).resolves.toMatchObject({ pending: 0 });
    await expect(status).resolves.toMatchObject({ pending: 0 });
    expect(ready).toBe(true);
  });

  it('a database its key does not open fails the start with the core CommandError', async () => {
    const sim = await simulator();
    const dir = folder();
    const first = worker(startFor(sim, dir.db()));
    await synced(first);
    await first.close();
    const wrongKey = createCoreWorker({
      start: startFor(sim, dir.db(), Buffer.alloc(32, 1)),
      logger: recordingLogger().logger,
    });
    const failure = await wrongKey.ready.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommandError);
    expect(failure).toMatchObject({ code: 'storage-key' });
    await expect(wrongKey['leads:counts']({})).rejects.toMatchObject({ code: 'storage-key' });
    await wrongKey.close();
  });

  it("delivers a command's events before its answer, and answers in the order commands were sent", async () => {
    const sim = await simulator();
    const core = worker(startFor(sim, folder().db()));
    await synced(core);
    const { ids } = await core['leads:ids']({ view: 'all' });
    const order: string[] = [];
    core.on('leads:changed', (change) => order.push(`changed ${JSON.stringify(change.ids)}`));
    core.on('sync:status', (status) => order.push(`status pending=${status.pending}`));

    const id = ids[0]!;
    await core['leads:update']({ ids: [id], patch: { sale_note: 'ordered' } }).then(() =>
      order.push('answer'),
    );
    const answerAt = order.indexOf('answer');
    expect(order.indexOf(`changed [${id}]`)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(`changed [${id}]`)).toBeLessThan(answerAt);
    expect(order.findIndex((entry) => entry.startsWith('status pending='))).toBeLessThan(answerAt);

    // Twenty commands sent at once come back in the order they were sent.
    const answered: number[] = [];
    await Promise.all(
      ids
        .slice(0, 20)
        .map((leadId, index) =>
          (index % 2 === 0 ? core['leads:get']({ id: leadId }) : core['leads:counts']({})).then(
            () => answered.push(index),
          ),
        ),
    );
    expect(answered).toEqual([...Array(20).keys()]);
  });

  it('after a crash: the command in flight gets the sentence, the next one works, and a change made before is pushed once', async () => {
    const sim = await simulator();
    const dir = folder();
    const log = recordingLogger();
    const core = worker(startFor(sim, dir.db()), log);
    const notices: string[] = [];
    const refreshed: unknown[] = [];
    core.on('app:notice', ({ message }) => notices.push(message));
    await synced(core);

    // A change made while Envoke is unreachable waits in the outbox (in SQLite).
    sim.faults.set({ offline: true });
    const { ids } = await core['leads:ids']({ view: 'all' });
    const id = ids[3]!;
    const envokeId = (await core['leads:get']({ id })).envokeId!;
    await core['leads:update']({ ids: [id], patch: { sale_note: 'made before the crash' } });
    expect((await core['outbox:list']({ includeDone: false })).entries).toHaveLength(1);

    // A pull that hangs in Envoke keeps a command in flight (and the push behind it).
    sim.faults.clear();
    sim.faults.enqueue({ kind: 'hang', match: { method: 'GET' }, times: 1 });
    const inFlight = core.syncOnce('pull').catch((error: unknown) => error);
    await until(
      async () => sim.stats().faultsInjected.hang ?? 0,
      (hung) => hung === 1,
      'the hung pull',
    );
    core.on('leads:changed', (change) => refreshed.push(change));

    const crashed = core.thread();
    await crashed?.terminate();
    const failure = await inFlight;
    expect(failure).toBeInstanceOf(CommandError);
    expect((failure as CommandError).message).toBe(RESTARTING_SENTENCE);
    expect(notices).toEqual([RESTARTING_SENTENCE]);
    expect(log.lines.filter((line) => line.message === RESTARTING_SENTENCE)).toHaveLength(1);

    // The next command waits for the new worker, on the same database.
    const { entries } = await core['outbox:list']({ includeDone: false });
    expect(entries.map((entry) => entry.leadId)).toEqual([id]);
    expect(core.thread()).not.toBe(crashed);
    // The window is told to refetch what it shows.
    expect(refreshed).toContainEqual({ ids: null });

    await until(
      async () => (await core['outbox:list']({ includeDone: false })).entries.length,
      (open) => open === 0,
      'the change to be pushed by the new worker',
    );
    await core.syncOnce('push');
    const writes = sim.journal.filter((entry) => entry.leadId === envokeId);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.body).toMatchObject({ sale_note: 'made before the crash' });
  });

  it(`stops restarting after ${MAX_CRASHES} crashes within a minute, and says so`, async () => {
    const sim = await simulator(10);
    const core = worker(startFor(sim, folder().db()));
    const notices: string[] = [];
    core.on('app:notice', ({ message }) => notices.push(message));
    await core.ready;
    for (let crash = 1; crash <= MAX_CRASHES; crash += 1) {
      await core['sync:status']({});
      await core.thread()?.terminate();
      await until(
        async () => notices.length,
        (count) => count === crash,
        `crash ${crash} to be noticed`,
      );
    }
    expect(notices).toEqual([RESTARTING_SENTENCE, RESTARTING_SENTENCE, GAVE_UP_SENTENCE]);
    expect(core.thread()).toBeNull();
    await expect(core['sync:status']({})).rejects.toThrow(GAVE_UP_SENTENCE);
  });

  it('close during a pull stops it between pages: the database checks out and the next pull resumes', async () => {
    const sim = await simulator(3000);
    const dir = folder();
    // Slow pages, so the close lands in the middle of the first pull.
    sim.faults.set({ latencyMs: 150 });
    const core = worker(startFor(sim, dir.db()));
    const states: string[] = [];
    core.on('sync:status', (status) => states.push(status.state));
    const during = await until(
      () => core['leads:counts']({}),
      (counts) => counts.all > 0,
      'the first pull pages',
    );
    expect(during.all).toBeLessThan(3000);
    await core.close();
    // Closed after the page being written, not in the middle of one and not after the whole
    // listing: the file is whole, every page written is there, and the rest is left for later.
    // The worker closed the database itself: the write-ahead log was copied over and removed.
    expect(existsSync(`${dir.db()}-wal`) ? statSync(`${dir.db()}-wal`).size : 0).toBe(0);
    expect(integrity(dir.db())).toBe('ok');
    const db = openKeyed(dir.db());
    const cached = (db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n;
    db.close();
    expect(cached).toBeGreaterThanOrEqual(during.all);
    expect(cached).toBeLessThan(3000);
    expect(states).toContain('syncing');

    sim.faults.clear();
    const reopened = worker(startFor(sim, dir.db()));
    await synced(reopened);
    expect((await reopened['leads:counts']({})).all).toBe(3000);
    await reopened.close();
    expect(integrity(dir.db())).toBe('ok');
  });

  it('close during a push waits for Envoke’s answer: the change is recorded as sent, not left in flight', async () => {
    const sim = await simulator();
    const dir = folder();
    const core = worker(startFor(sim, dir.db()));
    await synced(core);
    const { ids } = await core['leads:ids']({ view: 'all' });
    sim.faults.set({ latencyMs: 400 });
    await core['leads:update']({ ids: [ids[0]!], patch: { sale_note: 'sent while quitting' } });
    await until(
      async () => sim.stats().requestsByMethod.PATCH ?? 0,
      (n) => n === 1,
      'the push to reach Envoke',
    );
    await core.close();

    const db = openKeyed(dir.db());
    const states = db.prepare('SELECT state FROM outbox').pluck().all();
    db.close();
    expect(states).toEqual(['done']);
    expect(sim.journal).toHaveLength(1);
  });
});

describe('the built core worker (npm run build runs before the tests)', () => {
  const mainBundle = resolve(import.meta.dirname, '../../out/main/index.js');

  it('is found beside the main bundle and serves the core', async () => {
    expect(existsSync(mainBundle), `${mainBundle} is missing: run npm run build first`).toBe(true);
    const script = workerScript(pathToFileURL(mainBundle).href);
    expect(script.pathname).toMatch(/\/out\/main\/core-worker\.js$/);
    const sim = await simulator(10);
    const core = createCoreWorker({
      start: startFor(sim, folder().db()),
      logger: recordingLogger().logger,
      script,
    });
    cleanups.push(() => core.close());
    await expect(core['sync:status']({})).resolves.toMatchObject({ pending: 0 });
  });
});
