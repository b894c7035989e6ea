import { describe, expect, it } from 'vitest';
import type { LeadSummary } from '#contract';
import {
  idsToFetch,
  mergeRows,
  ROWS_BATCH,
  windowAround,
} from '../../src-renderer/logic/row-window';

const ids = Array.from({ length: 100_000 }, (_, i) => i + 1);

function summary(id: number): LeadSummary {
  return {
    id,
    envokeId: String(id),
    contactName: '',
    company: `Company ${id}`,
    email: '',
    createTime: '',
    marketing_rating_status: '',
    marketing_rating: '',
    sales_rating_status: '',
    sales_rating: '',
    opportunity: '',
    sale: '',
    salesperson: '',
    syncState: 'synced',
    goneFromEnvoke: false,
  };
}

describe('rows by window', () => {
  it('asks only for the rows around the screen, deep in a long list', () => {
    const window = windowAround(ids, 50_000, 50_030, 60);
    expect(window[0]).toBe(49_941);
    expect(window).toHaveLength(151);
  });

  it('clips the window at both ends of the list', () => {
    expect(windowAround(ids, 0, 10, 60)).toHaveLength(71);
    expect(windowAround(ids, 99_990, 99_999, 60).at(-1)).toBe(100_000);
  });

  it('skips rows cached or already on their way, in batches the contract accepts', () => {
    const cached = { 1: summary(1), 2: summary(2) };
    const batches = idsToFetch(ids.slice(0, 1_203), cached, new Set([3]));
    expect(batches.map((b) => b.length)).toEqual([ROWS_BATCH, ROWS_BATCH, 200]);
    expect(batches[0]?.[0]).toBe(4);
  });

  it('keeps the cache bounded to what is near the screen', () => {
    let cache: Record<number, LeadSummary> = {};
    for (let start = 0; start < 20_000; start += 500) {
      const rows = ids.slice(start, start + 500).map(summary);
      cache = mergeRows(cache, rows, new Set(rows.map((r) => r.id)), 2_000);
    }
    expect(Object.keys(cache).length).toBeLessThanOrEqual(2_000);
    expect(cache[20_000]).toBeDefined();
    expect(cache[1]).toBeUndefined();
  });

  it('keeps every row while under the cap', () => {
    const cache = mergeRows({ 1: summary(1) }, [summary(2)], new Set([2]), 10);
    expect(Object.keys(cache)).toEqual(['1', '2']);
  });
});
