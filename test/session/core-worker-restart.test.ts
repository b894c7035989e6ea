/**
 * A change in flight when the core worker dies is answered with what happened to it: saved (and
 * answered as it was), or made on the restarted worker, or, if that one dies too, plainly not
 * saved. Never "restarting" over a change that was saved, never a change made twice. Real worker
 * threads on a real SQLite file; the worker is made to die at the chosen moment.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_SAVED_SENTENCE } from '../../src-main/core/read-only-commands';
import type { RunningSimulator } from '../../src-main/sim';
import {
  createCoreWorker,
  RESTARTING_SENTENCE,
} from '../../src-main/session/core-worker/core-worker';
import type { RunningCore } from '../../src-main/session/running-core';
import { API_ID, API_KEY, openKeyed, startSim, tempDir, TEST_DB_KEY } from '../core/helpers';
import { recordingLogger } from './fake-handlers';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The dying worker from source: tsx registered in the thread first, as workerScript does. */
function dyingWorkerScript(): URL {
  const tsx = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const register = pathToFileURL(join(tsx, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./support/dying-worker.ts', import.meta.url).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(register)});
register();
await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

async function started(
  plan: string,
): Promise<{ core: RunningCore; dbPath: string; notices: string[]; id: number }> {
  const sim: RunningSimulator = await startSim({ leads: 30 });
  cleanups.push(() => sim.stop());
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const core = createCoreWorker({
    start: {
      target: { baseUrl: sim.url, apiId: API_ID, apiKey: API_KEY },
      dbPath: dir.db(),
      dbKey: TEST_DB_KEY,
      sqliteBinding: undefined,
      demoLeads: undefined,
      demoApiKey: 'unused',
      simulatorControl: false,
    },
    logger: recordingLogger().logger,
    script: dyingWorkerScript(),
  });
  cleanups.push(() => core.close());
  const notices: string[] = [];
  core.on('app:notice', ({ message }) => notices.push(message));
  await core.syncOnce('pull');
  // Kept offline from here: the change stays in the outbox, where the test counts it.
  core.networkChanged(false);
  const { ids } = await core['leads:ids']({ view: 'all' });
  writeFileSync(`${dir.db()}.dying`, plan);
  return { core, dbPath: dir.db(), notices, id: ids[0]! };
}

function saved(dbPath: string) {
  const db = openKeyed(dbPath, { readonly: true });
  try {
    return {
      outbox: db.prepare("SELECT fields FROM outbox WHERE state <> 'cancelled'").pluck().all(),
      actions: db.prepare('SELECT label FROM history').pluck().all(),
    };
  } finally {
    db.close();
  }
}

describe('a change in flight when the core worker dies', () => {
  it('saved before the worker died: answered as saved, made once', async () => {
    const { core, dbPath, notices, id } = await started('after-commit:1');
    const answer = await core['leads:update']({ ids: [id], patch: { sales_rating_note: 'saved' } });
    expect(answer).toEqual({ actionId: 1, changed: 1 });
    expect(notices).toEqual([RESTARTING_SENTENCE]);
    expect(saved(dbPath)).toEqual({
      outbox: [JSON.stringify({ sales_rating_note: 'saved' })],
      actions: [expect.stringContaining('saved')],
    });
    // The restarted worker goes on as before.
    await expect(
      core['leads:update']({ ids: [id], patch: { sale_note: 'next' } }),
    ).resolves.toEqual({
      actionId: 2,
      changed: 1,
    });
  }, 60_000);

  it('not saved before the worker died: made on the restarted worker, once', async () => {
    const { core, dbPath, notices, id } = await started('on-arrival:1');
    const answer = await core['leads:update']({
      ids: [id],
      patch: { sales_rating_note: 'made after' },
    });
    expect(answer).toEqual({ actionId: 1, changed: 1 });
    expect(notices).toEqual([RESTARTING_SENTENCE]);
    expect(saved(dbPath).outbox).toEqual([JSON.stringify({ sales_rating_note: 'made after' })]);
  }, 60_000);

  it('the restarted worker dying too: the next one says plainly it was not saved', async () => {
    const { core, dbPath, notices, id } = await started('on-arrival:2');
    const failure = await core['leads:update']({
      ids: [id],
      patch: { sales_rating_note: 'lost' },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'internal', message: NOT_SAVED_SENTENCE });
    expect(notices).toEqual([RESTARTING_SENTENCE, RESTARTING_SENTENCE]);
    expect(saved(dbPath)).toEqual({ outbox: [], actions: [] });
    // Changes made meanwhile and later keep their order and go through.
    await expect(
      core['leads:update']({ ids: [id], patch: { sale_note: 'again' } }),
    ).resolves.toMatchObject({
      changed: 1,
    });
  }, 60_000);
});
