/**
 * The query terms about what the contact wrote, custom values, interests, the business unit and
 * consent, against the leads as the simulator holds them: every query's leads equal those a
 * plain reading of each lead finds, page by page in either plan (few candidates read first, many
 * walked in the list's order), and search finds words of the message and of custom values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeConsent } from '#contract/consent';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator, SimLead } from '../../src-main/sim';
import { ENVOKE_EXAMPLE_LEAD } from '../support/envoke-example-lead';
import { parseQuery } from '#contract/lead-query';
import { compileQuery } from '../../src-main/core/reads/query-sql';
import { FacetTermList } from '../../src-main/core/reads/facet-terms';
import { facetWords } from '../../src-main/core/tables/facets';
import { clientFor, openCore, openKeyed, startSim, tempDir } from './helpers';

let sim: RunningSimulator;
let core: Core;
let dir: ReturnType<typeof tempDir>;
let leads: SimLead[];

beforeAll(async () => {
  // Enough leads that an Express consent names more than the walk threshold (2,000).
  sim = await startSim({ leads: 6000 });
  sim.store.seedLead(ENVOKE_EXAMPLE_LEAD);
  // The shapes Envoke's webhooks use: custom fields and interests as lists of objects.
  sim.store.seedLead({
    contact: {
      email: 'lists@shapes.example',
      feedback: 'Send the Gold catalogue please',
      consent_status: 'Revoked',
      custom_fields: { widget_name: 'Bronze Compact' },
      interests: ['Events'],
    },
    business_unit: 'Consumer Devices',
  });
  dir = tempDir();
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  leads = sim.store.all();
}, 120_000);

afterAll(async () => {
  await core.close();
  await sim.stop();
  dir.cleanup();
});

/** Envoke ids of local ids, in order. */
async function envokeIds(ids: number[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const { rows } = await core['leads:rows']({ ids: ids.slice(i, i + 500) });
    out.push(...rows.map((row) => row.envokeId ?? ''));
  }
  return out;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * A term's words as a search reads them: each a whole word of the text, the last (for free
 * text) the beginning of one; or, `exact`, the whole value in any case.
 */
function holds(text: string, value: string, how: 'free' | 'words' | 'exact' = 'free'): boolean {
  if (how === 'exact') return text.toLowerCase() === value.toLowerCase();
  const have = words(text);
  const want = words(value);
  return want.every((word, i) =>
    how === 'free' && i === want.length - 1
      ? have.some((w) => w.startsWith(word))
      : have.includes(word),
  );
}

const consentKey = (lead: SimLead) =>
  (normalizeConsent(lead.contact.consent_status) ?? 'Not provided')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const CASES: [string, (lead: SimLead) => boolean][] = [
  ['said:widgets', (l) => holds(l.contact.feedback, 'widgets')],
  ['said:"contact me"', (l) => holds(l.contact.feedback, 'contact me')],
  [
    'said:please -said:gold',
    (l) => holds(l.contact.feedback, 'please') && !holds(l.contact.feedback, 'gold'),
  ],
  [
    'custom.widget_name:"Gold Deluxe"',
    (l) => holds(l.contact.custom_fields.widget_name ?? '', 'Gold Deluxe'),
  ],
  [
    'custom.widget_name:="gold deluxe model 5x33"',
    (l) => holds(l.contact.custom_fields.widget_name ?? '', 'gold deluxe model 5x33', 'exact'),
  ],
  [
    'custom.preferred_contact_time:mornings',
    (l) => holds(l.contact.custom_fields.preferred_contact_time ?? '', 'mornings'),
  ],
  ['-custom.widget_name:gold', (l) => !holds(l.contact.custom_fields.widget_name ?? '', 'gold')],
  ['consent:express', (l) => consentKey(l) === 'express'],
  ['consent:implied', (l) => consentKey(l).startsWith('implied')],
  ['consent:"not provided"', (l) => consentKey(l) === 'notprovided'],
  ['consent:revoked', (l) => consentKey(l) === 'revoked'],
  ['-consent:express', (l) => consentKey(l) !== 'express'],
  ['said:widg', (l) => holds(l.contact.feedback, 'widg')],
  ['interest:events', (l) => l.contact.interests.some((name) => holds(name, 'events', 'words'))],
  [
    'interest:"business products"',
    (l) => l.contact.interests.some((name) => holds(name, 'business products', 'words')),
  ],
  [
    'interest:="Business Products"',
    (l) => l.contact.interests.some((name) => holds(name, 'business products', 'exact')),
  ],
  ['unit:b2b', (l) => holds(l.business_unit, 'b2b', 'words')],
  ['-unit:b2b', (l) => !holds(l.business_unit, 'b2b', 'words')],
  ['unit:="B2B Widgets"', (l) => holds(l.business_unit, 'B2B Widgets', 'exact')],
  [
    'consent:express interest:events status:passed',
    (l) =>
      consentKey(l) === 'express' &&
      l.contact.interests.includes('Events') &&
      l.marketing_rating_status === 'Passed to sales',
  ],
];

