/**
 * Pushing the outbox to the simulator over HTTP: exactly-once delivery across outages and
 * restarts (checked in the simulator's journal of applied writes), the three-way check and its
 * conflicts, idempotent creates under lost answers and resets, Retry-After on a fake clock,
 * pausing on 401, Envoke's own message for a 400, and the automatic push when the network returns.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { SyncStatus } from '#contract/dto';
import type { RunningSimulator } from '../../src-main/sim';
import {
  clientFor,
  FakeClock,
  journalled,
  openCore,
  startSim,
  tempDir,
  openKeyed,
} from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Fixture {
  sim: RunningSimulator;
  envoke: ReturnType<typeof clientFor>;
  core: Core;
  dbPath: string;
  clock: FakeClock | undefined;
  reopen(): Promise<Core>;
  /** Local id and Envoke id of the n-th lead still unprocessed by marketing. */
  lead(n: number): Promise<{ id: number; envokeId: string }>;
}

async function setup(
  options: { leads?: number; clock?: FakeClock; timeoutMs?: number } = {},
): Promise<Fixture> {
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const sim = await startSim({ leads: options.leads ?? 150 });
  cleanups.push(() => sim.stop());
  const envoke = clientFor(sim, { timeoutMs: options.timeoutMs ?? 3000 });
  const coreOptions = { random: () => 0, ...(options.clock ? { clock: options.clock } : {}) };
  const fixture: Fixture = {
    sim,
    envoke,
    core: openCore(dir.db(), envoke, coreOptions),
    dbPath: dir.db(),
    clock: options.clock,
    async reopen() {
      await fixture.core.close();
      fixture.core = openCore(dir.db(), envoke, coreOptions);
      return fixture.core;
    },
    async lead(n) {
      const { ids } = await fixture.core['leads:ids']({ view: 'marketing-unprocessed' });
      const id = ids[n]!;
      return { id, envokeId: (await fixture.core['leads:get']({ id })).envokeId! };
    },
  };
  cleanups.push(() => fixture.core.close());
  await fixture.core.syncOnce('pull');
  return fixture;
}

function statusLog(core: Core): SyncStatus[] {
  const log: SyncStatus[] = [];
  core.on('sync:status', (status) => log.push(status));
  return log;
}

