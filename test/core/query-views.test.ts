/**
 * Queries, saved views, the pipeline and possible duplicates on a real SQLite file filled from
 * the simulator over HTTP: each field filters what the leads hold (checked against the leads'
 * own fields), saved views survive reopening, counts stop at their cap, the pipeline's counts
 * are the lengths of the views it opens, and a dismissed pair stops being a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { LeadDetail } from '#contract/dto';
import { CommandError } from '#contract/errors';
import {
  clientFor,
  FakeClock,
  openCore,
  openKeyed,
  startSim,
  tempDir,
  unreachableClient,
} from './helpers';

let dir: ReturnType<typeof tempDir>;
let core: Core;
let leads: LeadDetail[];
const clock = new FakeClock();

beforeAll(async () => {
  dir = tempDir();
  const sim = await startSim({ leads: 300, seed: 7 });
  core = openCore(dir.db(), clientFor(sim), { clock });
  await core.syncOnce('pull');
  await sim.stop();
  const { ids } = await core['leads:ids']({ view: 'all' });
  // Two possible duplicates: one by email (other case), one by name at the same company.
  await core['leads:create']({
    email: 'JANE.DUP@Acme.example',
    firstName: 'Jane',
    lastName: 'Dup',
    company: 'Dup Co',
  });
  await core['leads:create']({
    email: 'jane.dup@acme.example',
    firstName: 'Janet',
    lastName: 'Other',
    company: 'Else',
  });
  await core['leads:create']({
    email: 'sam@one.example',
    firstName: 'Sam',
    lastName: 'Twin',
    company: 'Twin Ltd',
  });
  await core['leads:create']({
    email: 'sam@two.example',
    firstName: 'sam',
    lastName: 'twin',
    company: 'TWIN LTD',
  });
  await core['leads:update']({
    ids: ids.slice(0, 2),
    patch: { marketing_rating_note: 'called, wants pallets' },
  });
  const all = (await core['leads:ids']({ view: 'all' })).ids;
  leads = await Promise.all(all.map((id) => core['leads:get']({ id })));
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

async function idsOf(query: string, sort?: string): Promise<number[]> {
  return (await core['query:ids']({ query, ...(sort ? { sort } : {}) })).ids;
}
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsWhere = (test: (lead: LeadDetail) => boolean) =>
  sorted(leads.filter(test).map((l) => l.id));
const f = (lead: LeadDetail, name: string) => lead.fields[name] ?? '';

describe('each field filters what the leads hold', () => {
  it.each<[string, (lead: LeadDetail) => boolean]>([
    ['status:passed', (l) => l.marketing_rating_status === 'Passed to sales'],
    ['status:new', (l) => ['Unprocessed', ''].includes(l.marketing_rating_status)],
    ['-status:new', (l) => !['Unprocessed', ''].includes(l.marketing_rating_status)],
    ['sales-status:good', (l) => l.sales_rating_status === 'Rated good'],
    ['rating:hot', (l) => l.marketing_rating === 'Hot'],
    ['sales-rating:cold', (l) => l.sales_rating === 'Cold'],
    ['opportunity:yes', (l) => l.opportunity === 'Yes'],
    ['sale:yes', (l) => l.sale === 'Yes'],
    ['company:inc', (l) => l.company.toLowerCase().includes('inc')],
    ['contact:an', (l) => l.contactName.toLowerCase().includes('an')],
    ['email:.example', (l) => l.email.includes('.example')],
    ['source:google', (l) => f(l, 'marketing_source').toLowerCase().includes('google')],
    ['medium:cpc', (l) => f(l, 'marketing_medium').toLowerCase().includes('cpc')],
    ['campaign:a', (l) => f(l, 'marketing_campaign').toLowerCase().includes('a')],
    [
      'has:note',
      (l) =>
        [
          'create_note',
          'marketing_rating_note',
          'sales_rating_note',
          'opportunity_note',
          'sale_note',
        ].some((n) => f(l, n) !== ''),
    ],
    ['has:salesperson', (l) => l.salesperson !== ''],
    ['-has:rating', (l) => l.marketing_rating === '' && l.sales_rating === ''],
    ['sync:pending', (l) => l.syncState === 'pending'],
    ['created:>2026-09-01', (l) => l.createTime >= '2026-09-02'],
    ['created:<=2026-09-01', (l) => l.createTime !== '' && l.createTime < '2026-09-02'],
    ['marketing-time:>=2026-08-01', (l) => f(l, 'marketing_rating_time') >= '2026-08-01'],
    [
      'sales-time:<2026-10-01',
      (l) => f(l, 'sales_rating_time') !== '' && f(l, 'sales_rating_time') < '2026-10-01',
    ],
    [
      'opportunity-time:2026-01-01..2026-12-31',
      (l) => f(l, 'opportunity_time') >= '2026-01-01' && f(l, 'opportunity_time') < '2027-01-01',
    ],
    ['sale-time:>2000-01-01', (l) => f(l, 'sale_time') >= '2000-01-02'],
    ['pallets', (l) => f(l, 'marketing_rating_note').includes('pallets')],
    [
      'status:passed -rating:hot',
      (l) => l.marketing_rating_status === 'Passed to sales' && l.marketing_rating !== 'Hot',
    ],
  ])('%s', async (query, test) => {
    const expected = idsWhere(test);
    expect(sorted(await idsOf(query))).toEqual(expected);
    expect((await core['query:count']({ query })).count).toBe(expected.length);
  });

  it('the data has something for the checks to find', () => {
    expect(idsWhere((l) => l.marketing_rating_status === 'Passed to sales').length).toBeGreaterThan(
      10,
    );
    expect(idsWhere((l) => f(l, 'sale_time') !== '').length).toBeGreaterThan(0);
  });

  it('salesperson matches a quoted name', async () => {
    const name = leads.find((l) => l.salesperson !== '')!.salesperson;
    expect(sorted(await idsOf(`salesperson:"${name}"`))).toEqual(
      idsWhere((l) => l.salesperson.includes(name)),
    );
  });

  it('salesperson:= matches the whole name in any case, not a longer one', async () => {
    const name = leads.find((l) => l.salesperson !== '')!.salesperson;
    expect(sorted(await idsOf(`salesperson:="${name.toUpperCase()}"`))).toEqual(
      idsWhere((l) => l.salesperson.toLowerCase() === name.toLowerCase()),
    );
    expect(await idsOf(`salesperson:="${name.slice(0, -1)}"`)).toEqual([]);
  });

  it('a % or _ typed is a character, not a wildcard', async () => {
    expect(await idsOf('company:%')).toEqual([]);
  });

  it('sorts by company, contact, rating and times, either way', async () => {
    const byCompany = await idsOf('', 'company');
    const companies = byCompany.map((id) => leads.find((l) => l.id === id)!.company.toLowerCase());
    expect(companies).toEqual([...companies].sort());
    expect(await idsOf('', '-company')).toEqual([...byCompany].reverse());
    const byRating = (await idsOf('has:rating', 'rating')).map(
      (id) => leads.find((l) => l.id === id)!.marketing_rating,
    );
    expect(byRating.indexOf('Cold')).toBeGreaterThan(byRating.lastIndexOf('Hot'));
    const newest = await idsOf('');
    expect(newest).toEqual((await core['leads:ids']({ view: 'all' })).ids);
    expect(await idsOf('sort:company')).toEqual(byCompany);
    expect((await idsOf('', 'status-time')).length).toBe(leads.length);
    expect((await idsOf('', 'contact')).length).toBe(leads.length);
    expect((await idsOf('', 'sales-time')).length).toBe(leads.length);
  });

  it('pages a query by keyset in every sort, either way, to the same ids as reading it whole', async () => {
    for (const key of ['created', 'company', 'contact', 'rating', 'status-time', 'sales-time'])
      for (const sort of [key, `-${key}`])
        for (const [query, search] of [
          ['', undefined],
          ['-status:new', undefined],
          ['', 'a'],
        ] as const) {
          const whole = (await core['query:ids']({ query, sort, ...(search ? { search } : {}) }))
            .ids;
          const paged: number[] = [];
          let after: { key: string | number; id: number } | undefined;
          for (;;) {
            const page = await core['query:id-page']({
              query,
              sort,
              limit: 7,
              ...(search ? { search } : {}),
              ...(after ? { after } : {}),
            });
            paged.push(...page.ids);
            if (page.next === null) break;
            after = page.next;
          }
          expect(paged, `${query} ${sort} ${search ?? ''}`).toEqual(whole);
          // The query bar's count of a view held in part counts the same leads.
          expect((await core['query:count']({ query, ...(search ? { search } : {}) })).count).toBe(
            whole.length,
          );
        }
  });

  it('refuses a cursor that is not a sort value and id', async () => {
    await expect(
      core['query:id-page']({ query: '', limit: 10, after: { key: true, id: 1 } as never }),
    ).rejects.toThrow(CommandError);
  });

  it('refuses a wrong term with the parser’s sentence', async () => {
    await expect(core['query:ids']({ query: 'staus:passed' })).rejects.toThrow(
      "Unknown field 'staus' — did you mean status?",
    );
  });

  it('offers the values on this laptop for completion, most common first', async () => {
    const { values } = await core['query:values']({ field: 'salesperson', prefix: '' });
    expect(values.length).toBeGreaterThan(0);
    expect(values).toEqual(
      [...new Set(leads.map((l) => l.salesperson).filter(Boolean))]
        .filter((v) => values.includes(v))
        .sort(
          (a, b) =>
            leads.filter((l) => l.salesperson === b).length -
              leads.filter((l) => l.salesperson === a).length || a.localeCompare(b),
        ),
    );
  });
});

describe('saved views', () => {
  it('saves, renames, reorders and deletes, and refuses a name in use', async () => {
    const hot = await core['views:save']({
      name: 'Hot passed',
      query: 'status:passed rating:hot sort:company',
    });
    expect(hot).toMatchObject({
      name: 'Hot passed',
      query: 'status:"Passed to sales" rating:Hot',
      sort: 'company',
      position: 0,
    });
    const mine = await core['views:save']({ name: 'Pallets', query: 'pallets' });
    const third = await core['views:save']({ name: 'Won', query: 'sale:yes', sort: '-created' });
    await expect(core['views:save']({ name: 'won', query: '' })).rejects.toThrow(
      'A view named "won" exists already: pick another name.',
    );
    await expect(core['views:save']({ name: 'Bad', query: 'staus:x' })).rejects.toThrow(
      "Unknown field 'staus'",
    );
    expect((await core['views:rename']({ id: mine.id, name: 'Pallet talk' })).name).toBe(
      'Pallet talk',
    );
    const moved = await core['views:move']({ id: third.id, position: 0 });
    expect(moved.views.map((v) => [v.name, v.position])).toEqual([
      ['Won', 0],
      ['Hot passed', 1],
      ['Pallet talk', 2],
    ]);
    await core['views:delete']({ id: hot.id });
    expect((await core['views:list']({})).views.map((v) => [v.name, v.position])).toEqual([
      ['Won', 0],
      ['Pallet talk', 1],
    ]);
    await expect(core['views:delete']({ id: hot.id })).rejects.toThrow(
      `There is no saved view ${hot.id}.`,
    );
    const counts = (await core['views:counts']({})).counts;
    expect(counts[String(third.id)]).toEqual({
      count: (await idsOf('sale:yes')).length,
      capped: false,
    });
    expect(counts[String(mine.id)]).toEqual({ count: 2, capped: false });
  });

  it('are still there after the database is reopened', async () => {
    const other = openCore(dir.db(), unreachableClient());
    const names = (await other['views:list']({})).views.map((v) => v.name);
    await other.close();
    expect(names).toEqual(['Won', 'Pallet talk']);
  });

  it('a view an older version saved with a control character goes uncounted, the others counted', async () => {
    const db = openKeyed(dir.db());
    db.prepare(
      `INSERT INTO saved_views (name, query, sort, position, created_at)
       VALUES ('Old NUL', ?, '-created', 9, 0)`,
    ).run('company:"\u0000"');
    const id = db.prepare("SELECT id FROM saved_views WHERE name = 'Old NUL'").pluck().get();
    db.close();
    const { counts } = await core['views:counts']({});
    expect(Object.keys(counts)).toHaveLength(2);
    expect(counts).not.toHaveProperty(String(id));
    const { views } = await core['views:list']({});
    const old = views.find((view) => view.id === id)!;
    await expect(core['query:count']({ query: old.query })).rejects.toThrow(
      'A query cannot contain control characters: remove NUL (U+0000) at character 10.',
    );
    await core['views:delete']({ id: Number(id) });
  });
});

describe('pipeline', () => {
  it('counts each step as its view lists it, with rates and a weekly trend', async () => {
    const result = await core['pipeline:get']({ from: '2026-01-01', to: '2026-12-31' });
    expect(result.steps.map((s) => s.id)).toEqual([
      'new',
      'passed',
      'rated-good',
      'opportunity',
      'sale',
    ]);
    for (const step of result.steps) {
      expect(step.count).toBe((await idsOf(step.query)).length);
      expect(step.weekly.reduce((sum, week) => sum + week.count, 0)).toBeLessThanOrEqual(
        step.count,
      );
    }
    const [first, second] = result.steps;
    expect(first!.count).toBeGreaterThan(0);
    expect(second!.rate).toBeCloseTo(second!.count / first!.count);
    expect(result.steps[0]!.weekly.length).toBe(13);
    const person = result.salespeople[0]!;
    const theirs = await core['pipeline:get']({
      from: '2026-01-01',
      to: '2026-12-31',
      salesperson: person,
    });
    for (const step of theirs.steps) expect(step.count).toBe((await idsOf(step.query)).length);
    expect(theirs.steps[1]!.query).toContain(`salesperson:`);
  });

  it('splits a quarter into weeks that add up to each step, each week its own view', async () => {
    const created = leads.map((l) => l.createTime.slice(0, 10)).sort();
    const to = created.at(-1)!;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 80 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const result = await core['pipeline:get']({ from, to });
    for (const step of result.steps) {
      expect(step.weekly.reduce((sum, week) => sum + week.count, 0)).toBe(step.count);
      expect(step.count).toBe((await idsOf(step.query)).length);
    }
    const newest = result.steps[0]!;
    expect(newest.count).toBeGreaterThan(0);
    const busiest = newest.weekly.reduce((a, b) => (b.count > a.count ? b : a));
    const weekEnd = new Date(Date.parse(`${busiest.week}T00:00:00Z`) + 6 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const first = busiest.week < from ? from : busiest.week;
    expect((await idsOf(`created:${first}..${weekEnd > to ? to : weekEnd}`)).length).toBe(
      busiest.count,
    );
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(core['pipeline:get']({ from: '2026-02-01', to: '2026-01-01' })).rejects.toThrow(
      'The period ends before it starts',
    );
  });
});

describe('possible duplicates', () => {
  it('pairs the same email in any case and the same name at the same company; a dismissed pair leaves', async () => {
    const { pairs } = await core['duplicates:pairs']({ limit: 200 });
    const byEmail = pairs.find(
      (p) => p.reason === 'email' && p.a.email.toLowerCase() === 'jane.dup@acme.example',
    );
    const byName = pairs.find(
      (p) => p.reason === 'name-company' && p.a.company.toLowerCase() === 'twin ltd',
    );
    expect(byEmail).toBeDefined();
    expect(byName).toBeDefined();
    const flagged = await idsOf('is:duplicate');
    expect(flagged).toEqual(
      expect.arrayContaining([byEmail!.a.id, byEmail!.b.id, byName!.a.id, byName!.b.id]),
    );
    expect((await core['duplicates:among']({ ids: [byName!.a.id, leads[0]!.id] })).ids).toContain(
      byName!.a.id,
    );

    await core['duplicates:dismiss']({ a: byName!.b.id, b: byName!.a.id });
    const after = (await core['duplicates:pairs']({ limit: 200 })).pairs;
    expect(after.some((p) => p.a.id === byName!.a.id && p.b.id === byName!.b.id)).toBe(false);
    expect(await idsOf('is:duplicate')).not.toContain(byName!.a.id);
    await expect(core['duplicates:dismiss']({ a: 1, b: 999_999 })).rejects.toThrow(CommandError);
  });
});

describe('possible duplicates, page by page', () => {
  it('pages through every pair by keyset, each once, emails first, to the last page', async () => {
    const whole = await core['duplicates:pairs']({ limit: 500 });
    expect(whole.next).toBeNull();
    expect(whole.pairs.length).toBeGreaterThan(3);
    const paged: string[] = [];
    let after: Parameters<(typeof core)['duplicates:pairs']>[0]['after'];
    for (let pages = 0; pages < 100; pages++) {
      const page = await core['duplicates:pairs']({ limit: 2, ...(after ? { after } : {}) });
      expect(page.pairs.length).toBeLessThanOrEqual(2);
      paged.push(...page.pairs.map((p) => `${p.reason}:${p.a.id}-${p.b.id}`));
      if (page.next === null) break;
      after = page.next;
    }
    const all = whole.pairs.map((p) => `${p.reason}:${p.a.id}-${p.b.id}`);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
    const firstName = all.findIndex((pair) => pair.startsWith('name-company'));
    expect(all.slice(0, firstName).every((pair) => pair.startsWith('email'))).toBe(true);
  });
});

describe('capped counts', () => {
  it('count a query up to a thousand leads and say when there are more', async () => {
    const capDir = tempDir();
    const sim = await startSim({ leads: 1_050, seed: 3 });
    const big = openCore(capDir.db(), clientFor(sim));
    try {
      await big.syncOnce('pull');
      expect(await big['query:count']({ query: '' })).toEqual({ count: 1_000, capped: true });
      // Asked for more, it counts them all: the query bar's number, as the pipeline's.
      expect(await big['query:count']({ query: '', cap: 100_000 })).toEqual({
        count: 1_050,
        capped: false,
      });
      expect(await big['query:count']({ query: '', cap: 1_049 })).toEqual({
        count: 1_049,
        capped: true,
      });
      const passed = (await big['query:ids']({ query: 'status:passed' })).ids.length;
      expect(passed).toBeLessThan(1_000);
      expect(await big['query:count']({ query: 'status:passed' })).toEqual({
        count: passed,
        capped: false,
      });
    } finally {
      await big.close();
      await sim.stop();
      capDir.cleanup();
    }
  });
});
