/**
 * The client against the Envoke simulator over real HTTP on 127.0.0.1: every endpoint, every
 * filter operator, paging, every error reason the simulator can produce, and the simulator's
 * switches for what Envoke's documentation leaves unknown.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnvokeClient,
  EnvokeError,
  parseLead,
  type EnvokeClient,
  type EnvokeLead,
  type Filter,
} from '../../src-main/core/envoke';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src-main/sim';

const LEADS = 250;
let sim: RunningSimulator;
let client: EnvokeClient;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, leads: LEADS, seed: 7, apiId: 'acme', apiKey: 'k3y' });
  client = createEnvokeClient({ baseUrl: sim.url, apiId: 'acme', apiKey: 'k3y', timeoutMs: 2000 });
});
afterAll(() => sim.stop());
afterEach(() => sim.faults.clear());

/** Starts a second simulator with other switches, runs `use`, and stops it. */
async function withSim<T>(
  options: SimulatorOptions,
  use: (client: EnvokeClient, sim: RunningSimulator) => Promise<T>,
): Promise<T> {
  const other = await startSimulator({ port: 0, leads: 40, seed: 7, ...options });
  try {
    return await use(
      createEnvokeClient({ baseUrl: other.url, apiId: 'demo', apiKey: 'demo' }),
      other,
    );
  } finally {
    await other.stop();
  }
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

/** The simulator's own copy of every lead, read the way the client reads leads. */
function truth(of: RunningSimulator = sim): EnvokeLead[] {
  return of.store.all().map((raw) => {
    const parsed = parseLead(raw);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.lead;
  });
}

async function allLeads(
  filter: Filter,
  sort?: Record<string, 'ASC' | 'DESC'>,
): Promise<EnvokeLead[]> {
  const leads: EnvokeLead[] = [];
  for await (const page of client.pages({ filter, ...(sort ? { sort } : {}) })) {
    expect(page.invalid).toEqual([]);
    leads.push(...page.leads);
  }
  return leads;
}

const ids = (leads: EnvokeLead[]) => leads.map((lead) => lead.id);
const byId = (a: EnvokeLead, b: EnvokeLead) => Number(a.id) - Number(b.id);

describe('listing and paging', () => {
  it('pages to the end visiting each lead exactly once, in id order', async () => {
    const seen: string[] = [];
    const skips: number[] = [];
    for await (const page of client.pages({ pageSize: 37 })) {
      skips.push(page.skip);
      seen.push(...ids(page.leads));
    }
    expect(seen).toEqual(ids(truth().sort(byId)));
    expect(new Set(seen).size).toBe(LEADS);
    expect(skips).toEqual(Array.from({ length: Math.ceil(LEADS / 37) }, (_, i) => i * 37));
  });

  it('starts from startSkip', async () => {
    const pages = [];
    for await (const page of client.pages({ startSkip: 240, pageSize: 100 })) pages.push(page);
    expect(pages.map((page) => [page.skip, page.received])).toEqual([[240, 10]]);
  });

  it('pages through every lead once when Envoke caps pages below 100', async () => {
    await withSim({ pageCap: 15 }, async (capped, other) => {
      const seen: string[] = [];
      for await (const page of capped.pages()) seen.push(...ids(page.leads));
      expect(seen).toEqual(ids(truth(other).sort(byId)));
    });
  });

  it('returns one page with received counting what came back', async () => {
    const page = await client.listLeads({ sort: { id: 'DESC' }, skip: 5, limit: 3 });
    expect(page.received).toBe(3);
    expect(ids(page.leads)).toEqual(ids(truth().sort(byId).reverse().slice(5, 8)));
  });

  it('sorts on a dotted path', async () => {
    const page = await client.listLeads({ sort: { 'contact.email': 'ASC' }, limit: 100 });
    const emails = page.leads.map((lead) => lead.contact.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails[0]).toBe(
      truth()
        .map((lead) => lead.contact.email)
        .sort()[0],
    );
  });
});

describe('filter operators', () => {
  // Ordered by id once: the expectations below are computed from the simulator's own data.
  let leads: EnvokeLead[] = [];
  let middleId = 0;
  beforeAll(() => {
    leads = truth().sort(byId);
    middleId = Number(leads[LEADS / 2]?.id);
  });

  it.each<[string, () => Filter, (lead: EnvokeLead) => boolean]>([
    ['equality, UPPER_SNAKE', () => ({ opportunity: 'YES' }), (l) => l.opportunity === 'Yes'],
    [
      'equality, lower-case display',
      () => ({ marketing_rating_status: 'passed to sales' }),
      (l) => l.marketing_rating_status === 'Passed to sales',
    ],
    ['$ne', () => ({ sale: { $ne: 'None' } }), (l) => l.sale !== 'None'],
    [
      '$in',
      () => ({ sales_rating_status: { $in: ['Rated good', 'RATED_BAD'] } }),
      (l) => ['Rated good', 'Rated bad'].includes(l.sales_rating_status),
    ],
    [
      '$regex on contact.email',
      () => ({ 'contact.email': { $regex: '^[a-f]' } }),
      (l) => /^[a-f]/.test(l.contact.email),
    ],
    ['$gt on id', () => ({ id: { $gt: middleId } }), (l) => Number(l.id) > middleId],
    [
      '$gte and $lt on id',
      () => ({ id: { $gte: middleId, $lt: middleId + 20 } }),
      (l) => Number(l.id) >= middleId && Number(l.id) < middleId + 20,
    ],
    ['$lte on id', () => ({ id: { $lte: middleId } }), (l) => Number(l.id) <= middleId],
    [
      '$gte on create_time',
      () => ({ create_time: { $gte: '2025-01-01 00:00:00' } }),
      (l) => l.create_time >= '2025-01-01 00:00:00',
    ],
    [
      '$or',
      () => ({ $or: [{ opportunity: 'Yes' }, { sale: 'Yes' }] }),
      (l) => l.opportunity === 'Yes' || l.sale === 'Yes',
    ],
    [
      '$and with a nested $or',
      () => ({
        $and: [
          { rule_rating: 'Hot' },
          { $or: [{ sale: 'Yes' }, { opportunity: { $ne: 'None' } }] },
        ],
      }),
      (l) => l.rule_rating === 'Hot' && (l.sale === 'Yes' || l.opportunity !== 'None'),
    ],
  ])('%s selects exactly the matching leads', async (_, filter, predicate) => {
    const expected = ids(leads.filter(predicate));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(LEADS);
    expect(ids(await allLeads(filter()))).toEqual(expected);
  });

  it('reports a filter Envoke refuses as a validation error with its message', async () => {
    const error = await failure(client.listLeads({ filter: { favourite_colour: 'blue' } }));
    expect(error).toMatchObject({ reason: 'validation', status: 400, retryable: false });
    expect(error.messages.join(' ')).toContain('favourite_colour');
  });

  it('reports $gt on id as a validation error where Envoke does not support it', async () => {
    await withSim({ supportsIdGt: false }, async (other) => {
      const error = await failure(other.listLeads({ filter: { id: { $gt: 5 } } }));
      expect(error).toMatchObject({ reason: 'validation', status: 400 });
      expect(error.messages.join(' ')).toContain('$gt');
    });
  });
});

describe('single lead, create, update, lookup by remote_id', () => {
  it('reads one lead as the simulator holds it', async () => {
    const expected = truth()[17]!;
    expect(await client.getLead(expected.id)).toEqual(expected);
  });

  it('creates a lead, answering with the created lead and its contact, and finds it by remote_id', async () => {
    const remoteId = `uuid-${Date.now()}`;
    const before = sim.journal.length;
    const created = await client.createLead({
      remote_id: remoteId,
      rule_rating: 'Hot',
      marketing_rating_status: 'PASSED_TO_SALES',
      contact: {
        email: `new.${remoteId}@example.com`,
        first_name: 'Ada',
        consent_status: 'Express',
        consent_description: 'Web form',
      },
    });
    expect(created).toMatchObject({
      remote_id: remoteId,
      rule_rating: 'Hot',
      marketing_rating_status: 'Passed to sales',
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(created.contact).toMatchObject({
      email: `new.${remoteId}@example.com`,
      first_name: 'Ada',
    });
    expect(created.contact.id).toMatch(/^\d+$/);
    expect(sim.journal.slice(before)).toMatchObject([
      { method: 'POST', leadId: created.id, remoteId },
    ]);
    expect(await client.getLead(created.id)).toEqual(created);
    expect(await client.findByRemoteId(remoteId)).toEqual([created]);
    expect(await client.findByRemoteId(`${remoteId}-other`)).toEqual([]);
  });

  it('updates a lead partially; the reply and a later read show the change', async () => {
    const target = truth().find((lead) => lead.sales_rating_status !== 'Rated good')!;
    const updated = await client.updateLead(target.id, {
      sales_rating_status: 'RATED_GOOD',
      sales_rating_note: 'Keen',
    });
    expect(updated).toMatchObject({
      id: target.id,
      sales_rating_status: 'Rated good',
      sales_rating_note: 'Keen',
    });
    expect(updated?.sales_rating_time).not.toBe('');
    expect(updated?.contact).toEqual(target.contact);
    expect(await client.getLead(target.id)).toEqual(updated);
    expect(sim.journal.at(-1)).toMatchObject({
      method: 'PATCH',
      leadId: target.id,
      body: { sales_rating_status: 'Rated good', sales_rating_note: 'Keen' },
    });
  });

  it('reports a refused update as validation with every Envoke message', async () => {
    const error = await failure(
      client.updateLead(truth()[0]!.id, { opportunity: 'Maybe', bogus: 'x' }),
    );
    expect(error).toMatchObject({ reason: 'validation', status: 400, retryable: false });
    expect(error.messages).toHaveLength(2);
    expect(error.messages.join(' ')).toContain('Maybe');
    expect(error.messages.join(' ')).toContain('bogus');
  });

  it('probes cheaply and rejects a wrong key as auth', async () => {
    await expect(client.probe()).resolves.toBeUndefined();
    const wrong = createEnvokeClient({ baseUrl: sim.url, apiId: 'acme', apiKey: 'nope' });
    expect(await failure(wrong.probe())).toMatchObject({
      reason: 'auth',
      status: 401,
      retryable: false,
    });
  });
});

describe('not found, whichever way Envoke says it', () => {
  it.each(['null', 'empty-array', 'validation-400', 'http-404'] as const)(
    'getLead and updateLead of a missing lead give not-found when Envoke answers %s',
    async (notFound) => {
      await withSim({ notFound }, async (other) => {
        expect(await failure(other.getLead('999999'))).toMatchObject({
          reason: 'not-found',
          retryable: false,
        });
        expect(await failure(other.updateLead('999999', { sale: 'Yes' }))).toMatchObject({
          reason: 'not-found',
        });
      });
    },
  );
});

describe('enum spellings Envoke may send back', () => {
  it.each(['upper', 'open'] as const)(
    'reads %s spelling as the display strings',
    async (enumSpelling) => {
      const read = async (options: SimulatorOptions) =>
        withSim(options, async (other) => {
          const leads: EnvokeLead[] = [];
          for await (const page of other.pages()) leads.push(...page.leads);
          return leads;
        });
      const display = await read({ enumSpelling: 'display' });
      const spelled = await read({ enumSpelling });
      expect(spelled).toEqual(display);
      expect(display.some((lead) => lead.marketing_rating_status === 'Unprocessed')).toBe(true);
      expect(display.some((lead) => lead.sales_rating_status === 'Not applicable')).toBe(true);
    },
  );
});

describe('faults', () => {
  it('5xx is a retryable server error', async () => {
    sim.faults.enqueue({ kind: '5xx', status: 500 });
    expect(await failure(client.listLeads())).toMatchObject({
      reason: 'server',
      status: 500,
      retryable: true,
      outcomeUnknown: false,
    });
    sim.faults.enqueue({ kind: '5xx', match: { method: 'PATCH' } });
    expect(await failure(client.updateLead(truth()[1]!.id, { sale_note: 'x' }))).toMatchObject({
      reason: 'server',
      status: 503,
      outcomeUnknown: true,
    });
  });

  it('429 carries Retry-After in seconds or as an HTTP date', async () => {
    sim.faults.enqueue({ kind: '429', retryAfter: 3 });
    expect(await failure(client.listLeads())).toMatchObject({
      reason: 'rate-limited',
      status: 429,
      retryAfterMs: 3000,
      retryable: true,
    });
    sim.faults.enqueue({ kind: '429', retryAfter: 'http-date' });
    const dated = await failure(client.getLead(truth()[0]!.id));
    expect(dated.reason).toBe('rate-limited');
    expect(dated.retryAfterMs).toBeGreaterThanOrEqual(0);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(2000);
  });

  it('401 mid-session is auth', async () => {
    sim.faults.enqueue({ kind: '401' });
    expect(await failure(client.getLead(truth()[0]!.id))).toMatchObject({
      reason: 'auth',
      status: 401,
    });
  });

  it('a reset connection is a network error; for a write, one whose outcome is unknown', async () => {
    sim.faults.enqueue({ kind: 'reset' });
    expect(await failure(client.listLeads())).toMatchObject({
      reason: 'network',
      outcomeUnknown: false,
      retryable: true,
    });
    sim.faults.enqueue({ kind: 'reset', match: { method: 'POST' } });
    expect(
      await failure(client.createLead({ contact: { email: 'reset@example.com' } })),
    ).toMatchObject({ reason: 'network', outcomeUnknown: true });
  });

  it('a hanging request times out', async () => {
    const impatient = createEnvokeClient({
      baseUrl: sim.url,
      apiId: 'acme',
      apiKey: 'k3y',
      timeoutMs: 200,
    });
    sim.faults.enqueue({ kind: 'hang' });
    expect(await failure(impatient.listLeads())).toMatchObject({
      reason: 'timeout',
      outcomeUnknown: false,
      retryable: true,
    });
    sim.faults.enqueue({ kind: 'hang', match: { method: 'PATCH' } });
    expect(await failure(impatient.updateLead(truth()[2]!.id, { sale_note: 'x' }))).toMatchObject({
      reason: 'timeout',
      outcomeUnknown: true,
    });
  });

  it('a truncated JSON body is malformed', async () => {
    sim.faults.enqueue({ kind: 'malformed' });
    expect(await failure(client.listLeads())).toMatchObject({
      reason: 'malformed',
      status: 200,
      retryable: false,
    });
  });

  it('a create whose reply is lost says so, and the lead is then found by remote_id exactly once', async () => {
    const remoteId = `dropped-${Date.now()}`;
    sim.faults.enqueue({ kind: 'drop-after-write', match: { method: 'POST' } });
    const error = await failure(
      client.createLead({ remote_id: remoteId, contact: { email: `${remoteId}@example.com` } }),
    );
    expect(error).toMatchObject({ reason: 'network', outcomeUnknown: true });
    const found = await client.findByRemoteId(remoteId);
    expect(found).toHaveLength(1);
    expect(sim.journal.filter((entry) => entry.remoteId === remoteId)).toHaveLength(1);
  });

  it('an update whose reply is lost says so, and a read shows it applied', async () => {
    const target = truth()[3]!;
    sim.faults.enqueue({ kind: 'drop-after-write', match: { method: 'PATCH' } });
    const error = await failure(
      client.updateLead(target.id, { marketing_rating_note: 'lost reply' }),
    );
    expect(error).toMatchObject({ reason: 'network', outcomeUnknown: true });
    expect((await client.getLead(target.id)).marketing_rating_note).toBe('lost reply');
  });
});
