/**
 * The client against scripted replies the simulator does not produce: the unknowns of
 * envoke-lead-api.md answered "the other way", and transport failures at exact moments.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import {
  createEnvokeClient,
  EnvokeError,
  type EnvokeClient,
  type EnvokeClientOptions,
} from '../../src-main/core/envoke';
import {
  json,
  startScriptedServer,
  wireLead,
  type Script,
  type ScriptedServer,
} from './scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function clientFor(
  script: Script,
  options: Partial<EnvokeClientOptions> = {},
): Promise<EnvokeClient> {
  server = await startScriptedServer(script);
  return createEnvokeClient({ baseUrl: server.url, apiId: 'demo', apiKey: 'secret', ...options });
}

function recorded() {
  if (!server) throw new Error('no server');
  return server.requests;
}

async function failure(promise: Promise<unknown>): Promise<EnvokeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(EnvokeError);
    return error as EnvokeError;
  }
  throw new Error('expected an EnvokeError');
}

const validation400 = (errors: string[]) => ({
  success: false,
  result_text: "Validation failed, see 'result_data' -> 'errors'",
  result_data: { errors },
});

describe('request headers', () => {
  it('sends Basic auth, Accept, a User-Agent with the app version, and a JSON type on writes only', async () => {
    const client = await clientFor((req, res) =>
      req.method === 'GET'
        ? json(res, 200, [])
        : json(res, 200, { success: true, result_data: wireLead(5) }),
    );
    await client.listLeads({ limit: 1 });
    await client.updateLead('5', { marketing_rating: 'Hot' });
    const [get, patch] = recorded();
    const expectedAuth = `Basic ${Buffer.from('demo:secret').toString('base64')}`;
    expect(get?.headers.authorization).toBe(expectedAuth);
    expect(get?.headers.accept).toBe('application/json');
    expect(get?.headers['user-agent']).toBe(`LeadTriage/${packageJson.version} (+desktop)`);
    expect(get?.headers['content-type']).toBeUndefined();
    expect(patch?.headers.authorization).toBe(expectedAuth);
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(patch?.body ?? '')).toEqual({ marketing_rating: 'Hot' });
  });

  it('uses the User-Agent it is given and a base URL with a trailing slash', async () => {
    server = await startScriptedServer((_, res) => json(res, 200, []));
    const client = createEnvokeClient({
      baseUrl: `${server.url}/`,
      apiId: 'a',
      apiKey: 'b',
      userAgent: 'LeadTriage/9.9.9 (+desktop)',
    });
    await client.probe();
    expect(recorded()[0]).toMatchObject({ url: '/v1/leads?limit=1' });
    expect(recorded()[0]?.headers['user-agent']).toBe('LeadTriage/9.9.9 (+desktop)');
  });
});

describe('HTTP statuses the simulator never sends', () => {
  it('reads 403 as auth with Envoke’s message', async () => {
    const client = await clientFor((_, res) =>
      json(res, 403, { success: false, result_text: 'Lead API not enabled for this account' }),
    );
    const error = await failure(client.probe());
    expect(error).toMatchObject({ reason: 'auth', status: 403, retryable: false });
    expect(error.messages).toEqual(['Lead API not enabled for this account']);
  });

  it('reads 429 with Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const client = await clientFor(
      (_, res) => json(res, 429, null, { 'Retry-After': 'Sun, 01 Mar 2026 12:00:42 GMT' }),
      { now: () => now },
    );
    const error = await failure(client.listLeads());
    expect(error).toMatchObject({
      reason: 'rate-limited',
      status: 429,
      retryAfterMs: 42_000,
      retryable: true,
    });
  });

  it('reads 5xx as server, keeps Retry-After, and marks a write as possibly applied', async () => {
    const client = await clientFor((_, res) => {
      res.writeHead(502, { 'Retry-After': '7', 'Content-Type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const read = await failure(client.getLead('1'));
    expect(read).toMatchObject({
      reason: 'server',
      status: 502,
      retryAfterMs: 7000,
      outcomeUnknown: false,
    });
    const write = await failure(client.updateLead('1', { sale: 'Yes' }));
    expect(write).toMatchObject({ reason: 'server', outcomeUnknown: true });
  });

  it('reads a 400 with only result_text as validation with that text', async () => {
    const client = await clientFor((_, res) =>
      json(res, 400, { success: false, result_text: 'Bad filter' }),
    );
    const error = await failure(client.listLeads({ filter: { id: { $regex: 'x' } } }));
    expect(error).toMatchObject({ reason: 'validation', status: 400, messages: ['Bad filter'] });
  });

  it('does not follow a redirect (it would turn a POST into a GET)', async () => {
    const client = await clientFor((_, res) => {
      res.writeHead(301, { Location: 'https://e1.envoke.com/v1/leads' });
      res.end();
    });
    const error = await failure(client.createLead({ contact: { email: 'a@b.c' } }));
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain('https://e1.envoke.com/v1/leads');
    expect(recorded()).toHaveLength(1);
  });

  it('reads a 200 envelope saying success: false as a refusal', async () => {
    const client = await clientFor((_, res) =>
      json(res, 200, validation400(['rule_rating is required'])),
    );
    const list = await failure(client.listLeads());
    expect(list).toMatchObject({
      reason: 'validation',
      status: 200,
      messages: ['rule_rating is required'],
    });
    const create = await failure(client.createLead({ contact: { email: 'a@b.c' } }));
    expect(create).toMatchObject({ reason: 'validation', outcomeUnknown: false });
  });
});

describe('reply bodies', () => {
  it('reports unreadable leads of a page with id and reason, keeping the readable ones', async () => {
    const items = [
      wireLead(1),
      { id: '2', contact: 'nobody' },
      'junk',
      wireLead(4, { revenue: 10 }),
    ];
    const client = await clientFor((_, res) => json(res, 200, items));
    const page = await client.listLeads({ limit: 4 });
    expect(page.received).toBe(4);
    expect(page.leads.map((lead) => lead.id)).toEqual(['1', '4']);
    expect(page.leads[1]?.revenue).toBe('10.00');
    expect(page.invalid).toEqual([
      { id: '2', reason: 'contact must be an object, got "nobody".', raw: items[1] },
      { id: null, reason: 'lead must be an object, got "junk".', raw: 'junk' },
    ]);
  });

  it('refuses a list reply that is not a list', async () => {
    const client = await clientFor((_, res) => json(res, 200, { '1': 'Lead one' }));
    expect(await failure(client.listLeads())).toMatchObject({ reason: 'malformed', status: 200 });
  });

  it('reads a single lead sent bare, as [lead], or inside an envelope', async () => {
    const shapes = [
      wireLead(7),
      [wireLead(7)],
      { success: true, result_text: 'OK', result_data: wireLead(7) },
    ];
    let call = 0;
    const client = await clientFor((_, res) => json(res, 200, shapes[call++]));
    for (let i = 0; i < shapes.length; i += 1) {
      const lead = await client.getLead('7');
      expect(lead.contact.email).toBe('lead7@example.com');
    }
    expect(recorded().map((r) => r.url)).toEqual(['/v1/leads/7', '/v1/leads/7', '/v1/leads/7']);
  });

  it('refuses a single lead that is another lead or unreadable', async () => {
    const shapes: unknown[] = [wireLead(8), { id: '7', contact: 5 }, undefined];
    let call = 0;
    const client = await clientFor((_, res) => json(res, 200, shapes[call++]));
    expect((await failure(client.getLead('7'))).message).toContain('with lead 8');
    expect((await failure(client.getLead('7'))).messages).toEqual([
      'contact must be an object, got 5.',
    ]);
    expect((await failure(client.getLead('7'))).reason).toBe('malformed');
  });

  it('reads "not found" from a 200 envelope on a single lead', async () => {
    const client = await clientFor((_, res) =>
      json(res, 200, validation400(["Item with id '7' not found"])),
    );
    expect(await failure(client.getLead('7'))).toMatchObject({ reason: 'not-found' });
    expect(await failure(client.updateLead('7', { sale: 'Yes' }))).toMatchObject({
      reason: 'not-found',
    });
  });

  it('refuses non-JSON with 200 and marks a create as possibly applied', async () => {
    const client = await clientFor((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"success": tru');
    });
    expect(await failure(client.listLeads())).toMatchObject({
      reason: 'malformed',
      outcomeUnknown: false,
    });
    expect(await failure(client.createLead({ contact: { email: 'a@b.c' } }))).toMatchObject({
      reason: 'malformed',
      outcomeUnknown: true,
    });
  });
});

describe('updateLead reply shapes (unknown: §6.5)', () => {
  it.each([
    ['the envelope with no data', { success: true, result_text: 'Updated' }],
    ['the envelope with []', { success: true, result_text: 'Updated', result_data: [] }],
    [
      'the envelope with only the id',
      { success: true, result_text: 'Updated', result_data: { id: '3' } },
    ],
    ['an empty body', undefined],
    ['another lead', { success: true, result_data: wireLead(4) }],
  ])('answers null for %s', async (_, body) => {
    const client = await clientFor((_req, res) => json(res, 200, body));
    expect(await client.updateLead('3', { marketing_rating_status: 'Deferred' })).toBeNull();
  });

  it('answers the lead for the envelope with the lead, and a bare lead', async () => {
    const shapes = [
      { success: true, result_data: wireLead(3, { sale: 'YES' }) },
      wireLead(3, { sale: 'Yes' }),
    ];
    let call = 0;
    const client = await clientFor((_, res) => json(res, 200, shapes[call++]));
    expect((await client.updateLead('3', { sale: 'Yes' }))?.sale).toBe('Yes');
    expect((await client.updateLead('3', { sale: 'Yes' }))?.sale).toBe('Yes');
  });

  it('sends enum values in display form whatever spelling it is given', async () => {
    const client = await clientFor((_, res) => json(res, 200, { success: true }));
    await client.updateLead('3', {
      marketing_rating_status: 'PASSED_TO_SALES',
      sales_rating_status: 'open',
      opportunity: 'Maybe',
    });
    expect(JSON.parse(recorded()[0]?.body ?? '')).toEqual({
      marketing_rating_status: 'Passed to sales',
      sales_rating_status: 'Unprocessed',
      opportunity: 'Maybe',
    });
  });
});

describe('createLead reply shapes', () => {
  it('reads the lead back when Envoke answers with the new id only', async () => {
    const client = await clientFor((req, res) =>
      req.method === 'POST'
        ? json(res, 200, { success: true, result_text: 'Created', result_data: { id: 99 } })
        : json(res, 200, wireLead(99, { remote_id: 'uuid-1' })),
    );
    const lead = await client.createLead({ remote_id: 'uuid-1', contact: { email: 'a@b.c' } });
    expect(lead).toMatchObject({ id: '99', remote_id: 'uuid-1' });
    expect(recorded().map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/leads',
      'GET /v1/leads/99',
    ]);
  });

  it('says the lead was created when reading it back fails, so the caller looks it up', async () => {
    const client = await clientFor((req, res) =>
      req.method === 'POST'
        ? json(res, 200, { success: true, result_data: { id: '99' } })
        : json(res, 500, null),
    );
    const error = await failure(client.createLead({ contact: { email: 'a@b.c' } }));
    expect(error).toMatchObject({ reason: 'malformed', outcomeUnknown: true });
    expect((error.cause as EnvokeError).reason).toBe('server');
  });

  it('never takes another lead in the answer for the one sent: created, outcome unknown', async () => {
    const client = await clientFor((req, res) =>
      req.method === 'POST'
        ? json(res, 200, wireLead(12))
        : json(res, 200, wireLead(99, { remote_id: 'someone-else' })),
    );
    const sent = { remote_id: 'uuid-1', contact: { email: 'a@b.c' } };
    expect(await failure(client.createLead(sent))).toMatchObject({
      reason: 'malformed',
      outcomeUnknown: true,
    });

    await server?.stop();
    const readBack = await clientFor((req, res) =>
      req.method === 'POST'
        ? json(res, 200, { success: true, result_data: { id: 99 } })
        : json(res, 200, wireLead(99, { remote_id: 'someone-else' })),
    );
    expect(await failure(readBack.createLead(sent))).toMatchObject({
      reason: 'malformed',
      outcomeUnknown: true,
    });
  });

  it('says the lead was created when the reply carries no lead at all', async () => {
    const client = await clientFor((_, res) =>
      json(res, 200, { success: true, result_text: 'Created' }),
    );
    expect(await failure(client.createLead({ contact: { email: 'a@b.c' } }))).toMatchObject({
      reason: 'malformed',
      outcomeUnknown: true,
    });
  });
});

describe('paging and lookups against servers that differ from the inference', () => {
  /** A server holding leads 1..total that serves at most `cap` per page whatever limit says. */
  function pagedScript(total: number, cap: number): Script {
    return (req, res) => {
      const url = new URL(req.url, 'http://x');
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), cap);
      const ids = Array.from({ length: total }, (_, i) => i + 1).slice(skip, skip + limit);
      json(
        res,
        200,
        ids.map((id) => wireLead(id, { remote_id: `r-${id % 5}` })),
      );
    };
  }

  it('visits every lead once when Envoke caps pages below the size asked for', async () => {
    const client = await clientFor(pagedScript(47, 10));
    const seen: string[] = [];
    const skips: number[] = [];
    for await (const page of client.pages({ pageSize: 25 })) {
      seen.push(...page.leads.map((lead) => lead.id));
      skips.push(page.skip);
    }
    expect(seen).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1)));
    expect(skips).toEqual([0, 10, 20, 30, 40]);
    // One confirming request after the first short page; then the learnt cap ends the scan.
    expect(recorded()).toHaveLength(5);
  });

  it('stops with an error instead of paging forever when Envoke ignores skip', async () => {
    const client = await clientFor((_, res) =>
      json(
        res,
        200,
        Array.from({ length: 100 }, (_, i) => wireLead(i + 1)),
      ),
    );
    const error = await failure(
      (async () => {
        for await (const page of client.pages()) expect(page.received).toBe(100);
      })(),
    );
    expect(error).toMatchObject({ reason: 'malformed' });
    expect(recorded()).toHaveLength(2);
  });

  it('finds leads by remote_id exactly even when Envoke ignores the filter', async () => {
    const client = await clientFor(pagedScript(23, 100));
    const found = await client.findByRemoteId('r-3');
    expect(found.map((lead) => lead.id)).toEqual(['3', '8', '13', '18', '23']);
    expect(recorded()[0]?.url).toBe(
      '/v1/leads?filter%5Bremote_id%5D=r-3&sort%5Bid%5D=ASC&skip=0&limit=100',
    );
  });

  it('refuses to say "none" when the matching lead cannot be read', async () => {
    const client = await clientFor((_, res) =>
      json(res, 200, [{ id: '4', remote_id: 'uuid-9', contact: 'x' }]),
    );
    expect(await failure(client.findByRemoteId('uuid-9'))).toMatchObject({ reason: 'malformed' });
  });
});

