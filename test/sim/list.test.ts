import { beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, type SimLead } from '../../src-main/sim/index';
import { type ErrorEnvelope, VALIDATION_TEXT, call, getLeads, q, startSim } from './helpers';

let sim: RunningSimulator;
let all: SimLead[];

beforeEach(async () => {
  sim = await startSim({ leads: 600, seed: 11 });
  all = sim.store.all();
});

const ids = (leads: SimLead[]): string[] => leads.map((lead) => lead.id);
const idOrder = (a: SimLead, b: SimLead): number => Number(a.id) - Number(b.id);

async function expectIds(query: string, expected: SimLead[]): Promise<void> {
  const reply = await getLeads(sim, query);
  expect(reply.status, reply.text).toBe(200);
  expect(ids(reply.json)).toEqual(ids(expected));
}

async function expectInvalid(query: string, message: RegExp): Promise<void> {
  const reply = await call<ErrorEnvelope>(sim, 'GET', `/v1/leads${query}`);
  expect(reply.status).toBe(400);
  expect(reply.json.success).toBe(false);
  expect(reply.json.result_text).toBe(VALIDATION_TEXT);
  expect(reply.json.result_data.errors.join('\n')).toMatch(message);
}

describe('GET /v1/leads paging', () => {
  it('returns a bare array of 10 leads in id order by default', async () => {
    const reply = await getLeads(sim, '');
    expect(Array.isArray(reply.json)).toBe(true);
    expect(ids(reply.json)).toEqual(ids(all.slice(0, 10)));
    expect(reply.json[0]).toEqual(all[0]);
  });

  it('caps limit at the page cap', async () => {
    expect((await getLeads(sim, q({ limit: 500 }))).json).toHaveLength(100);
    const small = await startSim({ leads: 50, pageCap: 20 });
    expect((await getLeads(small, q({ limit: 100 }))).json).toHaveLength(20);
  });

  it('visits each lead exactly once paging with skip and limit=100, ending on a short page', async () => {
    const seen: string[] = [];
    let pages = 0;
    for (let skip = 0; ; skip += 100) {
      const page = (await getLeads(sim, q({ 'sort[id]': 'ASC', limit: 100, skip }))).json;
      pages += 1;
      seen.push(...ids(page));
      if (page.length < 100) break;
    }
    expect(pages).toBe(7);
    expect(seen).toEqual(ids(all));
  });

  it('visits each lead exactly once paging with filter[id][$gt]', async () => {
    const seen: string[] = [];
    let last = '0';
    for (;;) {
      const page = (
        await getLeads(sim, q({ 'sort[id]': 'ASC', limit: 100, 'filter[id][$gt]': last }))
      ).json;
      seen.push(...ids(page));
      if (page.length < 100) break;
      last = page.at(-1)?.id ?? last;
    }
    expect(seen).toEqual(ids(all));
  });

  it('pages backwards with sort[id]=desc (any case) and skip', async () => {
    const reversed = [...all].reverse();
    await expectIds(q({ 'sort[id]': 'desc', limit: 5, skip: 3 }), reversed.slice(3, 8));
  });
});

