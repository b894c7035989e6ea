/**
 * A change of the person answers with what the window that made it paints: the leads it changed
 * as the list shows them, which of them the window's list still holds, the counts and the
 * detail on screen, all as a fresh read would give them. The `leads:changed` it raises names
 * that window, so the window passes it by; a push's answers come with the leads and counts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { SHOWN_ROWS_MAX, type EventPayload } from '#contract';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir, unreachableClient } from './helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;
let changes: EventPayload<'leads:changed'>[];

beforeEach(async () => {
  dir = tempDir();
  sim = await startSim({ leads: 120 });
  const puller = openCore(dir.db(), clientFor(sim));
  await puller.syncOnce('pull');
  await puller.close();
  core = openCore(dir.db(), unreachableClient());
  changes = [];
  core.on('leads:changed', (change) => changes.push(change));
});
afterEach(async () => {
  await core.close();
  await sim.stop();
  dir.cleanup();
});

const NEW = 'marketing-unprocessed';

async function firstOf(view: typeof NEW | 'all', count: number): Promise<number[]> {
  const { ids } = await core['leads:ids']({ view });
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

/** What a window reading everything again would see. */
async function reread(ids: number[], detail: number) {
  return {
    rows: (await core['leads:rows']({ ids })).rows,
    members: (await core['leads:membership']({ view: NEW, ids })).ids,
    counts: await core['leads:counts']({}),
    detail: await core['leads:get']({ id: detail }),
  };
}

const byId = <T extends { id: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => a.id - b.id);