describe('exactly-once delivery', () => {
  it('changes of many leads go out a few at a time once Envoke answers, each once, each lead in order', async () => {
    const fixture = await setup();
    const { sim, core } = fixture;
    const { ids } = await core['leads:ids']({ view: 'all' });
    const many = ids.slice(0, 60);
    await core['leads:update']({ ids: many, patch: { sales_rating_note: 'first' } });
    // A second change of the first lead, queued behind its first one.
    sim.faults.set({ latencyMs: 20 });
    const realFetch = globalThis.fetch;
    let inFlight = 0;
    let mostInFlight = 0;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        return await realFetch(...args);
      } finally {
        inFlight -= 1;
      }
    };
    cleanups.push(() => {
      globalThis.fetch = realFetch;
    });
    const pushing = core.syncOnce('push');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await core['leads:update']({ ids: [many[0]!], patch: { sales_rating_note: 'second' } });
    await pushing;
    globalThis.fetch = realFetch;
    sim.faults.clear();
    await core.syncOnce('push');

    const patches = sim.journal.filter((entry) => entry.method === 'PATCH');
    const first = (await core['leads:get']({ id: many[0]! })).envokeId!;
    expect(patches.filter((entry) => entry.leadId === first).map((entry) => entry.body)).toEqual([
      { sales_rating_note: 'first' },
      { sales_rating_note: 'second' },
    ]);
    expect(patches).toHaveLength(61);
    expect(new Set(patches.map((entry) => entry.leadId)).size).toBe(60);
    // Requests overlapped: some were sent before the one before them was answered.
    expect(mostInFlight).toBeGreaterThan(1);
  });

  it('edits made while Envoke is unreachable survive a restart and reach Envoke once', async () => {
    const fixture = await setup();
    const { sim } = fixture;
    const a = await fixture.lead(0);
    const b = await fixture.lead(1);
    sim.faults.set({ offline: true });

    await fixture.core['leads:update']({
      ids: [a.id, b.id],
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    await fixture.core['leads:update']({ ids: [a.id], patch: { marketing_rating: 'Hot' } });
    const { id: created } = await fixture.core['leads:create']({
      email: 'offline@example.com',
      fields: { marketing_rating: 'Warm' },
    });
    await expect(fixture.core.syncOnce('push')).rejects.toMatchObject({ code: 'offline' });
    expect(sim.journal).toHaveLength(0);

    const core = await fixture.reopen();
    expect(
      (await core['outbox:list']({ includeDone: false })).entries.map((entry) => entry.kind),
    ).toEqual(['update', 'update', 'create']);
    sim.faults.clear();
    const report = await core.syncOnce('push');
    expect(report).toMatchObject({ pushed: 3, created: 1, conflicts: 0, failed: 0, waiting: 0 });

    expect(journalled(sim, 'PATCH').sort()).toEqual([a.envokeId, b.envokeId].sort());
    expect(sim.journal.find((entry) => entry.leadId === a.envokeId)?.body).toEqual({
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
    });
    expect(journalled(sim, 'POST')).toHaveLength(1);
    expect(sim.store.get(a.envokeId)).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
    });
    // Each PATCH was preceded by a read of the lead (the three-way check): the copies of the
    // next changes' leads are read together, in one request listing their ids.
    const urls = fixture.envoke.requests.map((request) => `${request.method} ${request.url}`);
    const patchAt = urls.lastIndexOf(`PATCH /v1/leads/${a.envokeId}`);
    const readAt = urls.findLastIndex(
      (url, i) => i < patchAt && url.startsWith('GET /v1/leads?filter'),
    );
    expect(urls[readAt]).toContain(`filter[id][$in][]=${a.envokeId}`);
    expect(urls[readAt]).toContain(`filter[id][$in][]=${b.envokeId}`);
    expect(urls.slice(readAt, patchAt).filter((url) => url.startsWith('GET'))).toHaveLength(1);

    const again = await core.syncOnce('push');
    expect(again.pushed).toBe(0);
    expect(sim.journal).toHaveLength(3);
    const detail = await core['leads:get']({ id: created });
    expect(detail).toMatchObject({
      envokeId: sim.journal.find((entry) => entry.method === 'POST')!.leadId,
      syncState: 'synced',
    });
    expect((await core['leads:counts']({})).pending).toBe(0);
  });

  it('the person keeps working while a change is in flight; the new edit follows it', async () => {
    const fixture = await setup();
    const a = await fixture.lead(0);
    await fixture.core['leads:update']({ ids: [a.id], patch: { marketing_rating: 'Hot' } });
    fixture.sim.faults.set({ latencyMs: 300 });
    const pushing = fixture.core.syncOnce('push');
    await vi.waitFor(() =>
      expect(fixture.envoke.requests.some((r) => r.url === `/v1/leads/${a.envokeId}`)).toBe(true),
    );
    const started = performance.now();
    await fixture.core['leads:update']({ ids: [a.id], patch: { marketing_rating: 'Cold' } });
    expect(performance.now() - started).toBeLessThan(200);
    await pushing;
    fixture.sim.faults.clear();
    await fixture.core.syncOnce('push');
    expect(fixture.sim.journal.map((entry) => entry.body)).toEqual([
      { marketing_rating: 'Hot' },
      { marketing_rating: 'Cold' },
    ]);
    expect(fixture.sim.store.get(a.envokeId)?.marketing_rating).toBe('Cold');
  });

  it('undoing an action Envoke already has queues and sends the reversing change', async () => {
    const fixture = await setup();
    const a = await fixture.lead(0);
    const original = fixture.sim.store.get(a.envokeId)!.marketing_rating_status;
    await fixture.core['leads:update']({
      ids: [a.id],
      patch: { marketing_rating_status: 'Deferred' },
    });
    await fixture.core.syncOnce('push');
    await fixture.core['history:undo']({});
    await fixture.core.syncOnce('push');
    expect(fixture.sim.journal.map((entry) => entry.body)).toEqual([
      { marketing_rating_status: 'Deferred' },
      { marketing_rating_status: original },
    ]);
    await fixture.core['history:redo']({});
    await fixture.core.syncOnce('push');
    expect(fixture.sim.store.get(a.envokeId)?.marketing_rating_status).toBe('Deferred');
  });

  it('undo never unsets a status Envoke gave a lead created here', async () => {
    const fixture = await setup();
    const { id } = await fixture.core['leads:create']({ email: 'fresh@example.com' });
    await fixture.core['leads:update']({
      ids: [id],
      patch: { marketing_rating_status: 'Unprocessed' },
    });
    await fixture.core['history:undo']({});
    await fixture.core.syncOnce('push');
    expect((await fixture.core['leads:get']({ id })).fields.marketing_rating_status).toBe(
      'Unprocessed',
    );
    await fixture.core['history:redo']({});
    await fixture.core['history:undo']({});
    expect((await fixture.core['outbox:list']({ includeDone: false })).entries).toEqual([]);
    const report = await fixture.core.syncOnce('push');
    expect(report.failed).toBe(0);
  });

  it('retries a 5xx after a backoff and sends once', async () => {
    const fixture = await setup();
    const a = await fixture.lead(0);
    await fixture.core['leads:update']({ ids: [a.id], patch: { sale_note: 'signed' } });
    fixture.sim.faults.enqueue({ kind: '5xx', match: { method: 'PATCH' }, times: 2 });
    const report = await fixture.core.syncOnce('push');
    expect(report.pushed).toBe(1);
    expect(journalled(fixture.sim, 'PATCH')).toEqual([a.envokeId]);
  });

  it('counts patience in a row: eight changes that each meet one 503 are all sent', async () => {
    const fixture = await setup();
    const leads = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map((n) => fixture.lead(n)));
    for (const lead of leads) {
      await fixture.core['leads:update']({
        ids: [lead.id],
        patch: { sale_note: `call ${lead.envokeId}` },
      });
      // Each lead's own PATCH fails once; the retry succeeds before the next lead's turn.
      fixture.sim.faults.enqueue({
        kind: '5xx',
        match: { method: 'PATCH', path: `/v1/leads/${lead.envokeId}` },
      });
    }
    const report = await fixture.core.syncOnce('push');
    expect(report).toMatchObject({ pushed: 8, failed: 0, waiting: 0 });
    expect(journalled(fixture.sim, 'PATCH').sort()).toEqual(
      leads.map((lead) => lead.envokeId).sort(),
    );
    expect(fixture.sim.stats().faultsInjected).toEqual({ '5xx': 8 });
  });
});