describe('GET /v1/leads filters', () => {
  it('matches enum values in any spelling Envoke uses', async () => {
    const yes = all.filter((lead) => lead.opportunity === 'Yes').slice(0, 100);
    expect(yes.length).toBeGreaterThan(5);
    for (const spelling of ['YES', 'Yes', 'yes', ' yes ']) {
      await expectIds(q({ 'filter[opportunity]': spelling, limit: 100 }), yes);
    }
    const passed = all
      .filter((lead) => lead.marketing_rating_status === 'Passed to sales')
      .slice(0, 100);
    for (const spelling of [
      'PASSED_TO_SALES',
      'passed to sales',
      'Passed to sales',
      'passed_to_sales',
    ]) {
      await expectIds(q({ 'filter[marketing_rating_status]': spelling, limit: 100 }), passed);
    }
    const unprocessed = all
      .filter((lead) => lead.marketing_rating_status === 'Unprocessed')
      .slice(0, 100);
    await expectIds(q({ 'filter[marketing_rating_status]': 'Open', limit: 100 }), unprocessed);
    await expectIds(q({ 'filter[opportunity]': 'Maybe' }), []);
  });

  it('matches dotted and nested contact paths, ignoring case', async () => {
    const target = all[123]!;
    const sameEmail = all.filter((lead) => lead.contact.email === target.contact.email);
    await expectIds(q({ 'filter[contact.email]': target.contact.email.toUpperCase() }), sameEmail);
    await expectIds(q({ 'filter[contact][email]': target.contact.email }), sameEmail);
    await expectIds(q({ 'filter[contact.id]': target.contact.id }), sameEmail);
  });

  it('ANDs several filters; a repeated key keeps its last value, as PHP does', async () => {
    const expected = all
      .filter((l) => l.sale === 'None' && l.contact.country === 'CA')
      .slice(0, 100);
    await expectIds(
      q({ 'filter[sale]': 'None', 'filter[contact.country]': 'ca', limit: 100 }),
      expected,
    );
    const last = all.filter((l) => l.opportunity === 'Cancelled').slice(0, 100);
    await expectIds(
      `?filter%5Bopportunity%5D=Yes&filter%5Bopportunity%5D=Cancelled&limit=100`,
      last,
    );
  });

  it('$ne excludes a value', async () => {
    const expected = all.filter((l) => l.sale !== 'None');
    await expectIds(q({ 'filter[sale][$ne]': 'NONE', limit: 100 }), expected.slice(0, 100));
  });

  it('$in takes a bracket list, also past 20 entries', async () => {
    const cities = all.filter((l) => ['Toronto', 'Paris'].includes(l.contact.city)).slice(0, 100);
    await expectIds(
      `?filter%5Bcontact.city%5D%5B%24in%5D%5B%5D=Toronto&filter%5Bcontact.city%5D%5B%24in%5D%5B%5D=paris&limit=100`,
      cities,
    );
    const wanted = all.filter((_, i) => i % 7 === 0).slice(0, 30);
    const list = wanted.map((lead) => `filter%5Bid%5D%5B%24in%5D%5B%5D=${lead.id}`).join('&');
    await expectIds(`?${list}&limit=100`, wanted);
  });

  it('$regex matches case-insensitively, like MySQL REGEXP', async () => {
    const expected = all.filter((l) => /tremblay|rossi/i.test(l.contact.email)).slice(0, 100);
    expect(expected.length).toBeGreaterThan(0);
    await expectIds(q({ 'filter[contact.email][$regex]': 'TREMBLAY|rossi', limit: 100 }), expected);
    await expectInvalid(
      q({ 'filter[contact.email][$regex]': '(' }),
      /not a valid regular expression/,
    );
  });

  it('$gt $gte $lt $lte compare ids and money as numbers', async () => {
    const lo = Number(all[10]!.id);
    const hi = Number(all[40]!.id);
    const range = all.filter((l) => Number(l.id) >= lo && Number(l.id) < hi);
    await expectIds(q({ 'filter[id][$gte]': lo, 'filter[id][$lt]': hi, limit: 100 }), range);
    const open = all.filter((l) => Number(l.id) > lo && Number(l.id) <= hi);
    await expectIds(q({ 'filter[id][$gt]': lo, 'filter[id][$lte]': hi, limit: 100 }), open);
    // As text "999" sorts after "1001"; as a number it does not.
    await expectIds(q({ 'filter[id][$gt]': 999, limit: 3 }), all.slice(0, 3));
    const rich = all.filter((l) => l.revenue !== '' && Number(l.revenue) > 9000).slice(0, 100);
    expect(rich.length).toBeGreaterThan(0);
    await expectIds(q({ 'filter[revenue][$gt]': '9000', limit: 100 }), rich);
  });

  it('$gt $gte $lt $lte compare times as "YYYY-MM-DD HH:MM:SS" text', async () => {
    const from = all[100]!.create_time;
    const to = all[200]!.create_time;
    const expected = all.filter((l) => l.create_time >= from && l.create_time < to).slice(0, 100);
    await expectIds(
      q({ 'filter[create_time][$gte]': from, 'filter[create_time][$lt]': to, limit: 100 }),
      expected,
    );
    const saleAfter = all.filter((l) => l.sale_time !== '' && l.sale_time > '2025-06-01 00:00:00');
    await expectIds(
      q({ 'filter[sale_time][$gt]': '2025-06-01 00:00:00', limit: 100 }),
      saleAfter.slice(0, 100),
    );
  });

  it('$or and $and nest', async () => {
    const either = all
      .filter((l) => l.opportunity === 'Yes' || l.sale === 'Cancelled')
      .slice(0, 100);
    await expectIds(
      `?filter%5B%24or%5D%5B0%5D%5Bopportunity%5D=Yes&filter%5B%24or%5D%5B1%5D%5Bsale%5D=Cancelled&limit=100`,
      either,
    );
    const nested = all
      .filter(
        (l) =>
          l.contact.country === 'CA' && (l.rule_rating === 'Hot' || l.marketing_rating === 'Cold'),
      )
      .slice(0, 100);
    await expectIds(
      q({
        'filter[$and][0][contact.country]': 'CA',
        'filter[$and][1][$or][0][rule_rating]': 'Hot',
        'filter[$and][1][$or][1][marketing_rating]': 'Cold',
        limit: 100,
      }),
      nested,
    );
  });

  it('finds leads by remote_id, generated ones and created ones', async () => {
    const crm = all.find((lead) => lead.remote_id !== '')!;
    await expectIds(q({ 'filter[remote_id]': crm.remote_id }), [crm]);
    await expectIds(q({ 'filter[remote_id]': crm.remote_id.toLowerCase() }), [crm]);
    await expectIds(q({ 'filter[remote_id]': 'no-such-key' }), []);
    // Still found by its key after an edit that leaves the key alone.
    sim.store.edit(crm.id, { sale_note: 'edited' });
    await expectIds(q({ 'filter[remote_id]': crm.remote_id }), [sim.store.get(crm.id)!]);
    const created = sim.store.insert({ remote_id: 'uuid-1', contact: { email: 'new@x.example' } });
    await expectIds(q({ 'filter[remote_id]': 'uuid-1' }), [created]);
    // A lead whose key changed is found by its new key only.
    sim.store.edit(crm.id, { remote_id: 'uuid-2' });
    await expectIds(q({ 'filter[remote_id]': crm.remote_id }), []);
    await expectIds(q({ 'filter[remote_id]': 'uuid-2', 'filter[id][$gte]': crm.id }), [
      sim.store.get(crm.id)!,
    ]);
  });
});

