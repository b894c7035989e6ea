/**
 * Search by phone and by email, through the command gate as the renderer calls it, on a real
 * encrypted cache of the simulator's seeded leads: part of a phone number, typed as people type
 * it, finds the leads whose number holds those digits in a row (and whatever its words found
 * before); an email, part of one with its @, or a domain finds the leads whose email begins so.
 * Every answer is checked against the leads' own phones and emails, read one by one, and against
 * the words index read straight (what a search found before phones were kept).
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { plainPlan } from '../../src-main/core/reads/search-plan';
import { SearchReader } from '../../src-main/core/reads/search-reader';
import type { ViewId } from '#contract/dto';
import { clientFor, openCore, openKeyed, startSim, tempDir, wordsIndexFinds } from './helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;
let raw: Database.Database;
/** Each lead's phone and email as the person sees them, by local id. */
let contacts: Map<number, { phone: string; email: string; envokeId: string | null }>;

const digitsOf = (text: string) => text.replace(/\D/g, '');

async function readContacts(): Promise<void> {
  contacts = new Map();
  for (const id of (await core['leads:ids']({ view: 'all' })).ids) {
    const lead = await core['leads:get']({ id });
    contacts.set(id, {
      phone: lead.contact.phone,
      email: lead.contact.email,
      envokeId: lead.envokeId,
    });
  }
}

/** What the words index alone finds, newest first: search as it was before phones were kept. */
const wordsFound = (text: string, view: ViewId = 'all') => wordsIndexFinds(raw, text, view);

/** The leads whose phone holds `digits` in a row, newest first. */
function phonesHolding(digits: string): number[] {
  return [...contacts]
    .filter(([, contact]) => digitsOf(contact.phone).includes(digits))
    .map(([id]) => id)
    .sort((a, b) => b - a);
}

function union(...lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => b - a);
}

/** Every id of a search, read by keyset pages of `size` as the list reads them. */
async function paged(search: string, size: number, view: ViewId = 'all'): Promise<number[]> {
  const ids: number[] = [];
  let after: { sortKey: string; id: number } | undefined;
  for (;;) {
    const page = await core['leads:id-page']({
      view,
      search,
      limit: size,
      ...(after ? { after } : {}),
    });
    ids.push(...page.ids);
    if (page.next === null) return ids;
    after = page.next;
  }
}