describe('leads:update answers with what to paint', () => {
  it('gives the changed rows, their membership, the counts and the detail as a reread would', async () => {
    const [a, b] = await firstOf(NEW, 2);
    const countsBefore = await core['leads:counts']({});
    const answer = await core['leads:update']({
      ids: [a!, b!],
      patch: { marketing_rating_status: 'Passed to sales' },
      origin: 'window-1',
      shown: { list: { view: NEW }, detail: a! },
    });
    expect(answer).toMatchObject({ actionId: expect.any(Number), changed: 2 });
    const paint = answer.paint!;
    const fresh = await reread([a!, b!], a!);
    expect(byId(paint.rows!)).toEqual(byId(fresh.rows));
    expect(paint.rows!.map((row) => row.marketing_rating_status)).toEqual([
      'Passed to sales',
      'Passed to sales',
    ]);
    expect(paint.rows!.every((row) => row.syncState === 'pending')).toBe(true);
    // Both left "Marketing: new": the list learns it from the answer.
    expect(paint.members).toEqual([]);
    expect(paint.members).toEqual(fresh.members);
    expect(paint.counts).toEqual(fresh.counts);
    expect(paint.counts[NEW]).toBe(countsBefore[NEW]! - 2);
    expect(paint.counts['passed-to-sales']).toBe(countsBefore['passed-to-sales']! + 2);
    expect(paint.detail).toEqual(fresh.detail);
    expect(paint.detail?.pending).toHaveLength(1);
  });

  it('says which changed leads a search in the view still holds', async () => {
    const [a, b] = await firstOf(NEW, 2);
    const [rowA] = (await core['leads:rows']({ ids: [a!] })).rows;
    const search = rowA!.email;
    const answer = await core['leads:update']({
      ids: [a!, b!],
      patch: { marketing_rating: 'Hot' },
      shown: { list: { view: NEW, search } },
    });
    expect(answer.paint?.members).toEqual(
      (await core['leads:membership']({ view: NEW, search, ids: [a!, b!] })).ids,
    );
    expect(answer.paint?.members).toContain(a);
    // Neither lead was on screen: a bulk change answers no detail.
    expect(answer.paint?.detail).toBeNull();
  });

  it('answers the membership of a query as the query itself lists it', async () => {
    const [a, b, c] = await firstOf('all', 3);
    const query = 'rating:hot';
    await core['leads:update']({ ids: [c!], patch: { marketing_rating: 'Hot' } });
    const answer = await core['leads:update']({
      ids: [a!, b!, c!],
      patch: { marketing_rating: 'Hot' },
      shown: { list: { query } },
    });
    // The answer speaks of the leads the change changed: c was Hot already.
    expect(answer.changed).toBe(2);
    expect(answer.paint?.rows?.map((row) => row.id).sort()).toEqual([a!, b!].sort());
    const listed = new Set((await core['query:ids']({ query })).ids);
    expect(answer.paint?.members).toEqual([a!, b!].filter((id) => listed.has(id)));
    expect(answer.paint?.members).toEqual([a, b]);
    const back = await core['leads:update']({
      ids: [b!],
      patch: { marketing_rating: 'Cold' },
      shown: { list: { query, search: 'nothing-matches-this' } },
    });
    expect(back.paint?.members).toEqual([]);
  });

  it.each([
    'status:new',
    'rating:hot company:a',
    '-status:new sync:pending',
    'has:note',
    'is:duplicate',
    'said:the',
    'created:>2020-01-01 -rating:cold',
  ])('answers the membership of %s as query:ids lists it', async (query) => {
    const ids = await firstOf('all', 40);
    await core['leads:update']({ ids: ids.slice(0, 10), patch: { marketing_rating: 'Hot' } });
    const answer = await core['leads:update']({
      ids,
      patch: { sales_rating_note: 'Asked for a call back' },
      shown: { list: { query, search: 'a' } },
    });
    const listed = new Set((await core['query:ids']({ query, search: 'a' })).ids);
    expect(answer.changed).toBe(ids.length);
    expect(answer.paint?.members).toEqual(ids.filter((id) => listed.has(id)));
  });

  it('answers as before when the caller does not say what it shows (the CLI)', async () => {
    const [a] = await firstOf(NEW, 1);
    const answer = await core['leads:update']({ ids: [a!], patch: { marketing_rating: 'Hot' } });
    expect(answer).toEqual({ actionId: expect.any(Number), changed: 1 });
    expect(changes.at(-1)).toEqual({ ids: [a] });
  });

  it("names the asking window in the change's event, so that window alone passes it by", async () => {
    const [a] = await firstOf(NEW, 1);
    await core['leads:update']({
      ids: [a!],
      patch: { marketing_rating: 'Warm' },
      origin: 'window-7',
      shown: {},
    });
    expect(changes.at(-1)).toEqual({ ids: [a], origin: 'window-7' });
  });

  it('refuses an origin that is not a plain name', async () => {
    const [a] = await firstOf(NEW, 1);
    await expect(
      core['leads:update']({ ids: [a!], patch: { marketing_rating: 'Hot' }, origin: '<x>' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('undo and redo answer with what to paint', () => {
  it('bring the lead back into the view with its row, membership, counts and detail', async () => {
    const [a] = await firstOf(NEW, 1);
    const countsBefore = await core['leads:counts']({});
    const [before] = (await core['leads:rows']({ ids: [a!] })).rows;
    await core['leads:update']({
      ids: [a!],
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    // The person has moved on: the detail pane shows another lead, yet the undo answers the
    // detail of the lead it brought back, where the window takes the person.
    const undone = await core['history:undo']({
      origin: 'window-1',
      shown: { list: { view: NEW }, detail: 99_999 },
    });
    expect(undone.label).toMatch(/^Undone/);
    expect(undone.leadIds).toEqual([a]);
    const fresh = await reread([a!], a!);
    expect(undone.paint?.rows).toEqual(fresh.rows);
    expect(undone.paint?.rows?.[0]?.marketing_rating_status).toBe(before!.marketing_rating_status);
    expect(undone.paint?.members).toEqual([a]);
    expect(undone.paint?.counts).toEqual(countsBefore);
    expect(undone.paint?.detail).toEqual(fresh.detail);
    expect(changes.at(-1)).toEqual({ ids: [a], origin: 'window-1' });

    const redone = await core['history:redo']({
      origin: 'window-1',
      shown: { list: { view: NEW } },
    });
    expect(redone.paint!.version).toBeGreaterThan(undone.paint!.version);
    expect(redone.paint?.members).toEqual([]);
    expect(redone.paint?.rows?.[0]?.marketing_rating_status).toBe('Passed to sales');
    expect(redone.paint?.counts[NEW]).toBe(countsBefore[NEW]! - 1);
  });

  it('answer nothing to paint when there was nothing to undo', async () => {
    const undone = await core['history:undo']({ shown: { list: { view: NEW } } });
    expect(undone.label).toBeNull();
    expect(undone.paint?.rows).toEqual([]);
    expect(undone.paint?.detail).toBeNull();
  });
});

describe("a push's answers", () => {
  it('come with the leads as the list shows them and the counts', async () => {
    await core.close();
    core = openCore(dir.db(), clientFor(sim));
    changes = [];
    core.on('leads:changed', (change) => changes.push(change));
    const [a] = await firstOf(NEW, 1);
    const answered = await core['leads:update']({
      ids: [a!],
      patch: { marketing_rating: 'Hot' },
      origin: 'w',
      shown: {},
    });
    await core.syncOnce('push');
    const delivered = changes.find((change) => change.delivered !== undefined);
    expect(delivered?.ids).toEqual([a]);
    // Read after the change's answer was: a window that gets both paints from the later.
    expect(delivered?.delivered?.version).toBeGreaterThan(answered.paint!.version);
    expect(delivered?.origin).toBeUndefined();
    expect(delivered?.delivered?.rows).toEqual((await core['leads:rows']({ ids: [a!] })).rows);
    expect(delivered?.delivered?.rows[0]?.syncState).toBe('synced');
    expect(delivered?.delivered?.counts).toEqual(await core['leads:counts']({}));
  });
});

describe('a change wider than an answer holds', () => {
  it('answers the counts and says to read the list again', async () => {
    await core.close();
    await sim.stop();
    sim = await startSim({ leads: SHOWN_ROWS_MAX + 20 });
    const wide = dir.db('wide.db');
    const puller = openCore(wide, clientFor(sim));
    await puller.syncOnce('pull');
    await puller.close();
    core = openCore(wide, unreachableClient());
    const { ids } = await core['leads:ids']({ view: 'all' });
    const answer = await core['leads:update']({
      ids,
      patch: { salesperson: 'Dana Park' },
      shown: { list: { view: 'all' }, detail: ids[0]! },
    });
    expect(answer.changed).toBe(ids.length);
    expect(answer.paint).toMatchObject({ rows: null, members: null });
    expect(answer.paint?.counts).toEqual(await core['leads:counts']({}));
    expect(answer.paint?.detail?.salesperson).toBe('Dana Park');
  });
});
