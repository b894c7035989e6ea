/**
 * A full pull with many pages in flight, against the simulator over HTTP with a latency per
 * request, into a real SQLite file: the window starts at two and grows while Envoke answers
 * cleanly, halves on 429 and 503 and sends nothing before Retry-After; a close mid-pull resumes
 * exactly after the pages written; a change the person makes while pages are in flight is not
 * overwritten; and the cache ends as a serial pull leaves it, every lead once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { createEnvokeClient, parseLead, type EnvokeClient } from '../../src-main/core/envoke';
import type { RunningSimulator } from '../../src-main/sim';
import { API_ID, API_KEY, openCore, openKeyed, startSim, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface ListRequest {
  skip: number;
  sentAt: number;
  answeredAt: number | null;
  status: number | null;
  /** List requests in flight when this one was sent, itself included. */
  inFlightAtSend: number;
}

/** A real client whose list requests are timed, with how many were in flight at each. */
function timedClient(sim: { url: string }): { envoke: EnvokeClient; lists: ListRequest[] } {
  const lists: ListRequest[] = [];
  let inFlight = 0;
  const envoke = createEnvokeClient({
    baseUrl: sim.url,
    apiId: API_ID,
    apiKey: API_KEY,
    timeoutMs: 5000,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname !== '/v1/leads' || !url.searchParams.has('skip')) return fetch(input, init);
      inFlight += 1;
      const entry: ListRequest = {
        skip: Number(url.searchParams.get('skip')),
        sentAt: performance.now(),
        answeredAt: null,
        status: null,
        inFlightAtSend: inFlight,
      };
      lists.push(entry);
      try {
        const response = await fetch(input, init);
        entry.status = response.status;
        return response;
      } finally {
        inFlight -= 1;
        entry.answeredAt = performance.now();
      }
    },
  });
  return { envoke, lists };
}

async function setup(options: Parameters<typeof startSim>[0]) {
  dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const sim = await startSim(options);
  cleanups.push(() => sim.stop());
  const timed = timedClient(sim);
  let core = openCore(dir.db(), timed.envoke, { random: () => 0 });
  cleanups.push(() => core.close());
  return {
    sim,
    ...timed,
    get core(): Core {
      return core;
    },
    async reopen() {
      await core.close();
      core = openCore(dir.db(), timed.envoke, { random: () => 0 });
      cleanups.push(() => core.close());
      return core;
    },
  };
}

/** Every cached lead as stored in the file, and how many rows each Envoke id has. */
function cachedRows(): { copies: Map<string, string>; rows: number } {
  const db = openKeyed(dir.db(), { readonly: true });
  const rows = db
    .prepare('SELECT envoke_id, server_json FROM leads WHERE envoke_id IS NOT NULL')
    .all() as { envoke_id: string; server_json: string }[];
  db.close();
  return {
    copies: new Map(rows.map((row) => [row.envoke_id, row.server_json])),
    rows: rows.length,
  };
}

/** The cache holds exactly the simulator's leads, each once, as Envoke sends them. */
function expectMirror(sim: RunningSimulator): void {
  const { copies, rows } = cachedRows();
  const leads = sim.store.all().map((raw) => {
    const parsed = parseLead(raw);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.lead;
  });
  expect(rows).toBe(leads.length);
  expect(copies.size).toBe(leads.length);
  const differing = leads.filter((lead) => copies.get(lead.id) !== JSON.stringify(lead));
  expect(differing.map((lead) => lead.id)).toEqual([]);
}

/** The most list requests in flight among those sent in [from, to). */
function peakSentBetween(lists: ListRequest[], from: number, to: number): number {
  return Math.max(
    0,
    ...lists.filter((l) => l.sentAt >= from && l.sentAt < to).map((l) => l.inFlightAtSend),
  );
}

/**
 * The most in flight among the requests sent on resuming, before any answer came back to grow the
 * window again: on a slow machine several answers can land within a few milliseconds, so a fixed
 * slice after resuming would count their growth too.
 */
function peakOnResuming(lists: ListRequest[], resumed: number): number {
  const answers = lists.map((l) => l.answeredAt!).filter((at) => at > resumed);
  const firstAnswer = answers.length > 0 ? Math.min(...answers) : Infinity;
  return peakSentBetween(lists, resumed, Math.max(firstAnswer, resumed + 1));
}