describe('the query terms of the whole lead', () => {
  it.each(CASES)('%s finds exactly the leads that hold it', async (query, holdsIt) => {
    const expected = leads
      .filter(holdsIt)
      .map((lead) => lead.id)
      .sort();
    const { ids } = await core['query:ids']({ query });
    expect((await envokeIds(ids)).sort()).toEqual(expected);
    // Page by page in the list's order, as the window reads it, the same leads in the same order.
    const paged: number[] = [];
    let after: { key: string | number; id: number } | undefined;
    for (;;) {
      const page = await core['query:id-page']({ query, limit: 250, ...(after ? { after } : {}) });
      paged.push(...page.ids);
      if (page.next === null) break;
      after = page.next;
    }
    expect(paged).toEqual(ids);
    const count = await core['query:count']({ query });
    expect(count).toEqual({
      count: Math.min(expected.length, 1000),
      capped: expected.length > 1000,
    });
    // Each way of reading the candidates gives the same leads in the same order, with each
    // prefix left to FTS5 or named as the words it stands for (read on a read-only connection).
    const db = openKeyed(dir.db(), { readonly: true });
    try {
      const termList = new FacetTermList(db);
      for (const how of ['matches', 'walk', 'check'] as const) {
        for (const [named, facetMatch] of [
          ['as typed', undefined],
          ['from the term list', termList.match],
        ] as const) {
          const compiled = compileQuery(parseQuery(query), undefined, {
            facets: () => how,
            facetMatch,
          });
          const planned = db
            .prepare(`SELECT id FROM leads WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`)
            .pluck()
            .all(...compiled.params);
          expect(planned, `${how}, ${named}`).toEqual(ids);
        }
      }
    } finally {
      db.close();
    }
  });

  it('the sample holds what the cases need: matches few and many, none empty', () => {
    const sizes = CASES.map(([, holdsIt]) => leads.filter(holdsIt).length);
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    // Express consent is past the walk threshold; revoked is well under it.
    expect(leads.filter((l) => consentKey(l) === 'express').length).toBeGreaterThan(2000);
    expect(leads.filter((l) => consentKey(l) === 'revoked').length).toBeLessThan(2000);
  });

  it("search finds the words of the contact's message and of custom values", async () => {
    const example = leads.find((lead) => lead.contact.email === 'new-contact@api-testing.com')!;
    for (const search of ['widgets', 'immediately', 'deluxe', '5x33']) {
      const { ids } = await core['leads:id-page']({ view: 'all', search, limit: 1000 });
      expect(await envokeIds(ids), search).toContain(example.id);
    }
    const { ids } = await core['query:ids']({ query: 'widgets custom.widget_name:"Gold Deluxe"' });
    expect(await envokeIds(ids)).toContain(example.id);
  });

  it("names the words a beginning stands for from the index's term list", () => {
    const db = openKeyed(dir.db(), { readonly: true });
    try {
      const list = new FacetTermList(db);
      const widg = list.match(facetWords('said', 'widg', false))!;
      expect(widg).not.toContain('*');
      expect(widg).toContain('"saidxwidgets"');
      // A whole word, and a beginning of no word, are left as typed.
      expect(list.match(facetWords('unit', 'b2b', true))).toBe('"unitxb2b"');
      expect(list.match(facetWords('said', 'zqxw', false))).toBe('"saidxzqxw"*');
      expect(list.match([])).toBeNull();
    } finally {
      db.close();
    }
  });

  it('a beginning no word of the index has finds nothing, alone or beside another term', async () => {
    for (const query of ['said:zqxw', 'said:zqxw consent:express', 'custom.widget_name:zqxw']) {
      expect((await core['query:ids']({ query })).ids, query).toEqual([]);
      expect(await core['query:count']({ query }), query).toEqual({ count: 0, capped: false });
      expect((await core['query:id-page']({ query, limit: 250 })).ids, query).toEqual([]);
    }
  });

  it('reads a malformed query term as a sentence', async () => {
    await expect(core['query:ids']({ query: 'consent:maybe' })).rejects.toThrow(
      /'maybe' is not a value of consent/,
    );
    await expect(core['query:ids']({ query: 'custom.widget_name:' })).rejects.toThrow(
      /custom\.widget_name: needs a value/,
    );
  });
});
