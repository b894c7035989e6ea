/** Search offers the matches outside the view searched, counted up to a cap. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { SEARCH_ELSEWHERE_CAP } from '../../src-main/core/reads/lead-queries';
import { clientFor, openCore, startSim, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
let core: Core;

beforeAll(async () => {
  dir = tempDir();
  const sim = await startSim({ leads: SEARCH_ELSEWHERE_CAP + 100, seed: 7 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  await sim.stop();
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

it('counts the matches outside the view, including a lead just passed to sales', async () => {
  const { ids } = await core['leads:ids']({ view: 'marketing-unprocessed' });
  const [id] = ids;
  const lead = await core['leads:get']({ id: id! });
  const email = lead.contact.email;
  expect(email).not.toBe('');
  await core['leads:update']({ ids: [id!], patch: { marketing_rating_status: 'Passed to sales' } });

  expect((await core['leads:ids']({ view: 'marketing-unprocessed', search: email })).ids).toEqual(
    [],
  );
  expect(
    await core['leads:search-elsewhere']({ view: 'marketing-unprocessed', search: email }),
  ).toEqual({ view: 'all', count: 1, capped: false });
});

it('is the number of matches in all leads that the view leaves out', async () => {
  const [sample] = (await core['leads:list']({ view: 'all', limit: 1 })).rows;
  const word = sample!.company.split(/\s+/)[0]!;
  const all = (await core['leads:ids']({ view: 'all', search: word })).ids;
  const inView = new Set((await core['leads:ids']({ view: 'passed-to-sales', search: word })).ids);
  const elsewhere = await core['leads:search-elsewhere']({ view: 'passed-to-sales', search: word });
  expect(elsewhere.count).toBe(all.filter((id) => !inView.has(id)).length);
  expect(elsewhere.count).toBeGreaterThan(0);
  expect(elsewhere.capped).toBe(false);
  // From all leads, there is nowhere else to look.
  expect(await core['leads:search-elsewhere']({ view: 'all', search: word })).toEqual({
    view: 'all',
    count: 0,
    capped: false,
  });
});

it('stops counting at the cap and says there are more', async () => {
  // Every demo email ends in .example.
  expect(await core['leads:search-elsewhere']({ view: 'won', search: 'example' })).toEqual({
    view: 'all',
    count: SEARCH_ELSEWHERE_CAP,
    capped: true,
  });
});
