import { describe, expect, it } from 'vitest';
import { SimConfigError, type SimLead, startSimulator } from '../../src-main/sim/index';
import {
  type Envelope,
  type ErrorEnvelope,
  VALIDATION_TEXT,
  basicAuth,
  call,
  fixedClock,
  getLeads,
  q,
  startSim,
} from './helpers';

describe('authentication', () => {
  it('answers 401 with Envoke-style JSON for missing or wrong credentials, on every route', async () => {
    const sim = await startSim({ leads: 5, apiId: 'acct', apiKey: 's3cret' });
    for (const auth of [
      null,
      basicAuth('acct', 'wrong'),
      basicAuth('demo', 'demo'),
      'Bearer token',
    ]) {
      for (const [method, path] of [
        ['GET', '/v1/leads'],
        ['GET', '/v1/leads/1001'],
        ['POST', '/v1/leads'],
        ['PATCH', '/v1/leads/1001'],
        ['GET', '/v1/nothing-here'],
      ] as const) {
        const reply = await call<Envelope>(sim, method, path, method === 'GET' ? undefined : {}, {
          auth,
        });
        expect(reply.status).toBe(401);
        expect(reply.json).toEqual({
          success: false,
          result_text: 'Unauthorized',
          result_data: [],
        });
      }
    }
    expect(
      (await call(sim, 'GET', '/v1/leads', undefined, { auth: basicAuth('acct', 's3cret') }))
        .status,
    ).toBe(200);
    // The scheme name is case-insensitive (RFC 9110).
    const lower = basicAuth('acct', 's3cret').replace('Basic', 'basic');
    expect((await call(sim, 'GET', '/v1/leads', undefined, { auth: lower })).status).toBe(200);
  });
});

describe('responses', () => {
  it("carry the headers of Envoke's PHP stack", async () => {
    const sim = await startSim({ leads: 5 });
    const reply = await getLeads(sim, '');
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(reply.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate');
    expect(reply.headers.get('pragma')).toBe('no-cache');
    expect(reply.headers.get('expires')).toBe('Thu, 19 Nov 1981 08:52:00 GMT');
    expect(reply.headers.get('transfer-encoding')).toBe('chunked');
  });

  it('answer 404 for unknown routes, 405 for unsupported methods, and accept the .json suffix', async () => {
    const sim = await startSim({ leads: 5 });
    const unknown = await call<Envelope>(sim, 'GET', '/v1/campaigns');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ success: false });
    const remove = await call(sim, 'DELETE', '/v1/leads/1001');
    expect(remove.status).toBe(405);
    expect(remove.headers.get('allow')).toBe('GET, PATCH');
    expect((await call<SimLead[]>(sim, 'GET', '/v1/leads.json?limit=2')).json).toHaveLength(2);
    expect((await call<SimLead>(sim, 'GET', '/v1/leads/1001.json')).json.id).toBe('1001');
  });

  it('answer 400 for a lead id that is not a number', async () => {
    const sim = await startSim({ leads: 5 });
    const reply = await call<ErrorEnvelope>(sim, 'GET', '/v1/leads/abc');
    expect(reply.status).toBe(400);
    expect(reply.json.result_data.errors).toEqual(["'abc' is not a valid lead id"]);
  });
});

