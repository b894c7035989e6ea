import { describe, expect, it } from 'vitest';
import { SimConfigError, type SimLead } from '../../src-main/sim/index';
import { type Envelope, call, getLeads, q, startSim } from './helpers';

const POST_BODY = { remote_id: 'uuid-drop', contact: { email: 'drop@x.example' } };

/** The error fetch raises when the connection ends without a response. */
async function connectionError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TypeError);
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? String(cause);
}

describe('queued faults', () => {
  it("'5xx' answers nginx's HTML for 503 (default) and 502, Envoke's envelope for 500, then recovers", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '5xx' });
    sim.faults.enqueue({ kind: '5xx', status: 500 });
    sim.faults.enqueue({ kind: '5xx', status: 502 });
    const first = await getLeads(sim, '');
    expect(first.status).toBe(503);
    expect(first.headers.get('content-type')).toBe('text/html');
    expect(first.text).toContain('503 Service Temporarily Unavailable');
    const second = await call<Envelope>(sim, 'GET', '/v1/leads');
    expect([second.status, second.json.success]).toEqual([500, false]);
    expect((await getLeads(sim, '')).status).toBe(502);
    expect((await getLeads(sim, '')).status).toBe(200);
  });

  it("'429' sends Retry-After in seconds or as an HTTP date", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '429', retryAfter: 7 });
    sim.faults.enqueue({ kind: '429', retryAfter: 'http-date' });
    const seconds = await getLeads(sim, '');
    expect(seconds.status).toBe(429);
    expect(seconds.headers.get('retry-after')).toBe('7');
    const before = Date.now();
    const dated = await getLeads(sim, '');
    expect(dated.status).toBe(429);
    const until = Date.parse(dated.headers.get('retry-after') ?? '');
    expect(dated.headers.get('retry-after')).toMatch(/GMT$/);
    expect(until).toBeGreaterThan(before);
    expect(until - before).toBeLessThanOrEqual(3000);
  });

  it("'reset' drops the connection without a response and applies nothing", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: 'reset', match: { method: 'POST' } });
    expect(await connectionError(call(sim, 'POST', '/v1/leads', POST_BODY))).toMatch(
      /ECONNRESET|UND_ERR_SOCKET/,
    );
    expect(sim.journal).toEqual([]);
    expect(sim.store.count()).toBe(5);
  });

  it("'hang' never answers, so the client's timeout fires; other requests still work", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: 'hang' });
    const hung = call(sim, 'GET', '/v1/leads', undefined, { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await getLeads(sim, '')).status).toBe(200);
  });

  it('stop() ends hanging requests at once and resolves', async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: 'hang', times: 2 });
    const hung = Promise.allSettled([
      call(sim, 'GET', '/v1/leads'),
      call(sim, 'PATCH', '/v1/leads/1001', { sale: 'Yes' }),
    ]);
    while (sim.stats().requests < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = performance.now();
    await sim.stop();
    const outcomes = await hung;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sim.journal).toEqual([]);
  });

  it("'malformed' answers 200 with a body cut short; the write behind it is applied", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: 'malformed', times: 2 });
    const list = await getLeads(sim, '');
    expect(list.status).toBe(200);
    expect(() => JSON.parse(list.text) as unknown).toThrow(SyntaxError);
    const write = await call(sim, 'PATCH', '/v1/leads/1001', { sale_note: 'kept' });
    expect(() => JSON.parse(write.text) as unknown).toThrow(SyntaxError);
    expect(sim.store.get('1001')?.sale_note).toBe('kept');
  });

  it("'401' refuses good credentials once", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '401' });
    const refused = await call<Envelope>(sim, 'GET', '/v1/leads');
    expect([refused.status, refused.json.result_text]).toEqual([401, 'Unauthorized']);
    expect((await getLeads(sim, '')).status).toBe(200);
  });

  it("'400' refuses the next matching write with Envoke's validation envelope and applies nothing", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '400', match: { method: 'PATCH' }, message: 'Sale note is locked' });
    expect((await getLeads(sim, '')).status).toBe(200);
    const refused = await call<Envelope>(sim, 'PATCH', '/v1/leads/1001', { sale_note: 'refused' });
    expect([refused.status, refused.json.success, refused.json.result_data]).toEqual([
      400,
      false,
      { errors: ['Sale note is locked'] },
    ]);
    expect(sim.store.get('1001')?.sale_note).not.toBe('refused');
    expect(sim.journal).toHaveLength(0);
    expect((await call(sim, 'PATCH', '/v1/leads/1001', { sale_note: 'kept' })).status).toBe(200);
  });

  it("'drop-after-write' applies and journals the write, then drops the connection; reads pass it by", async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: 'drop-after-write' });
    expect((await getLeads(sim, '')).status).toBe(200);
    await connectionError(call(sim, 'POST', '/v1/leads', POST_BODY));
    expect(sim.journal).toHaveLength(1);
    expect(sim.journal[0]).toMatchObject({
      seq: 1,
      method: 'POST',
      path: '/v1/leads',
      remoteId: 'uuid-drop',
      body: POST_BODY,
    });
    const found = (await getLeads(sim, q({ 'filter[remote_id]': 'uuid-drop' }))).json;
    expect(found.map((lead) => lead.id)).toEqual([sim.journal[0]?.leadId]);

    sim.faults.enqueue({ kind: 'drop-after-write', match: { method: 'PATCH' } });
    await connectionError(call(sim, 'PATCH', '/v1/leads/1002', { opportunity: 'Yes' }));
    expect(sim.store.get('1002')?.opportunity).toBe('Yes');
    expect(sim.journal.map((entry) => entry.method)).toEqual(['POST', 'PATCH']);
  });

  it('apply to the next matching requests in order, by method, path string or RegExp, `times` each', async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '5xx', status: 500, match: { method: 'patch' } });
    sim.faults.enqueue({ kind: '429', match: { path: '/v1/leads/1002' }, times: 2 });
    sim.faults.enqueue({ kind: '401', match: { path: /filter%5Bsale%5D/ } });
    expect((await getLeads(sim, '')).status).toBe(200);
    expect((await call(sim, 'GET', '/v1/leads/1001')).status).toBe(200);
    expect((await getLeads(sim, q({ 'filter[sale]': 'Yes' }))).status).toBe(401);
    expect((await call(sim, 'GET', '/v1/leads/1002?x=1')).status).toBe(429);
    expect((await call(sim, 'PATCH', '/v1/leads/1002', { sale_note: 'x' })).status).toBe(500);
    expect((await call(sim, 'GET', '/v1/leads/1002')).status).toBe(429);
    expect((await call(sim, 'GET', '/v1/leads/1002')).status).toBe(200);
    expect(sim.faults.queued).toBe(0);
    expect(sim.stats().faultsInjected).toEqual({ '401': 1, '429': 2, '5xx': 1 });
  });

  it('reject impossible fault descriptions with SimConfigError', () => {
    const sim = startSim({ leads: 1 });
    return sim.then((running) => {
      const bad = [
        { kind: 'explode' },
        { kind: '5xx', status: 404 },
        { kind: '429', status: 503 },
        { kind: '429', retryAfter: -1 },
        { kind: 'reset', times: 0 },
        { kind: 'reset', match: { path: 5 } },
      ];
      for (const spec of bad) {
        expect(() => running.faults.enqueue(spec as never), JSON.stringify(spec)).toThrow(
          SimConfigError,
        );
      }
      expect(() => running.faults.set({ failRate: 1.5 })).toThrow(
        /failRate must be between 0 and 1/,
      );
      expect(() => running.faults.set({ latencyMs: -5 })).toThrow(/latencyMs/);
    });
  });
});