describe('GET /v1/leads sorting', () => {
  it('sorts on any field, dotted paths included, ties by id', async () => {
    const byName = [...all].sort(
      (a, b) =>
        a.contact.last_name.toLowerCase().localeCompare(b.contact.last_name.toLowerCase()) ||
        idOrder(a, b),
    );
    await expectIds(
      q({ 'sort[contact.last_name]': 'ASC', limit: 100, skip: 50 }),
      byName.slice(50, 150),
    );
    const newest = [...all].sort((a, b) =>
      a.create_time < b.create_time ? 1 : a.create_time > b.create_time ? -1 : idOrder(a, b),
    );
    await expectIds(q({ 'sort[create_time]': 'Desc', limit: 20 }), newest.slice(0, 20));
  });

  it('sorts money as numbers and applies several keys in order', async () => {
    const byRevenue = all
      .filter((l) => l.revenue !== '')
      .sort((a, b) => Number(b.revenue) - Number(a.revenue) || idOrder(a, b));
    await expectIds(
      q({ 'filter[revenue][$ne]': '', 'sort[revenue]': 'DESC', limit: 100 }),
      byRevenue.slice(0, 100),
    );
    const twoKeys = [...all].sort(
      (a, b) => a.rule_rating.localeCompare(b.rule_rating) || Number(b.id) - Number(a.id),
    );
    await expectIds(
      q({ 'sort[rule_rating]': 'asc', 'sort[id]': 'desc', limit: 100 }),
      twoKeys.slice(0, 100),
    );
  });
});

describe('GET /v1/leads rejects what Envoke rejects with its 400 envelope', () => {
  it.each([
    [q({ 'filter[id][$nin]': '5' }), /Operator '\$nin' is not supported/],
    [q({ 'filter[$not][sale]': 'Yes' }), /Operator '\$not' is not supported/],
    [q({ 'filter[email]': 'a@b.example' }), /Unknown field 'email'/],
    [q({ 'filter[contact.shoe_size]': '9' }), /Unknown field 'contact.shoe_size'/],
    [q({ 'filter[sale][]': 'Yes' }), /takes one value/],
    [q({ 'filter[sale][$in]': 'Yes' }), /needs a list/],
    [q({ 'filter[id][$gt]': 'abc' }), /needs a number/],
    [q({ 'filter[$or]': 'x' }), /needs a list of filters/],
    [q({ filter: 'x' }), /filter\[field\]=value/],
    [q({ 'sort[id]': 'UP' }), /must be ASC or DESC/],
    [q({ 'sort[shoe_size]': 'ASC' }), /unknown field 'shoe_size'/],
    [q({ sort: 'id' }), /sort\[field\]=ASC/],
    [q({ limit: 'ten' }), /'limit' must be a whole number/],
    [q({ limit: 0 }), /'limit' must be at least 1/],
    [q({ skip: -1 }), /'skip' must be a whole number/],
  ])('%s', async (query, message) => {
    await expectInvalid(query, message);
  });
});
