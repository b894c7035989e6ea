/**
 * A lead passed to sales shows in "Sales: new" whatever Envoke does to its sales status: Envoke
 * may set Unprocessed, or leave the Not applicable a new lead has. Its count, its list and the
 * pipeline agree, before and after the change reaches Envoke.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(): Promise<{ sim: RunningSimulator; core: Core }> {
  const sim = await startSim({ leads: 300 });
  cleanups.push(() => sim.stop());
  const dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const core = openCore(dir.db(), clientFor(sim));
  cleanups.push(() => core.close());
  await core.syncOnce('pull');
  return { sim, core };
}

async function inSalesNew(core: Core, id: number): Promise<boolean> {
  const { ids } = await core['leads:membership']({ view: 'sales-unprocessed', ids: [id] });
  return ids.includes(id);
}

describe('Sales: new', () => {
  it('takes a lead the person passes to sales while its sales status stays Not applicable', async () => {
    const { sim, core } = await setup();
    const fresh = sim.store
      .all()
      .find(
        (lead) =>
          lead.marketing_rating_status === 'Unprocessed' &&
          lead.sales_rating_status === 'Not applicable',
      )!;
    const id = core.findLeadByEnvokeId(fresh.id)!;
    const before = await core['leads:counts']({});
    const passedBefore = (
      await core['pipeline:get']({ from: '2000-01-01', to: '2099-12-31' })
    ).steps.find((step) => step.id === 'passed')!.count;
    expect(await inSalesNew(core, id)).toBe(false);

    await core['leads:update']({
      ids: [id],
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    const after = await core['leads:counts']({});
    expect(after['sales-unprocessed']).toBe(before['sales-unprocessed'] + 1);
    expect(after['passed-to-sales']).toBe(before['passed-to-sales'] + 1);
    expect(await inSalesNew(core, id)).toBe(true);
    const listed = await core['leads:ids']({ view: 'sales-unprocessed' });
    expect(listed.ids).toContain(id);
    expect(listed.ids).toHaveLength(after['sales-unprocessed']);

    // Envoke takes the status and leaves sales as it was: the lead stays in the view.
    await core.syncOnce('both');
    expect(sim.store.get(fresh.id)).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      sales_rating_status: 'Not applicable',
    });
    expect(await inSalesNew(core, id)).toBe(true);
    expect((await core['leads:counts']({}))['sales-unprocessed']).toBe(after['sales-unprocessed']);
    const pipeline = await core['pipeline:get']({ from: '2000-01-01', to: '2099-12-31' });
    expect(pipeline.steps.find((step) => step.id === 'passed')!.count).toBe(passedBefore + 1);

    // Sales rates it: it leaves the view, and the count follows.
    await core['leads:update']({ ids: [id], patch: { sales_rating_status: 'Rated good' } });
    expect(await inSalesNew(core, id)).toBe(false);
    expect((await core['leads:counts']({}))['sales-unprocessed']).toBe(before['sales-unprocessed']);
  });

  it('keeps a lead Envoke marks Unprocessed, passed or not, as before', async () => {
    const { sim, core } = await setup();
    const lead = sim.store.all().find((l) => l.sales_rating_status === 'Unprocessed')!;
    expect(await inSalesNew(core, core.findLeadByEnvokeId(lead.id)!)).toBe(true);
    const deferred = sim.store
      .all()
      .find(
        (l) =>
          l.marketing_rating_status === 'Deferred' && l.sales_rating_status === 'Not applicable',
      )!;
    expect(await inSalesNew(core, core.findLeadByEnvokeId(deferred.id)!)).toBe(false);
  });
});
