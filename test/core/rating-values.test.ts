/**
 * The rating values an account uses, per stage, most used first: read from a real SQLite cache
 * filled by a pull from the simulator, counted through the rating indexes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import {
  RATING_VALUES_LIMIT,
  ratingValuesSql,
  type RatingColumn,
} from '../../src-main/core/reads/rating-values';
import type { LeadSummary } from '#contract/dto';
import { clientFor, openCore, openKeyed, startSim, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
let core: Core;

beforeAll(async () => {
  dir = tempDir();
  const sim = await startSim({ leads: 300, seed: 7 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  await sim.stop();
});
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

async function allRows(): Promise<LeadSummary[]> {
  const { ids } = await core['leads:ids']({ view: 'all' });
  const rows: LeadSummary[] = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(...(await core['leads:rows']({ ids: ids.slice(i, i + 500) })).rows);
  return rows;
}

/** Distinct non-empty values, most used first, ties by name: what the query promises. */
function byUse(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    .map(([value]) => value)
    .slice(0, RATING_VALUES_LIMIT);
}

describe('leads:rating-values', () => {
  it('lists the values the cached leads carry per stage, most used first', async () => {
    const rows = await allRows();
    const values = await core['leads:rating-values']({});
    expect(values.marketing).toEqual(byUse(rows.map((row) => row.marketing_rating)));
    expect(values.sales).toEqual(byUse(rows.map((row) => row.sales_rating)));
    // The simulator follows Envoke's own examples: sales ratings read "Contacted: Good".
    expect(values.sales).toContain('Contacted: Good');
    expect(values.marketing).toContain('Hot');
    expect(values.marketing).not.toContain('');
  });

  it('follows the person’s own changes, before they reach Envoke', async () => {
    const { ids } = await core['leads:ids']({ view: 'all' });
    const before = await core['leads:rating-values']({});
    // More leads than carry any existing value, so the new label comes first.
    const counts = new Map<string, number>();
    for (const row of await allRows())
      counts.set(row.sales_rating, (counts.get(row.sales_rating) ?? 0) + 1);
    const most = Math.max(...counts.values());
    await core['leads:update']({
      ids: ids.slice(0, most + 1),
      patch: { sales_rating: 'Left voicemail' },
    });
    const after = await core['leads:rating-values']({});
    expect(before.sales).not.toContain('Left voicemail');
    expect(after.sales[0]).toBe('Left voicemail');
  });

  it('counts through the rating indexes, never the lead rows', () => {
    const db = openKeyed(dir.db(), { readonly: true });
    try {
      for (const column of ['marketing_rating', 'sales_rating'] as RatingColumn[]) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${ratingValuesSql(column)}`).all(20) as {
          detail: string;
        }[];
        const details = plan.map((step) => step.detail).join(' | ');
        expect(details).toMatch(new RegExp(`SCAN leads USING COVERING INDEX leads_${column}s`));
      }
    } finally {
      db.close();
    }
  });
});
