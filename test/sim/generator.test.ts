import { describe, expect, it } from 'vitest';
import { MARKETING_STATUSES, OUTCOMES, SALES_STATUSES } from '#contract/lead';
import { SimLeadStore } from '../../src-main/sim/index';
import { createTimeFormatter } from '../../src-main/sim/time';
import { getLeads, q, startSim } from './helpers';

const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function store(seed: number, leads: number, timeZone = 'UTC'): SimLeadStore {
  return new SimLeadStore({
    seed,
    leads,
    clock: () => new Date(),
    formatTime: createTimeFormatter(timeZone),
  });
}

describe('seeded leads', () => {
  it('are the same for the same seed and differ for another seed', async () => {
    const a = await startSim({ seed: 7, leads: 300 });
    const b = await startSim({ seed: 7, leads: 300 });
    const c = await startSim({ seed: 8, leads: 300 });
    const query = q({ 'sort[id]': 'ASC', limit: 100, skip: 150 });
    const [pageA, pageB, pageC] = await Promise.all([
      getLeads(a, query),
      getLeads(b, query),
      getLeads(c, query),
    ]);
    expect(pageA.json).toHaveLength(100);
    expect(pageB.json).toEqual(pageA.json);
    expect(pageC.json.map((lead) => lead.contact.email)).not.toEqual(
      pageA.json.map((lead) => lead.contact.email),
    );
  });

  it('have the wire shape of envoke-lead-api.md §6.2: digit-string ids, "" for unset, Envoke datetimes', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok) problems.push(what);
    };
    for (const lead of store(1, 500).all()) {
      check(/^\d+$/.test(lead.id) && /^\d+$/.test(lead.contact.id), `ids of ${lead.id}`);
      for (const [field, value] of Object.entries(lead)) {
        if (field !== 'contact')
          check(typeof value === 'string', `${lead.id}.${field} is ${typeof value}`);
      }
      check(DATETIME.test(lead.create_time), `${lead.id}.create_time ${lead.create_time}`);
      for (const field of [
        'marketing_rating_time',
        'sales_rating_time',
        'opportunity_time',
        'sale_time',
      ] as const) {
        check(
          lead[field] === '' || DATETIME.test(lead[field]),
          `${lead.id}.${field} ${lead[field]}`,
        );
      }
      check(/^(\d+\.\d{2})?$/.test(lead.revenue), `${lead.id}.revenue ${lead.revenue}`);
      check(
        /^(\d+\.\d{2})?$/.test(lead.cost_of_goods_sold),
        `${lead.id}.cost ${lead.cost_of_goods_sold}`,
      );
      check(
        /^[a-z.]+@[a-z]+\.example$/.test(lead.contact.email),
        `${lead.id} email ${lead.contact.email}`,
      );
      check(/^[0-9a-f]{32}$/.test(lead.contact.external_id), `${lead.id} external_id`);
      check(
        /^\+\d+ \d+ 555 01\d\d$/.test(lead.contact.phone),
        `${lead.id} phone ${lead.contact.phone}`,
      );
      check(DATETIME.test(lead.contact.date_created), `${lead.id} date_created`);
    }
    expect(problems).toEqual([]);
  });

  it('move through the lifecycle in order, with a time for each stage reached', () => {
    const leads = store(3, 4000).all();
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok) problems.push(what);
    };
    for (const lead of leads) {
      const id = lead.id;
      check(
        (MARKETING_STATUSES as readonly string[]).includes(lead.marketing_rating_status),
        `${id} marketing`,
      );
      check(
        (SALES_STATUSES as readonly string[]).includes(lead.sales_rating_status),
        `${id} sales`,
      );
      check((OUTCOMES as readonly string[]).includes(lead.opportunity), `${id} opportunity`);
      check((OUTCOMES as readonly string[]).includes(lead.sale), `${id} sale`);
      const passed = lead.marketing_rating_status === 'Passed to sales';
      check(
        passed || lead.sales_rating_status === 'Not applicable',
        `${id} rated by sales without a pass`,
      );
      check(!passed || lead.salesperson !== '', `${id} passed without a salesperson`);
      check(
        lead.opportunity === 'None' || lead.sales_rating_status === 'Rated good',
        `${id} opportunity before rating`,
      );
      check(lead.sale === 'None' || lead.opportunity === 'Yes', `${id} sale without opportunity`);
      check(
        lead.sale !== 'Yes' || Number(lead.revenue) > Number(lead.cost_of_goods_sold),
        `${id} revenue`,
      );
      const times = [
        lead.create_time,
        lead.marketing_rating_time,
        lead.sales_rating_time,
        lead.opportunity_time,
        lead.sale_time,
      ];
      const reached = times.filter((time) => time !== '');
      check(reached.join() === [...reached].sort().join(), `${id} stage times out of order`);
      check((lead.sale_time === '') === (lead.sale === 'None'), `${id} sale_time`);
      check(
        (lead.opportunity_time === '') === (lead.opportunity === 'None'),
        `${id} opportunity_time`,
      );
    }
    expect(problems).toEqual([]);
    // Spread over the whole lifecycle, not bunched in one stage.
    const count = (test: (lead: (typeof leads)[number]) => boolean): number =>
      leads.filter(test).length;
    expect(count((l) => l.marketing_rating_status === 'Unprocessed')).toBeGreaterThan(400);
    expect(count((l) => l.sales_rating_status === 'Rated good')).toBeGreaterThan(300);
    expect(count((l) => l.opportunity === 'Yes')).toBeGreaterThan(100);
    expect(count((l) => l.sale === 'Yes')).toBeGreaterThan(30);
  });

  it('vary: many names, companies, cities, a handful of salespeople; unique emails per contact', () => {
    const leads = store(5, 3000).all();
    const distinct = (pick: (lead: (typeof leads)[number]) => string): number =>
      new Set(leads.map(pick)).size;
    expect(distinct((l) => l.contact.first_name)).toBeGreaterThan(50);
    expect(distinct((l) => l.contact.company)).toBeGreaterThan(100);
    expect(distinct((l) => l.contact.city)).toBeGreaterThan(15);
    expect(distinct((l) => l.business_unit)).toBeGreaterThan(2);
    expect(distinct((l) => l.salesperson)).toBeGreaterThanOrEqual(4);
    expect(distinct((l) => l.salesperson)).toBeLessThanOrEqual(10);
    const emailToContact = new Map<string, string>();
    const shared: string[] = [];
    for (const lead of leads) {
      const seen = emailToContact.get(lead.contact.email);
      if (seen !== undefined && seen !== lead.contact.id) shared.push(lead.contact.email);
      emailToContact.set(lead.contact.email, lead.contact.id);
    }
    expect(shared).toEqual([]);
    // Some people asked more than once: fewer contacts than leads.
    expect(emailToContact.size).toBeLessThan(leads.length);
    expect(emailToContact.size).toBeGreaterThan(leads.length / 2);
  });

  it('spread create times over about two years, ids growing with them', () => {
    const leads = store(1, 2000).all();
    const first = Date.parse(`${leads[0]?.create_time.replace(' ', 'T')}Z`);
    const last = Date.parse(`${leads.at(-1)?.create_time.replace(' ', 'T')}Z`);
    expect((last - first) / (24 * 3600 * 1000)).toBeGreaterThan(700);
    const outOfOrder = leads.filter((lead, i) => {
      const previous = leads[i - 1];
      return (
        previous !== undefined &&
        (Number(lead.id) <= Number(previous.id) || lead.create_time < previous.create_time)
      );
    });
    expect(outOfOrder).toEqual([]);
  });

  it('format times in the configured zone', () => {
    const utc = store(1, 50).all();
    const toronto = store(1, 50, 'America/Toronto').all();
    for (let i = 0; i < utc.length; i++) {
      const instant = Date.parse(`${utc[i]?.create_time.replace(' ', 'T')}Z`);
      const local = Date.parse(`${toronto[i]?.create_time.replace(' ', 'T')}Z`);
      const hours = (instant - local) / 3_600_000;
      expect([4, 5]).toContain(hours);
    }
  });

  it('scale: 100,000 leads read in full and a million leads paged (timings logged)', () => {
    let started = performance.now();
    const hundredThousand = store(1, 100_000);
    let opportunities = 0;
    for (let i = 0; i < hundredThousand.count(); i++)
      if (hundredThousand.at(i).opportunity === 'Yes') opportunities++;
    console.log(
      `100,000 leads generated and read in ${Math.round(performance.now() - started)} ms`,
    );
    expect(opportunities).toBeGreaterThan(3000);

    started = performance.now();
    const million = store(1, 1_000_000);
    expect(million.count()).toBe(1_000_000);
    const last = million.at(999_999);
    console.log(`1,000,000 leads ready in ${Math.round(performance.now() - started)} ms`);
    expect(million.get(last.id)).toEqual(last);
  });
});
