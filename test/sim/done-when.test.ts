/**
 * The simulator checks from issue 2's "Done when", sent as the curl commands send them to a
 * simulator started with the options `npm run sim -- --port 8787 --leads 1000` gives (on a
 * random port). cli.test.ts runs the script itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src-main/sim/cli-args';
import { type RunningSimulator, type SimLead, startSimulator } from '../../src-main/sim/index';

let sim: RunningSimulator;
let base: string;
const demo = `Basic ${Buffer.from('demo:demo').toString('base64')}`;

beforeAll(async () => {
  const command = parseCliArgs(['--port', '8787', '--leads', '1000']);
  if (command.kind !== 'run') throw new Error('expected options to run with');
  sim = await startSimulator({ ...command.options, port: 0 });
  base = sim.url;
});

afterAll(async () => {
  await sim.stop();
});

async function curl(
  path: string,
  init: { method?: string; body?: string; auth?: string } = {},
): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: init.auth ?? demo },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

describe("issue 2 'Done when'", () => {
  it('paging with skip and limit=100 visits all 1,000 leads once', async () => {
    const seen: string[] = [];
    let requests = 0;
    for (let skip = 0; ; skip += 100) {
      const page = (await (
        await curl(`/v1/leads?sort%5Bid%5D=ASC&limit=100&skip=${skip}`)
      ).json()) as SimLead[];
      requests += 1;
      seen.push(...page.map((lead) => lead.id));
      if (page.length < 100) break;
    }
    expect(seen).toHaveLength(1000);
    expect(new Set(seen).size).toBe(1000);
    expect(requests).toBe(11);
  });

  it('filter[opportunity]=YES&limit=5 returns at most 5 leads, each "opportunity": "Yes"', async () => {
    const leads = (await (
      await curl('/v1/leads?filter%5Bopportunity%5D=YES&limit=5')
    ).json()) as SimLead[];
    expect(leads.length).toBeGreaterThan(0);
    expect(leads.length).toBeLessThanOrEqual(5);
    expect(leads.map((lead) => lead.opportunity)).toEqual(Array(leads.length).fill('Yes'));
  });

  it('wrong credentials give 401', async () => {
    const response = await curl('/v1/leads?limit=1', {
      auth: `Basic ${Buffer.from('demo:nope').toString('base64')}`,
    });
    expect(response.status).toBe(401);
  });

  it('the POST and PATCH examples of envoke-lead-api.md work and show in later GETs', async () => {
    // §11, sent as curl -d sends it: JSON labelled as a form post.
    const created = await curl('/v1/leads', {
      method: 'POST',
      body: '{"remote_id":"CRM-42","rule_rating":"Hot","contact":{"email":"a@example.com","consent_status":"Express","consent_description":"Web form"}}',
    });
    const { result_data: lead } = (await created.json()) as { result_data: SimLead };
    expect(created.status).toBe(200);
    const patched = await curl(`/v1/leads/${lead.id}`, {
      method: 'PATCH',
      body: '{"marketing_rating_status":"Passed to sales","marketing_rating":"Hot","marketing_rating_note":"Fits the profile"}',
    });
    expect(patched.status).toBe(200);
    // §6.1's PATCH example, UPPER_SNAKE status included.
    const deferred = await curl('/v1/leads/1001', {
      method: 'PATCH',
      body: '{"marketing_rating_status": "DEFERRED", "marketing_rating": "Cold"}',
    });
    expect(deferred.status).toBe(200);

    const found = (await (
      await curl('/v1/leads?filter%5Bremote_id%5D=CRM-42&limit=1')
    ).json()) as SimLead[];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: lead.id,
      rule_rating: 'Hot',
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
      marketing_rating_note: 'Fits the profile',
      contact: { email: 'a@example.com', consent_status: 'Express' },
    });
    expect(found[0]?.marketing_rating_time).not.toBe('');
    const first = (await (await curl('/v1/leads/1001')).json()) as SimLead;
    expect(first).toMatchObject({ marketing_rating_status: 'Deferred', marketing_rating: 'Cold' });
  });
});