describe('the three-way check', () => {
  it('raises a conflict exactly where both sides changed a field differently', async () => {
    const fixture = await setup();
    const { sim, core } = fixture;
    const [a, b, c, d] = [
      await fixture.lead(0),
      await fixture.lead(1),
      await fixture.lead(2),
      await fixture.lead(3),
    ];
    await core['leads:update']({
      ids: [a.id, b.id, c.id],
      patch: { marketing_rating_status: 'Deferred' },
    });
    await core['leads:update']({ ids: [c.id, d.id], patch: { marketing_rating: 'Hot' } });
    await core['leads:update']({
      ids: [d.id],
      patch: { marketing_rating_note: 'budget approved' },
    });

    sim.store.edit(a.envokeId, { marketing_rating_status: 'Passed to sales' }); // differently: conflict
    sim.store.edit(b.envokeId, { marketing_rating_status: 'Deferred' }); // the same: already there
    sim.store.edit(c.envokeId, { create_note: 'another field' }); // elsewhere: no conflict
    sim.store.edit(d.envokeId, { marketing_rating: 'Cold' }); // differently: conflict on one field

    const report = await core.syncOnce('push');
    expect(report.conflicts).toBe(2);
    const bodies = Object.fromEntries(sim.journal.map((entry) => [entry.leadId, entry.body]));
    expect(bodies).toEqual({
      [c.envokeId]: { marketing_rating_status: 'Deferred', marketing_rating: 'Hot' },
      [d.envokeId]: { marketing_rating_note: 'budget approved' },
    });
    expect(sim.store.get(a.envokeId)?.marketing_rating_status).toBe('Passed to sales');
    expect(sim.store.get(d.envokeId)?.marketing_rating).toBe('Cold');

    const detailA = await core['leads:get']({ id: a.id });
    expect(detailA.syncState).toBe('conflict');
    expect(detailA.conflicts).toEqual([
      {
        field: 'marketing_rating_status',
        base: 'Unprocessed',
        theirs: 'Passed to sales',
        mine: 'Deferred',
      },
    ]);
    expect(detailA.fields.marketing_rating_status).toBe('Deferred');
    expect((await core['leads:counts']({})).conflicts).toBe(2);
    expect((await core['sync:status']({})).conflicts).toBe(2);
    expect((await core['leads:get']({ id: b.id })).syncState).toBe('synced');

    // Nothing more goes out for a conflicted field until the person decides.
    await core.syncOnce('push');
    expect(sim.journal).toHaveLength(2);

    await core['conflicts:resolve']({
      leadId: a.id,
      field: 'marketing_rating_status',
      choice: 'mine',
    });
    await core['conflicts:resolve']({ leadId: d.id, field: 'marketing_rating', choice: 'theirs' });
    expect((await core['leads:get']({ id: d.id })).fields.marketing_rating).toBe('Cold');
    await core.syncOnce('push');
    expect(sim.journal.slice(2).map((entry) => [entry.leadId, entry.body])).toEqual([
      [a.envokeId, { marketing_rating_status: 'Deferred' }],
    ]);
    expect((await core['leads:counts']({})).conflicts).toBe(0);
    expect((await core['outbox:list']({ includeDone: false })).entries).toEqual([]);
  });
});