describe('a full pull with pages in flight', () => {
  it('starts with two requests, grows while answers are clean, and halves on a 429, sending nothing before its Retry-After', async () => {
    const { sim, core, lists } = await setup({ leads: 6000, seed: 5, latencyMs: 40 });
    sim.faults.enqueue({
      kind: '429',
      retryAfter: 1,
      match: { method: 'GET', path: /skip=3000&/ },
    });
    const report = await core.syncOnce('pull');
    expect(report.pulled).toBe(6000);
    expectMirror(sim);

    // Two go out before any answer; a third only once one has come back.
    const firstAnswer = Math.min(...lists.map((l) => l.answeredAt!));
    expect(lists.filter((l) => l.sentAt < firstAnswer)).toHaveLength(2);
    const refused = lists.find((l) => l.status === 429)!;
    // The window when the refusal came back (it grows while the refused request is out).
    const refusedAt = refused.answeredAt!;
    const before = peakSentBetween(lists, 0, refusedAt);
    expect(before).toBeGreaterThanOrEqual(4);
    expect(before).toBeLessThanOrEqual(16);

    // Retry-After: 1 s. Nothing is sent from the refusal until that second has passed.
    const next = lists.filter((l) => l.sentAt > refusedAt);
    expect(next.length).toBeGreaterThan(0);
    expect(Math.min(...next.map((l) => l.sentAt)) - refusedAt).toBeGreaterThanOrEqual(990);
    // The window was halved: what goes out first after the hold is at most half of it, the
    // refused page's retry and one step of growth from an answer that came in meanwhile.
    const resumed = Math.min(...next.map((l) => l.sentAt));
    expect(peakOnResuming(lists, resumed)).toBeLessThanOrEqual(Math.floor(before / 2) + 2);
    // The refused page was asked again and written once.
    expect(lists.filter((l) => l.skip === 3000).length).toBeGreaterThanOrEqual(2);
  });

  it('halves on a 503 without Retry-After and still reads every lead once', async () => {
    const { sim, core, lists } = await setup({ leads: 5000, seed: 6, latencyMs: 40 });
    sim.faults.enqueue({
      kind: '5xx',
      status: 503,
      match: { method: 'GET', path: /skip=2500&/ },
    });
    const report = await core.syncOnce('pull');
    expect(report.pulled).toBe(5000);
    expectMirror(sim);
    const refused = lists.find((l) => l.status === 503)!;
    const before = peakSentBetween(lists, 0, refused.answeredAt!);
    expect(before).toBeGreaterThanOrEqual(4);
    const next = lists.filter((l) => l.sentAt > refused.answeredAt!);
    const resumed = Math.min(...next.map((l) => l.sentAt));
    // random() = 0: the smallest backoff, a quarter of a second.
    expect(resumed - refused.answeredAt!).toBeGreaterThanOrEqual(240);
    // Halved: at most half, the refused page's retry, and the growth of a quarter second's
    // answers to pages sent before the refusal (one step a round trip of clean answers after a
    // halving; on a loaded machine those answers are read late, several at once).
    expect(peakOnResuming(lists, resumed)).toBeLessThanOrEqual(Math.floor(before / 2) + 4);
  });

  it('reads every lead once with a page cap below the size asked and one request in ten failing', async () => {
    const { sim, core } = await setup({ leads: 2957, seed: 7, latencyMs: 10, pageCap: 40 });
    sim.faults.set({ failRate: 0.1 });
    const report = await core.syncOnce('pull');
    expect(report.pulled).toBe(2957);
    sim.faults.clear();
    expectMirror(sim);
  });

  it('after a close mid-pull, resumes exactly after the pages written: nothing lost, nothing twice', async () => {
    const fixture = await setup({ leads: 4000, seed: 8, latencyMs: 30 });
    const { sim, lists } = fixture;
    let closing: Promise<void> | null = null;
    const first = fixture.core.syncOnce('pull', (step) => {
      // Close once more than the first page is written, while pages are in flight.
      if (step.phase === 'pull' && step.done > 100 && closing === null)
        closing = fixture.core.close();
    });
    await expect(first).rejects.toMatchObject({ code: 'offline' });
    await closing;
    const written = cachedRows();
    expect(written.rows).toBeGreaterThan(100);
    expect(written.rows).toBeLessThan(4000);
    expect(written.copies.size).toBe(written.rows);
    const fetchedBeforeClose = lists.length;
    expect(Math.max(...lists.map((l) => l.skip))).toBeGreaterThanOrEqual(written.rows);

    const core = await fixture.reopen();
    const report = await core.syncOnce('pull');
    // The resume point is the first page not written, not the furthest page fetched.
    expect(lists[fetchedBeforeClose]?.skip).toBe(written.rows);
    expect(report.pulled).toBe(4000 - written.rows);
    expectMirror(sim);
    expect((await core['leads:counts']({})).all).toBe(4000);
  });

  it('never overwrites a change the person makes while the page holding that lead is in flight', async () => {
    const { sim, core } = await setup({ leads: 3000, seed: 9, latencyMs: 30 });
    await core.syncOnce('pull');
    // A lead on the fifth page: fetched ahead while the first page is written, written later.
    const envokeId = String(sim.store.all()[450]!.id);
    const leadId = cachedId(envokeId);
    sim.store.edit(envokeId, {
      marketing_rating_status: 'Passed to sales',
      create_note: 'phoned in',
    });

    let edit: Promise<unknown> | null = null;
    await core.syncOnce('pull', (step) => {
      if (step.phase === 'pull' && edit === null)
        edit = core['leads:update']({
          ids: [leadId],
          patch: { marketing_rating_status: 'Deferred', marketing_rating: 'Cold' },
        });
    });
    await edit;
    const detail = await core['leads:get']({ id: leadId });
    expect(detail.fields).toMatchObject({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Cold',
      create_note: 'phoned in',
    });
    expect(detail.envokeFields).toMatchObject({ marketing_rating_status: 'Passed to sales' });
    expect(detail.syncState).toBe('pending');
    expect(detail.pending[0]?.fields).toEqual({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Cold',
    });
  });
});

function cachedId(envokeId: string): number {
  const db = openKeyed(dir.db(), { readonly: true });
  const row = db.prepare('SELECT id FROM leads WHERE envoke_id = ?').get(envokeId) as {
    id: number;
  };
  db.close();
  return row.id;
}