describe('switches for the unknowns of envoke-lead-api.md §12', () => {
  it('notFound: the four shapes of GET /v1/leads/{missing}', async () => {
    const expectations = {
      'validation-400': [
        400,
        {
          success: false,
          result_text: VALIDATION_TEXT,
          result_data: { errors: ["Item with id '5' not found"] },
        },
      ],
      'http-404': [
        404,
        { success: false, result_text: "Item with id '5' not found", result_data: [] },
      ],
      null: [200, null],
      'empty-array': [200, []],
    } as const;
    for (const [shape, [status, body]] of Object.entries(expectations)) {
      const sim = await startSim({ leads: 5, notFound: shape as keyof typeof expectations });
      const reply = await call(sim, 'GET', '/v1/leads/5');
      expect([shape, reply.status, reply.json]).toEqual([shape, status, body]);
    }
  });

  it('enumSpelling: display (default), UPPER_SNAKE, or "Open" for Unprocessed; filters accept all', async () => {
    const display = await startSim({ leads: 300 });
    const upper = await startSim({ leads: 300, enumSpelling: 'upper' });
    const open = await startSim({ leads: 300, enumSpelling: 'open' });
    const query = q({ 'filter[marketing_rating_status]': 'Unprocessed', limit: 3 });
    expect((await getLeads(display, query)).json.map((l) => l.marketing_rating_status)).toEqual(
      Array(3).fill('Unprocessed'),
    );
    expect((await getLeads(open, query)).json.map((l) => l.marketing_rating_status)).toEqual(
      Array(3).fill('Open'),
    );
    const passed = (
      await getLeads(upper, q({ 'filter[marketing_rating_status]': 'Passed to sales', limit: 3 }))
    ).json;
    expect(passed.map((l) => l.marketing_rating_status)).toEqual(Array(3).fill('PASSED_TO_SALES'));
    expect(passed.map((l) => l.sales_rating_status).every((s) => /^[A-Z_]+$/.test(s))).toBe(true);
    const written = await call<Envelope<SimLead>>(upper, 'PATCH', `/v1/leads/${passed[0]!.id}`, {
      opportunity: 'Cancelled',
    });
    expect(written.json.result_data.opportunity).toBe('CANCELLED');
    // The store keeps the display form whatever the wire shows.
    expect(upper.store.get(passed[0]!.id)?.opportunity).toBe('Cancelled');
  });

  it('timeZone: create_time and *_time in the configured zone', async () => {
    const sim = await startSim({
      leads: 5,
      timeZone: 'America/Toronto',
      now: fixedClock('2026-07-01T16:00:00Z'),
    });
    const created = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      sale: 'Yes',
      contact: { email: 'tz@x.example' },
    });
    expect(created.json.result_data.create_time).toBe('2026-07-01 12:00:00');
    expect(created.json.result_data.sale_time).toBe('2026-07-01 12:00:00');
  });

  it('supportsIdGt: false rejects range operators on id as unsupported', async () => {
    const sim = await startSim({ leads: 20, supportsIdGt: false });
    const reply = await call<ErrorEnvelope>(
      sim,
      'GET',
      `/v1/leads${q({ 'filter[id][$gt]': 1005 })}`,
    );
    expect(reply.status).toBe(400);
    expect(reply.json.result_data.errors).toEqual([
      "Operator '$gt' is not supported for field 'id'",
    ]);
    expect((await getLeads(sim, q({ 'filter[id]': 1005 }))).json.map((l) => l.id)).toEqual([
      '1005',
    ]);
    expect(
      (await getLeads(await startSim({ leads: 20 }), q({ 'filter[id][$gt]': 1005, limit: 1 })))
        .status,
    ).toBe(200);
  });

  it('control: /_sim/ routes are a plain 404 unless enabled', async () => {
    const sim = await startSim({ leads: 5 });
    expect((await call(sim, 'GET', '/_sim/journal')).status).toBe(404);
    expect((await call(sim, 'GET', '/_sim/journal', undefined, { auth: null })).status).toBe(401);
  });
});

describe('options', () => {
  it('are checked with a clear message each', async () => {
    const bad: [Parameters<typeof startSimulator>[0], RegExp][] = [
      [{ port: 70000 }, /port must be a whole number from 0 to 65535/],
      [{ leads: 2_000_000 }, /leads must be a whole number from 0 to 1000000/],
      [{ host: '0.0.0.0' }, /host must be a loopback address/],
      [{ failRate: 2 }, /failRate must be between 0 and 1/],
      [{ timeZone: 'Mars/Olympus' }, /Unknown time zone "Mars\/Olympus"/],
      [{ apiId: 'a:b' }, /apiId cannot contain ":"/],
      [{ pageCap: 0 }, /pageCap must be a whole number/],
    ];
    for (const [options, message] of bad) {
      const error = await startSimulator(options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SimConfigError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('reports a port in use as a SimConfigError', async () => {
    const first = await startSim({ leads: 1 });
    await expect(startSim({ leads: 1, port: first.port })).rejects.toThrow(SimConfigError);
  });
});
