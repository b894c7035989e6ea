import { describe, expect, it } from 'vitest';
import { type JournalEntry, type SimLead, type SimStats } from '../../src-main/sim/index';
import { type Envelope, type ErrorEnvelope, call, getLeads, startSim } from './helpers';

describe('/_sim/ control endpoints (control: true)', () => {
  it('need the same Basic auth', async () => {
    const sim = await startSim({ leads: 5, control: true });
    expect((await call(sim, 'GET', '/_sim/stats', undefined, { auth: null })).status).toBe(401);
  });

  it('GET /_sim/journal lists applied writes, optionally after a sequence number', async () => {
    const sim = await startSim({ leads: 5, control: true });
    await call(sim, 'PATCH', '/v1/leads/1001', { sale_note: 'one' });
    await call(sim, 'PATCH', '/v1/leads/1002', { sale_note: 'two' });
    const journal = await call<JournalEntry[]>(sim, 'GET', '/_sim/journal');
    expect(journal.json.map((entry) => [entry.seq, entry.leadId, entry.body])).toEqual([
      [1, '1001', { sale_note: 'one' }],
      [2, '1002', { sale_note: 'two' }],
    ]);
    expect(
      (await call<JournalEntry[]>(sim, 'GET', '/_sim/journal?since=1')).json.map(
        (entry) => entry.seq,
      ),
    ).toEqual([2]);
  });

  it('POST /_sim/faults queues a fault (pathRegex for a RegExp) or sets steady ones; DELETE clears', async () => {
    const sim = await startSim({ leads: 5, control: true });
    const queued = await call<Envelope<{ faultsQueued: number }>>(sim, 'POST', '/_sim/faults', {
      kind: '429',
      retryAfter: 3,
      times: 2,
      match: { method: 'GET', pathRegex: '^/v1/leads/\\d+' },
    });
    expect(queued.json).toEqual({
      success: true,
      result_text: 'Fault queued',
      result_data: { faultsQueued: 2 },
    });
    expect((await getLeads(sim, '')).status).toBe(200);
    const limited = await call(sim, 'GET', '/v1/leads/1001');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);

    await call(sim, 'POST', '/_sim/faults', { failRate: 1 });
    expect((await getLeads(sim, '')).status).toBe(500);
    // The controls themselves are never faulted.
    expect((await call(sim, 'GET', '/_sim/stats')).status).toBe(200);
    expect((await call(sim, 'DELETE', '/_sim/faults')).status).toBe(200);
    expect((await getLeads(sim, '')).status).toBe(200);
    expect((await call(sim, 'GET', '/v1/leads/1001')).status).toBe(200);

    await call(sim, 'POST', '/_sim/faults', { offline: true });
    await expect(getLeads(sim, '')).rejects.toThrow(TypeError);
    await call(sim, 'POST', '/_sim/faults', { offline: false });
    expect((await getLeads(sim, '')).status).toBe(200);
  });

  it('POST /_sim/faults rejects bad descriptions with the 400 envelope', async () => {
    const sim = await startSim({ leads: 5, control: true });
    for (const [body, message] of [
      [{ kind: 'meltdown' }, /Unknown fault kind "meltdown"/],
      [{ kind: '5xx', match: { pathRegex: '(' } }, /not a valid regular expression/],
      [{ kind: '5xx', match: { path: '/v1/leads', pathRegex: 'x' } }, /not both/],
      [{ latencyMs: 5, colour: 'red' }, /'colour' is not a fault setting/],
      [{ failRate: 3 }, /failRate must be between 0 and 1/],
    ] as const) {
      const reply = await call<ErrorEnvelope>(sim, 'POST', '/_sim/faults', body);
      expect(reply.status).toBe(400);
      expect(reply.json.result_data.errors.join()).toMatch(message);
    }
    expect(sim.faults.queued).toBe(0);
  });

  it('PATCH /_sim/leads/{id} changes a lead as Envoke UI would, without journalling; POST /_sim/leads adds one', async () => {
    const sim = await startSim({
      leads: 5,
      control: true,
      now: () => new Date('2026-01-02T03:04:05Z'),
    });
    const edited = await call<Envelope<SimLead>>(sim, 'PATCH', '/_sim/leads/1003', {
      opportunity: 'yes',
    });
    expect(edited.json.result_data).toMatchObject({
      opportunity: 'Yes',
      opportunity_time: '2026-01-02 03:04:05',
    });
    expect((await call<SimLead>(sim, 'GET', '/v1/leads/1003')).json.opportunity).toBe('Yes');
    // Read back through the controls too, as a test in another process does.
    expect((await call<SimLead>(sim, 'GET', '/_sim/leads/1003')).json).toEqual(sim.store.get('1003'));
    expect((await call(sim, 'GET', '/_sim/leads/99999')).status).toBe(404);
    const added = await call<Envelope<SimLead>>(sim, 'POST', '/_sim/leads', {
      contact: { email: 'ui@x.example' },
    });
    expect(sim.store.get(added.json.result_data.id)?.contact.email).toBe('ui@x.example');
    expect((await call<JournalEntry[]>(sim, 'GET', '/_sim/journal')).json).toEqual([]);
    const missing = await call<ErrorEnvelope>(sim, 'PATCH', '/_sim/leads/99999', { sale: 'Yes' });
    expect([missing.status, missing.json.result_data.errors]).toEqual([
      400,
      ["Item with id '99999' not found"],
    ]);
  });

  it('GET /_sim/stats counts leads, API requests, faults and journal entries', async () => {
    const sim = await startSim({ leads: 5, control: true });
    sim.faults.enqueue({ kind: '5xx' });
    await getLeads(sim, '');
    await getLeads(sim, '');
    await call(sim, 'PATCH', '/v1/leads/1001', { sale_note: 'x' });
    const stats = (await call<SimStats>(sim, 'GET', '/_sim/stats')).json;
    expect(stats).toEqual({
      leads: 5,
      contacts: 4,
      requests: 3,
      requestsByMethod: { GET: 2, PATCH: 1 },
      faultsInjected: { '5xx': 1 },
      faultsQueued: 0,
      journalEntries: 1,
    });
  });
});