describe('creates are never duplicated', () => {
  it.each(['drop-after-write', 'reset'] as const)('when a POST meets %s', async (kind) => {
    const fixture = await setup();
    const { sim } = fixture;
    const { id } = await fixture.core['leads:create']({
      email: `${kind}@example.com`,
      firstName: 'Once',
    });
    sim.faults.enqueue({ kind, match: { method: 'POST' } });
    await expect(fixture.core.syncOnce('push')).rejects.toMatchObject({ code: 'offline' });
    expect(journalled(sim, 'POST')).toHaveLength(kind === 'reset' ? 0 : 1);

    const [entry] = (await fixture.core['outbox:list']({ includeDone: false })).entries;
    expect(entry).toMatchObject({ kind: 'create', state: 'pending', attempts: 1 });
    const report = await fixture.core.syncOnce('push');
    expect(report.created).toBe(1);
    const posts = sim.journal.filter((e) => e.method === 'POST');
    expect(posts).toHaveLength(1);
    expect((await fixture.core['leads:get']({ id })).envokeId).toBe(posts[0]!.leadId);
    expect(sim.store.all().filter((lead) => lead.remote_id === posts[0]!.remoteId)).toHaveLength(1);
  });

  it('after a crash in the middle of a POST, and a pull that met the lead first', async () => {
    const fixture = await setup();
    const { sim } = fixture;
    const { id } = await fixture.core['leads:create']({ email: 'crash@example.com' });
    sim.faults.enqueue({ kind: 'drop-after-write', match: { method: 'POST' } });
    await expect(fixture.core.syncOnce('push')).rejects.toMatchObject({ code: 'offline' });
    // As if the process died while the row was out.
    await fixture.core.close();
    const db = openKeyed(fixture.dbPath);
    db.prepare("UPDATE outbox SET state = 'sending', outcome_unknown = 0").run();
    db.close();

    const core = await fixture.reopen();
    await core.syncOnce('pull');
    expect((await core['leads:counts']({})).all).toBe(151);
    expect((await core['leads:get']({ id })).envokeId).toBe(sim.journal[0]!.leadId);
    await core.syncOnce('push');
    expect(journalled(sim, 'POST')).toHaveLength(1);
    expect((await core['leads:get']({ id })).syncState).toBe('synced');
    expect((await core['leads:counts']({})).all).toBe(151);
  });
});