describe('steady faults', () => {
  it('latencyMs delays every answer', async () => {
    const sim = await startSim({ leads: 5, latencyMs: 150 });
    const started = performance.now();
    expect((await getLeads(sim, '')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('failRate answers that share of requests with 500, in the same pattern for the same seed', async () => {
    const pattern = async (seed: number): Promise<number[]> => {
      const sim = await startSim({ leads: 5, seed, failRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await getLeads(sim, '')).status);
      return statuses;
    };
    const first = await pattern(4);
    expect(await pattern(4)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    const sim = await startSim({ leads: 5, failRate: 1 });
    expect((await getLeads(sim, '')).status).toBe(500);
    sim.faults.set({ failRate: 0 });
    expect((await getLeads(sim, '')).status).toBe(200);
  });

  it('offline resets every request until cleared; clear() also drops queued faults', async () => {
    const sim = await startSim({ leads: 5 });
    sim.faults.set({ offline: true });
    sim.faults.enqueue({ kind: '401' });
    await connectionError(getLeads(sim, ''));
    await connectionError(call(sim, 'PATCH', '/v1/leads/1001', { sale: 'Yes' }));
    expect(sim.store.get('1001')?.sale).not.toBe('Yes');
    sim.faults.clear();
    expect((await getLeads(sim, '')).status).toBe(200);
    expect(sim.faults.queued).toBe(0);
  });
});

describe('the journal', () => {
  it('records each applied write with seq, method, path, lead id, remote_id, body and time', async () => {
    const sim = await startSim({ leads: 5, now: () => new Date('2026-05-05T10:00:00Z') });
    const created = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      remote_id: 'k1',
      contact: { email: 'j@x.example' },
    });
    await call(sim, 'PATCH', `/v1/leads/${created.json.result_data.id}`, { sale: 'Yes' });
    await call(sim, 'PATCH', '/v1/leads/1001', { sale: 'Nope' });
    expect(sim.journal).toEqual([
      {
        seq: 1,
        method: 'POST',
        path: '/v1/leads',
        leadId: created.json.result_data.id,
        remoteId: 'k1',
        body: { remote_id: 'k1', contact: { email: 'j@x.example' } },
        at: '2026-05-05T10:00:00.000Z',
      },
      {
        seq: 2,
        method: 'PATCH',
        path: `/v1/leads/${created.json.result_data.id}`,
        leadId: created.json.result_data.id,
        remoteId: 'k1',
        body: { sale: 'Yes' },
        at: '2026-05-05T10:00:00.000Z',
      },
    ]);
  });
});