describe('transport failures', () => {
  it('reads a refused connection as network, and a write as certainly not applied', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createEnvokeClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiId: 'a',
      apiKey: 'b',
    });
    const error = await failure(client.createLead({ contact: { email: 'a@b.c' } }));
    expect(error).toMatchObject({ reason: 'network', outcomeUnknown: false, retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reads a reply that stalls after its headers as a timeout', async () => {
    const client = await clientFor(
      (_, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('[');
      },
      { timeoutMs: 150 },
    );
    expect(await failure(client.updateLead('1', { sale: 'Yes' }))).toMatchObject({
      reason: 'timeout',
      outcomeUnknown: true,
    });
  });

  it('wraps whatever an injected fetch throws', async () => {
    const client = createEnvokeClient({
      baseUrl: 'https://e1.envoke.com',
      apiId: 'a',
      apiKey: 'b',
      fetch: () => Promise.reject(new RangeError('odd')),
    });
    const error = await failure(client.listLeads());
    expect(error).toMatchObject({ reason: 'network' });
    expect(error.cause).toBeInstanceOf(RangeError);
  });
});

describe('bad input is refused before anything is sent', () => {
  it('refuses unusable options with a validation error', () => {
    const base = { baseUrl: 'https://e1.envoke.com', apiId: 'a', apiKey: 'b' };
    for (const options of [
      { ...base, baseUrl: 'e1.envoke.com' },
      { ...base, baseUrl: 'ftp://e1.envoke.com' },
      { ...base, apiId: '' },
      { ...base, apiId: 'a:b' },
      { ...base, apiKey: '' },
      { ...base, timeoutMs: 0 },
    ]) {
      expect(() => createEnvokeClient(options)).toThrow(EnvokeError);
    }
  });

  it('refuses bad ids, empty patches, non-text values, contact-less leads and bad page sizes', async () => {
    const client = await clientFor((_, res) => json(res, 200, []));
    const attempts: Array<Promise<unknown>> = [
      client.getLead('../settings'),
      client.getLead(''),
      client.updateLead('12', {}),
      client.updateLead('12', { revenue: 5 as unknown as string }),
      client.createLead({} as never),
      client.createLead({ contact: { first_name: 'Jane' } }),
      client.findByRemoteId(''),
      client.pages({ pageSize: 101 })[Symbol.asyncIterator]().next(),
      client.listLeads({ limit: 500 }),
    ];
    for (const attempt of attempts)
      expect(await failure(attempt)).toMatchObject({ reason: 'validation' });
    expect(recorded()).toHaveLength(0);
  });
});