describe('Envoke’s refusals', () => {
  it('a 400 marks the change failed with Envoke’s own message, and it is never retried silently', async () => {
    const fixture = await setup();
    const { core, sim } = fixture;
    // Too long an email is refused before it is queued (Envoke keeps 60 characters)...
    await expect(
      core['leads:create']({ email: `${'a'.repeat(60)}@example.com` }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    // ...so Envoke's own refusal is played by the simulator, on both sends of the create.
    const refusal = 'A contact with this email already exists';
    sim.faults.enqueue({ kind: '400', match: { method: 'POST' }, message: refusal, times: 2 });
    const { id } = await core['leads:create']({ email: 'taken@example.com' });
    const report = await core.syncOnce('push');
    expect(report.failed).toBe(1);
    const [entry] = (await core['outbox:list']({ includeDone: false })).entries;
    expect(entry?.state).toBe('failed');
    expect(entry?.lastError).toContain(refusal);
    expect((await core['leads:get']({ id })).syncState).toBe('failed');
    expect((await core['leads:counts']({})).failed).toBe(1);
    expect((await core['sync:status']({})).failed).toBe(1);

    const requestsBefore = fixture.envoke.requests.length;
    await core.syncOnce('push');
    expect(fixture.envoke.requests.length).toBe(requestsBefore);
    await core['outbox:retry']({ id: entry!.id });
    await core.syncOnce('push');
    expect(fixture.envoke.requests.length).toBeGreaterThan(requestsBefore);
    expect(journalled(sim, 'POST')).toHaveLength(0);
    await core['outbox:discard']({ id: entry!.id });
    expect((await core['leads:counts']({})).failed).toBe(0);
  });

  it('a refused change keeps Envoke’s message, can be edited and sent, or discarded', async () => {
    const fixture = await setup();
    const { core, sim } = fixture;
    const [a, b] = [await fixture.lead(0), await fixture.lead(1)];
    const original = sim.store.get(b.envokeId)!.revenue;
    await core['leads:update']({ ids: [a.id, b.id], patch: { revenue: '5000.00' } });
    const rule = 'Revenue above 1000.00 needs a sale';
    sim.faults.enqueue({ kind: '400', match: { method: 'PATCH' }, message: rule, times: 2 });
    const report = await core.syncOnce('push');
    expect(report).toMatchObject({ failed: 2, pushed: 0 });
    const entries = (await core['outbox:list']({ includeDone: false })).entries;
    expect(entries.map((entry) => [entry.state, entry.lastError])).toEqual([
      ['failed', `Envoke rejected the request: ${rule}`],
      ['failed', `Envoke rejected the request: ${rule}`],
    ]);
    expect((await core['leads:get']({ id: a.id })).fields.revenue).toBe('5000.00');

    // Edited, it goes out on the next push; discarded, the lead shows Envoke's value again.
    await core['outbox:edit']({ id: entries[0]!.id, patch: { revenue: '900.00' } });
    await core['outbox:discard']({ id: entries[1]!.id });
    await core.syncOnce('push');
    expect(sim.journal.map((entry) => [entry.leadId, entry.body])).toEqual([
      [a.envokeId, { revenue: '900.00' }],
    ]);
    expect((await core['leads:get']({ id: b.id })).fields.revenue).toBe(original);
    expect((await core['leads:counts']({})).failed).toBe(0);
  });

  it('a 401 answers syncOnce with an auth error and keeps the change', async () => {
    const fixture = await setup();
    const a = await fixture.lead(0);
    await fixture.core['leads:update']({ ids: [a.id], patch: { sale: 'Yes' } });
    fixture.sim.faults.enqueue({ kind: '401', match: { method: 'GET' } });
    await expect(fixture.core.syncOnce('push')).rejects.toMatchObject({ code: 'auth' });
    expect((await fixture.core['sync:status']({})).state).toBe('auth-required');
    await fixture.core.syncOnce('push');
    expect(journalled(fixture.sim, 'PATCH')).toEqual([a.envokeId]);
  });
});

describe('background sync on a fake clock', () => {
  it('honours Retry-After: nothing before it, the retry right after', async () => {
    const clock = new FakeClock();
    const fixture = await setup({ clock });
    const { core, sim, envoke } = fixture;
    const a = await fixture.lead(0);
    await core['leads:update']({ ids: [a.id], patch: { opportunity: 'Yes' } });
    sim.faults.enqueue({ kind: '429', match: { method: 'PATCH' }, retryAfter: 7 });
    const statuses = statusLog(core);
    core.start();
    await vi.waitFor(() => expect(sim.stats().faultsInjected['429']).toBe(1));
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('error'));
    expect(statuses.at(-1)).toMatchObject({
      pending: 1,
      nextRetryAt: new Date(clock.now() + 7000).toISOString(),
    });
    expect(statuses.at(-1)?.lastError).toMatch(/slow down.*7 s/);

    const seen = envoke.requests.length;
    clock.advance(6999);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(envoke.requests.length).toBe(seen);
    clock.advance(1);
    await vi.waitFor(() => expect(journalled(sim, 'PATCH')).toEqual([a.envokeId]));
    await vi.waitFor(() =>
      expect(statuses.at(-1)).toMatchObject({ state: 'idle', pending: 0, lastError: null }),
    );
  });

  it('pauses on 401 until the person asks again', async () => {
    const clock = new FakeClock();
    const fixture = await setup({ clock });
    const { core, sim, envoke } = fixture;
    const [a, b] = [await fixture.lead(0), await fixture.lead(1)];
    await core['leads:update']({ ids: [a.id], patch: { salesperson: 'Dana Park' } });
    sim.faults.enqueue({ kind: '401', match: { method: 'PATCH' } });
    const statuses = statusLog(core);
    core.start();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('auth-required'));

    await core['leads:update']({ ids: [b.id], patch: { salesperson: 'Dana Park' } });
    const seen = envoke.requests.length;
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(envoke.requests.length).toBe(seen);
    expect(sim.journal).toHaveLength(0);
    expect(statuses.at(-1)).toMatchObject({
      state: 'auth-required',
      pending: 2,
      nextRetryAt: null,
    });

    await core['sync:run-now']({});
    await vi.waitFor(() =>
      expect(journalled(sim, 'PATCH').sort()).toEqual([a.envokeId, b.envokeId].sort()),
    );
    await vi.waitFor(() => expect(statuses.at(-1)).toMatchObject({ state: 'idle', pending: 0 }));
  });

  it('goes offline, then pushes by itself when the network returns or a probe succeeds', async () => {
    const clock = new FakeClock();
    const fixture = await setup({ clock });
    const { core, sim } = fixture;
    const [a, b] = [await fixture.lead(0), await fixture.lead(1)];
    const statuses = statusLog(core);
    core.start();
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('idle'));

    sim.faults.set({ offline: true });
    await core['leads:update']({ ids: [a.id], patch: { marketing_rating: 'Warm' } });
    clock.advance(250);
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('offline'));
    sim.faults.clear();
    core.networkChanged(true);
    await vi.waitFor(() => expect(journalled(sim, 'PATCH')).toEqual([a.envokeId]));
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('idle'));

    // No hint this time: the retry timer's probe finds Envoke back.
    sim.faults.set({ offline: true });
    await core['leads:update']({ ids: [b.id], patch: { marketing_rating: 'Warm' } });
    clock.advance(250);
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('offline'));
    sim.faults.clear();
    const retryAt = clock.nextTimer();
    expect(retryAt).not.toBeNull();
    clock.advance(retryAt! - clock.now());
    await vi.waitFor(() => expect(journalled(sim, 'PATCH')).toEqual([a.envokeId, b.envokeId]));
  });
});
