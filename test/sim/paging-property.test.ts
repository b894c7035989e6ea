/**
 * Paging properties of the list engine, over many account sizes, page caps and page sizes:
 * skip/limit and `filter[id][$gt]` both visit every lead exactly once, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listLeads } from '../../src-main/sim/list';
import { parseListQuery } from '../../src-main/sim/query';
import { SimLeadStore } from '../../src-main/sim/lead-store';
import { createTimeFormatter } from '../../src-main/sim/time';

const formatTime = createTimeFormatter('UTC');

function makeStore(seed: number, leads: number, created: number): SimLeadStore {
  const store = new SimLeadStore({ seed, leads, clock: () => new Date(0), formatTime });
  for (let i = 0; i < created; i++) store.insert({ contact: { email: `new${i}@x.example` } });
  return store;
}

const scenario = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  leads: fc.integer({ min: 0, max: 250 }),
  created: fc.integer({ min: 0, max: 5 }),
  pageCap: fc.integer({ min: 1, max: 120 }),
  limit: fc.integer({ min: 1, max: 150 }),
  descending: fc.boolean(),
});

describe('paging', () => {
  it('with skip and limit visits every lead once, in the requested id order', () => {
    fc.assert(
      fc.property(scenario, ({ seed, leads, created, pageCap, limit, descending }) => {
        const store = makeStore(seed, leads, created);
        const expected = Array.from({ length: store.count() }, (_, i) => String(store.idAt(i)));
        if (descending) expected.reverse();
        const seen: string[] = [];
        for (let skip = 0; ;) {
          const query = `?sort[id]=${descending ? 'DESC' : 'ASC'}&limit=${limit}&skip=${skip}`;
          const page = listLeads(store, parseListQuery(query, { pageCap, supportsIdGt: true }));
          expect(page.length).toBeLessThanOrEqual(Math.min(limit, pageCap));
          seen.push(...page.map((lead) => lead.id));
          if (page.length < Math.min(limit, pageCap)) break;
          skip += page.length;
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('with filter[id][$gt] and sort[id]=ASC visits every lead once', () => {
    fc.assert(
      fc.property(scenario, ({ seed, leads, created, pageCap, limit }) => {
        const store = makeStore(seed, leads, created);
        const seen: string[] = [];
        let last = 0;
        for (;;) {
          const query = `?sort[id]=ASC&limit=${limit}&filter[id][$gt]=${last}`;
          const page = listLeads(store, parseListQuery(query, { pageCap, supportsIdGt: true }));
          seen.push(...page.map((lead) => lead.id));
          if (page.length < Math.min(limit, pageCap)) break;
          last = Number(page.at(-1)?.id);
        }
        expect(seen).toEqual(
          Array.from({ length: store.count() }, (_, i) => String(store.idAt(i))),
        );
      }),
      { numRuns: 60 },
    );
  });
});
