/**
 * A search of words reads the words each prefix stands for, taken from the index's own term list
 * (views/search-plan.ts), so that FTS5 reads lists newest first and stops at the page instead of
 * merging every list a prefix begins. It must find exactly what the straightforward query finds:
 * here both are put to a real encrypted cache of a few thousand simulator leads, for fixed and
 * generated searches (several words, companies, names, prefixes of every length, words that are
 * in no lead), in every view, page by page through the command gate as the renderer reads them,
 * and compared id for id, in order.
 */
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { searchKind, SearchPlanner } from '../../src-main/core/reads/search-plan';
import { VIEW_IDS, type ViewId } from '#contract/dto';
import { clientFor, openCore, openKeyed, startSim, tempDir, wordsIndexFinds } from './helpers';

let dir: ReturnType<typeof tempDir>;
let core: Core;
let raw: Database.Database;
/** Each lead's words (name, company, email), to make searches from. */
let leadWords: string[][];

beforeAll(async () => {
  dir = tempDir();
  const sim = await startSim({ leads: 3000, seed: 3 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  await sim.stop();
  // A few leads in the sync views.
  const { ids } = await core['leads:ids']({ view: 'marketing-unprocessed' });
  await core['leads:update']({ ids: ids.slice(0, 40), patch: { marketing_rating: 'Hot' } });
  raw = openKeyed(dir.db(), { readonly: true });
  const rows = (await core['leads:list']({ view: 'all', limit: 500 })).rows;
  leadWords = rows.map((row) =>
    `${row.contactName} ${row.company} ${row.email}`.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
  );
}, 60_000);
afterAll(async () => {
  raw?.close();
  await core?.close();
  dir.cleanup();
});

/** The straightforward query: every match of the words index in the view, newest first. */
const straightforward = (text: string, view: ViewId) => wordsIndexFinds(raw, text, view);

/** The search as the list reads it: its first page of rows, then every id by keyset pages. */
async function planned(text: string, view: ViewId, size: number) {
  const first = await core['leads:list']({ view, search: text, limit: size });
  const ids: number[] = [];
  let after: { sortKey: string; id: number } | undefined;
  for (;;) {
    const page = await core['leads:id-page']({
      view,
      search: text,
      limit: size,
      ...(after ? { after } : {}),
    });
    ids.push(...page.ids);
    if (page.next === null) break;
    after = page.next;
  }
  return { first: first.rows.map((row) => row.id), ids };
}

async function expectSameAsStraightforward(text: string, view: ViewId, size = 50) {
  const wanted = straightforward(text, view);
  const found = await planned(text, view, size);
  expect(found.first, `${text} in ${view}`).toEqual(wanted.slice(0, size));
  expect(found.ids, `${text} in ${view}`).toEqual(wanted);
  return wanted;
}

const FIXED = [
  'harbor labs',
  'Borealis Consulting',
  'Noah Tremblay',
  'har lab',
  'labs harbor',
  'consult',
  'summit h',
  'mar',
  'sa',
  'm',
  'noah.tremblay',
  "o'brien",
  'über',
  'ÜBER',
  'straße',
  'example',
  'a b c',
  'qwzx',
  'harbor qwzx',
];

describe('a search of words', () => {
  it('names the words of a prefix, and reads them as FTS5 reads the prefix', () => {
    const plan = new SearchPlanner(raw).plan('harbor labs');
    expect(plan?.words).toMatch(/^\("harbor" OR "harbor[a-z]+" OR .*\) AND "labs"$/);
    expect(plan?.contact).toBeNull();
    // A word no lead has: nothing to read at all.
    expect(new SearchPlanner(raw).plan('harbor qwzx')?.words).toBeNull();
  });

  it.each(FIXED)('"%s" finds what the straightforward query finds, in every view', async (text) => {
    expect(searchKind(text).kind).toBe('words');
    for (const view of VIEW_IDS) await expectSameAsStraightforward(text, view);
  });

  it('finds the same for generated searches, page by page, with the same matches elsewhere', async () => {
    // Words of one lead mostly (a search that finds it), of two leads at times (one that may not).
    const prefix = (whole: string) =>
      fc
        .tuple(fc.integer({ min: 1, max: 12 }), fc.boolean())
        .map(([length, upper]) =>
          upper ? whole.slice(0, length).toUpperCase() : whole.slice(0, length).toLowerCase(),
        );
    const wordsOf = fc
      .tuple(fc.constantFrom(...leadWords), fc.constantFrom(...leadWords), fc.nat(9))
      .chain(([one, other, mix]) =>
        fc.array(fc.constantFrom(...(mix === 0 ? [...one, ...other] : one)), {
          minLength: 1,
          maxLength: 3,
        }),
      );
    const search = wordsOf
      .chain((picked) => fc.tuple(...picked.map(prefix)))
      .map((parts) => parts.join(' '))
      .filter((text) => searchKind(text).kind === 'words');
    let found = 0;
    await fc.assert(
      fc.asyncProperty(
        search,
        fc.constantFrom(...VIEW_IDS),
        fc.constantFrom(7, 50),
        async (text, view, size) => {
          const wanted = await expectSameAsStraightforward(text, view, size);
          const all = new Set(straightforward(text, 'all'));
          if (all.size > 0) found += 1;
          if (view === 'all') return;
          const here = new Set(wanted);
          const elsewhere = [...all].filter((id) => !here.has(id)).length;
          expect(await core['leads:search-elsewhere']({ view, search: text })).toEqual({
            view: 'all',
            count: Math.min(elsewhere, 1000),
            capped: elsewhere > 1000,
          });
          const asked = [...all].slice(0, 30);
          const member = await core['leads:membership']({ view, search: text, ids: asked });
          expect(member.ids).toEqual(asked.filter((id) => here.has(id)));
        },
      ),
      { numRuns: 150, seed: 22 },
    );
    // The searches were not all empty: most found leads.
    expect(found).toBeGreaterThan(120);
  });
});