beforeAll(async () => {
  dir = tempDir();
  sim = await startSim({ leads: 400, seed: 5 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  raw = openKeyed(dir.db(), { readonly: true });
  await readContacts();
});
afterAll(async () => {
  raw.close();
  await core.close();
  await sim.stop();
  dir.cleanup();
});

describe('a phone fragment', () => {
  it('finds the lead, typed with spaces, brackets, dashes, a + or as bare digits', async () => {
    const [id, contact] = [...contacts].find(([, c]) => digitsOf(c.phone).length >= 10)!;
    const digits = digitsOf(contact.phone);
    const local = digits.slice(-10);
    const typed = [
      digits,
      `+${digits.slice(0, -10)} (${local.slice(0, 3)}) ${local.slice(3, 6)}-${local.slice(6)}`,
      `${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`,
      `${local.slice(3, 6)}-${local.slice(6)}`,
      `${local.slice(6)}`,
      `${local.slice(5, 9)}`,
    ];
    for (const text of typed) {
      const wanted = union(phonesHolding(digitsOf(text)), wordsFound(text));
      const { ids } = await core['leads:ids']({ view: 'all', search: text });
      expect(ids, text).toContain(id);
      expect(ids, text).toEqual(wanted);
      const page = await core['leads:list']({ view: 'all', search: text, limit: 50 });
      expect(
        page.rows.map((row) => row.id),
        text,
      ).toEqual(wanted.slice(0, 50));
      expect(await paged(text, 7), text).toEqual(wanted);
    }
  });

  it('of fewer than three digits searches words only, as before', async () => {
    for (const text of ['55', '0 1', '+1']) {
      const { ids } = await core['leads:ids']({ view: 'all', search: text });
      expect(ids, text).toEqual(wordsFound(text));
    }
  });

  it('that every number holds pages newest first, in a view too, and counts what is elsewhere', async () => {
    // Every demo number is "<country and area> 555 01xx".
    const text = '555 01';
    expect(phonesHolding('55501')).toHaveLength(contacts.size);
    expect(await paged(text, 9)).toEqual([...contacts.keys()].sort((a, b) => b - a));
    const view: ViewId = 'marketing-unprocessed';
    const inView = (await core['leads:ids']({ view })).ids.sort((a, b) => b - a);
    expect(await paged(text, 11, view)).toEqual(inView);
    expect(await core['leads:search-elsewhere']({ view, search: text })).toEqual({
      view: 'all',
      count: contacts.size - inView.length,
      capped: false,
    });
    const member = await core['leads:membership']({
      view,
      search: text,
      ids: [...contacts.keys()],
    });
    expect([...member.ids].sort((a, b) => b - a)).toEqual(inView);
    const third = inView[2]!;
    expect(await core['leads:position']({ view, search: text, id: third })).toEqual({ index: 2 });
  });

  it('reads the newest numbers first and the index below them, to the same leads', () => {
    // A reader that reads 50 numbers before the index: the two parts meet inside the cache.
    const reader = new SearchReader(raw, { walkedPhones: 50 });
    const plan = { ...plainPlan('555 01')!, words: null };
    expect(plan.phone).toEqual({ digits: '55501', walk: true });
    const all = [...contacts.keys()].sort((a, b) => b - a);
    expect(reader.ids(plan, { view: 'all' }, {}, -1)).toEqual(all);
    expect(reader.ids(plan, { view: 'all' }, {}, 120)).toEqual(all.slice(0, 120));
    expect(reader.ids(plan, { view: 'all' }, { below: all[30] }, 40)).toEqual(all.slice(31, 71));
    expect(reader.ids(plan, { view: 'all' }, { above: all[100] }, -1)).toEqual(all.slice(0, 100));
    const rare = { ...plainPlan(digitsOf(contacts.get(all[300]!)!.phone))!, words: null };
    expect(reader.ids(rare, { view: 'all' }, {}, -1)).toEqual(
      phonesHolding(digitsOf(contacts.get(all[300]!)!.phone)),
    );
  });
});

describe('an email', () => {
  it('finds the leads with that email, typed in any case, and those it begins', async () => {
    const [id, contact] = [...contacts].find(([, c]) => c.email.includes('@'))!;
    const email = contact.email;
    const withEmail = (test: (email: string) => boolean) =>
      [...contacts]
        .filter(([, c]) => test(c.email.toLowerCase()))
        .map(([lead]) => lead)
        .sort((a, b) => b - a);
    const whole = await core['leads:ids']({ view: 'all', search: email.toUpperCase() });
    expect(whole.ids).toContain(id);
    expect(whole.ids).toEqual(withEmail((e) => e === email.toLowerCase()));
    const start = email.slice(0, email.indexOf('@') + 3);
    expect((await core['leads:ids']({ view: 'all', search: start })).ids).toEqual(
      withEmail((e) => e.startsWith(start.toLowerCase())),
    );
  });

  it('from its @ finds the leads of that domain, or of a domain it ends', async () => {
    const email = [...contacts.values()].find((c) => c.email.includes('@'))!.email.toLowerCase();
    const domain = email.slice(email.indexOf('@'));
    const ofDomain = (test: (domain: string) => boolean) =>
      [...contacts]
        .filter(([, c]) => test(c.email.toLowerCase().slice(c.email.indexOf('@'))))
        .map(([lead]) => lead)
        .sort((a, b) => b - a);
    expect((await core['leads:ids']({ view: 'all', search: domain })).ids).toEqual(
      ofDomain((d) => d === domain),
    );
    const begun = domain.slice(0, 4);
    expect((await core['leads:ids']({ view: 'all', search: begun })).ids).toEqual(
      ofDomain((d) => d.startsWith(begun)),
    );
    // Every demo email ends in .example: "@example" is a domain each of them ends with.
    const page = await core['leads:list']({ view: 'all', search: '@example', limit: 50 });
    expect(page.rows.map((row) => row.id)).toEqual(
      ofDomain((d) => d.endsWith('.example')).slice(0, 50),
    );
  });
});

describe('the query language', () => {
  it('finds a phone fragment and an email as a bare word and from the search box', async () => {
    const [id, contact] = [...contacts].find(([, c]) => c.phone !== '' && c.email !== '')!;
    const fragment = digitsOf(contact.phone).slice(-7);
    const spaced = `${fragment.slice(0, 3)} ${fragment.slice(3)}`;
    const wanted = union(phonesHolding(fragment), wordsFound(spaced));
    expect((await core['query:ids']({ query: `"${spaced}"` })).ids.sort((a, b) => b - a)).toEqual(
      wanted,
    );
    expect(
      (await core['query:ids']({ query: '', search: spaced })).ids.sort((a, b) => b - a),
    ).toEqual(wanted);
    expect((await core['query:count']({ query: '', search: spaced })).count).toBe(wanted.length);
    const byEmail = await core['query:ids']({ query: contact.email });
    expect(byEmail.ids).toContain(id);
    expect(
      byEmail.ids.every(
        (lead) => contacts.get(lead)!.email.toLowerCase() === contact.email.toLowerCase(),
      ),
    ).toBe(true);
  });
});

describe('keeping the keys with every write', () => {
  it('finds a lead created here, and a lead by the number Envoke changed it to, not the old one', async () => {
    const { id } = await core['leads:create']({
      email: 'Zoe.Quist@Fjordlight.example',
      firstName: 'Zoë',
      phone: '+47 (22) 86-4419',
    });
    // Its words are another lead's too: the email finds only the lead whose email it begins.
    const namesake = await core['leads:create']({
      email: 'zq@fjordlight.example',
      firstName: 'Zoe',
      lastName: 'Quist',
    });
    expect(wordsFound('zoe.quist@fjord')).toEqual([namesake.id, id]);
    expect((await core['leads:ids']({ view: 'all', search: '2286 4419' })).ids).toEqual([id]);
    expect((await core['leads:ids']({ view: 'all', search: 'zoe.quist@fjord' })).ids).toEqual([id]);
    expect((await core['leads:ids']({ view: 'all', search: '@fjordlight.example' })).ids).toEqual([
      namesake.id,
      id,
    ]);
    expect(
      await core['leads:membership']({ view: 'pending', search: '864419', ids: [id] }),
    ).toEqual({
      ids: [id],
    });

    const [changed, before] = [...contacts].find(([, c]) => c.envokeId !== null && c.phone !== '')!;
    const oldDigits = digitsOf(before.phone);
    sim.store.edit(before.envokeId!, { contact: { phone: '+1 (709) 738-2212' } });
    await core.syncOnce('pull');
    await readContacts();
    expect((await core['leads:ids']({ view: 'all', search: '709 738 2212' })).ids).toContain(
      changed,
    );
    const byOld = await core['leads:ids']({ view: 'all', search: oldDigits });
    expect(byOld.ids).not.toContain(changed);
    expect(byOld.ids).toEqual(union(phonesHolding(oldDigits), wordsFound(oldDigits)));
  });
});
