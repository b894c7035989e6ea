/**
 * The read side: keyset pages of every view agree with the full id list and the counts, rows come
 * back in the order asked, search matches name, company, email and notes by prefix and treats
 * FTS syntax as text, and every view is served by an index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { searchPageSql } from '../../src-main/core/reads/lead-queries';
import { VIEW_CONDITIONS } from '../../src-main/core/reads/view-filters';
import { VIEW_IDS, type LeadSummary } from '#contract/dto';
import { clientFor, openCore, startSim, tempDir, openKeyed } from './helpers';

let dir: ReturnType<typeof tempDir>;
let core: Core;

beforeAll(async () => {
  dir = tempDir();
  const sim = await startSim({ leads: 400, seed: 5 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  await sim.stop();
  // Some local state so the sync views are not empty.
  const { ids } = await core['leads:ids']({ view: 'marketing-unprocessed' });
  await core['leads:update']({
    ids: ids.slice(0, 3),
    patch: { marketing_rating_status: 'Passed to sales' },
  });
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

async function pageThrough(
  view: (typeof VIEW_IDS)[number],
  limit: number,
  search?: string,
): Promise<LeadSummary[]> {
  const rows: LeadSummary[] = [];
  let after: { sortKey: string; id: number } | undefined;
  for (;;) {
    const page = await core['leads:list']({
      view,
      limit,
      ...(search ? { search } : {}),
      ...(after ? { after } : {}),
    });
    rows.push(...page.rows);
    if (page.next === null) return rows;
    after = page.next;
  }
}

describe('views', () => {
  it.each(VIEW_IDS)('%s: keyset pages, the id list and the count agree', async (view) => {
    const counts = await core['leads:counts']({});
    const { ids } = await core['leads:ids']({ view });
    const rows = await pageThrough(view, 7);
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(ids).toHaveLength(counts[view]);
    // Newest first.
    const keys = rows.map((row) => [row.createTime, row.id] as const);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : a[0] < b[0] ? 1 : -1));
    expect(keys).toEqual(sorted);
  });

  it.each(VIEW_IDS)('%s: id pages, searched or not, join up to the id list', async (view) => {
    for (const search of [undefined, 'a']) {
      const { ids } = await core['leads:ids']({ view, search });
      const paged: number[] = [];
      let after: { sortKey: string; id: number } | undefined;
      for (;;) {
        const page = await core['leads:id-page']({ view, search, limit: 11, after });
        paged.push(...page.ids);
        if (page.next === null) break;
        after = page.next;
      }
      expect(paged).toEqual(ids);
    }
  });

  it.each(VIEW_IDS)(
    '%s: membership and position of leads agree with the id list, searched or not',
    async (view) => {
      for (const search of [undefined, 'a']) {
        const { ids } = await core['leads:ids']({ view, search });
        const all = (await core['leads:ids']({ view: 'all' })).ids;
        const asked = all.filter((_, i) => i % 9 === 0);
        const member = await core['leads:membership']({ view, search, ids: asked });
        expect(member.ids).toEqual(asked.filter((id) => ids.includes(id)));
        for (const id of asked.slice(0, 12)) {
          const { index } = await core['leads:position']({ view, search, id });
          expect(index, `lead ${id}`).toBe(ids.includes(id) ? ids.indexOf(id) : null);
          const capped = await core['leads:position']({ view, search, id, upTo: 5 });
          expect(capped.index, `lead ${id} up to 5`).toBe(
            ids.includes(id) ? Math.min(5, ids.indexOf(id)) : null,
          );
        }
      }
    },
  );

  it('holds what each view promises', async () => {
    const all = await pageThrough('all', 500);
    expect(all).toHaveLength(400);
    const only = async (view: (typeof VIEW_IDS)[number]) => pageThrough(view, 500);
    expect(
      (await only('marketing-unprocessed')).every((row) =>
        ['Unprocessed', ''].includes(row.marketing_rating_status),
      ),
    ).toBe(true);
    expect(
      (await only('passed-to-sales')).every(
        (row) => row.marketing_rating_status === 'Passed to sales',
      ),
    ).toBe(true);
    // Sales has not processed it: Unprocessed, or passed on and still Not applicable.
    const salesNew = (row: (typeof all)[number]) =>
      row.sales_rating_status === 'Unprocessed' ||
      (row.marketing_rating_status === 'Passed to sales' &&
        ['Not applicable', ''].includes(row.sales_rating_status));
    expect((await only('sales-unprocessed')).map((row) => row.id).sort()).toEqual(
      all
        .filter(salesNew)
        .map((row) => row.id)
        .sort(),
    );
    expect((await only('opportunities')).every((row) => row.opportunity === 'Yes')).toBe(true);
    expect((await only('won')).every((row) => row.sale === 'Yes')).toBe(true);
    const pending = await only('pending');
    expect(pending).toHaveLength(3);
    expect(pending.every((row) => row.syncState === 'pending')).toBe(true);
  });

  it('returns rows in the order asked and leaves out unknown ids', async () => {
    const { ids } = await core['leads:ids']({ view: 'all' });
    const asked = [ids[10]!, 987_654, ids[2]!, ids[7]!];
    const { rows } = await core['leads:rows']({ ids: asked });
    expect(rows.map((row) => row.id)).toEqual([ids[10], ids[2], ids[7]]);
  });

  it('every view lists and counts through an index, never a table scan', () => {
    const db = openKeyed(dir.db(), { readonly: true });
    for (const view of VIEW_IDS) {
      if (view === 'all') continue;
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM leads WHERE ${VIEW_CONDITIONS[view]} AND (sort_key, id) < (?, ?) ORDER BY sort_key DESC, id DESC LIMIT 50`,
        )
        .all('9999', 1) as { detail: string }[];
      const text = plan.map((step) => step.detail).join(' | ');
      expect(text, view).toMatch(/USING (COVERING )?INDEX leads_view_/);
      expect(text, view).not.toMatch(/USE TEMP B-TREE/);
    }
    db.close();
  });
});

describe('search', () => {
  it('finds by prefix of name, company and email, within a view', async () => {
    const [sample] = await pageThrough('all', 1).then((rows) => rows.slice(0, 1));
    const companyWord = sample!.company.split(/\s+/)[0]!;
    const byCompany = await core['leads:ids']({ view: 'all', search: companyWord.slice(0, 4) });
    expect(byCompany.ids).toContain(sample!.id);
    const byEmail = await core['leads:ids']({ view: 'all', search: sample!.email });
    expect(byEmail.ids).toContain(sample!.id);
    const byName = await core['leads:ids']({
      view: 'all',
      search: `${sample!.contactName.slice(0, 3)} ${companyWord}`,
    });
    expect(byName.ids).toContain(sample!.id);
    const paged = await pageThrough('all', 3, companyWord.slice(0, 4));
    expect(paged.map((row) => row.id)).toEqual(byCompany.ids);
    expect((await core['leads:ids']({ view: 'all', search: 'qqqzzzxx' })).ids).toEqual([]);
  });

  it('reads matches in the index order, newest id first, and stops at the page', async () => {
    const paged = await pageThrough('all', 3, 'a');
    const { ids } = await core['leads:ids']({ view: 'all', search: 'a' });
    expect(paged.length).toBeGreaterThan(20);
    expect(paged.map((row) => row.id)).toEqual(ids);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const db = openKeyed(dir.db(), { readonly: true });
    for (const view of VIEW_IDS) {
      for (const withCursor of [false, true]) {
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${searchPageSql(view, withCursor)}`)
          .all(...(withCursor ? ['"a"*', 9_999_999, 50] : ['"a"*', 50])) as { detail: string }[];
        const text = plan.map((step) => step.detail).join(' | ');
        expect(text, view).toMatch(/^SCAN s VIRTUAL TABLE/);
        expect(text, view).not.toMatch(/TEMP B-TREE/);
      }
    }
    db.close();
  });

  it('finds a note the person just wrote', async () => {
    const { ids } = await core['leads:ids']({ view: 'all' });
    await core['leads:update']({
      ids: [ids[5]!],
      patch: { sales_rating_note: 'Wants zebrawood samples' },
    });
    expect((await core['leads:ids']({ view: 'all', search: 'zebraw' })).ids).toEqual([ids[5]]);
    expect((await core['leads:ids']({ view: 'pending', search: 'zebrawood samples' })).ids).toEqual(
      [ids[5]],
    );
  });

  it.each([
    '"',
    'AND',
    'OR NOT',
    'NEAR(a b)',
    'name:x',
    '*',
    '(',
    'a"b',
    '^x',
    '-',
    "'; DROP TABLE leads; --",
  ])('treats %s as text, never as query syntax', async (text) => {
    await expect(core['leads:ids']({ view: 'all', search: text })).resolves.toBeDefined();
    await expect(
      core['leads:list']({ view: 'all', search: text, limit: 5 }),
    ).resolves.toBeDefined();
  });
});
