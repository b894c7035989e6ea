/**
 * Field terms fold text as search does (NFKC, then Unicode case folding), on a real SQLite file
 * with leads created here, sent to the simulator over HTTP and read back: `company:über` finds
 * "ÜBER GmbH", `contact:JÖRG` finds "Jörg", `company:ｆｕｌｌ` finds "ＦＵＬＬ Corp", whether the
 * lead was written by a create, by Envoke's copy after the push, or by a triage change; a bare
 * word folds the same way; completion offers a value for a folded prefix; and a count of a
 * company term still reads the company index alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { parseQuery, type LeadQuery, type QueryTerm } from '#contract/lead-query';
import type { Core } from '../../src-main/core/api';
import { compileQuery } from '../../src-main/core/reads/query-sql';
import { indexedTextTerms } from '../../src-main/core/reads/text-term-sql';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, openKeyed, startSim, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;
const ids: Record<string, number> = {};

const LEADS = [
  {
    key: 'uber',
    firstName: 'Jörg',
    lastName: 'Müller',
    company: 'ÜBER GmbH',
    email: 'jorg@one.example',
  },
  {
    key: 'full',
    firstName: 'Ａｙａ',
    lastName: 'Ｓａｔｏ',
    company: 'ＦＵＬＬ Corp',
    email: 'aya@two.example',
  },
  {
    key: 'strasse',
    firstName: 'Ilse',
    lastName: 'Groß',
    company: 'Straße AG',
    email: 'ilse@three.example',
  },
  {
    key: 'greek',
    firstName: 'Νίκος',
    lastName: 'ΟΔΟΣ',
    company: 'ΟΔΟΣ Α.Ε.',
    email: 'nikos@four.example',
  },
  {
    key: 'plain',
    firstName: 'Jane',
    lastName: 'Roe',
    company: 'Uber Plain Inc',
    email: 'jane@five.example',
  },
] as const;

/** Each indexed text term's leads, as QueryViews reads a rare term's before a page. */
function matchedOf(db: Database.Database, query: LeadQuery): Map<QueryTerm, number[]> {
  return new Map(
    indexedTextTerms(query).map((term) => {
      const alone = compileQuery({ terms: [term] });
      const ids = db
        .prepare(`SELECT id FROM leads WHERE ${alone.where}`)
        .pluck()
        .all(...alone.params);
      return [term, ids as number[]];
    }),
  );
}

async function idsOf(query: string): Promise<number[]> {
  return [...(await core['query:ids']({ query })).ids].sort((a, b) => a - b);
}
const only = (...keys: (keyof typeof ids)[]) => keys.map((key) => ids[key]!).sort((a, b) => a - b);

beforeAll(async () => {
  dir = tempDir();
  sim = await startSim({ leads: 30, seed: 5 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  for (const lead of LEADS) {
    const { id } = await core['leads:create']({
      email: lead.email,
      firstName: lead.firstName,
      lastName: lead.lastName,
      company: lead.company,
      fields: lead.key === 'uber' ? { marketing_source: 'Événement Été' } : {},
    });
    ids[lead.key] = id;
  }
  await core['leads:update']({ ids: [ids.uber!], patch: { salesperson: 'Zoë Ångström' } });
}, 60_000);
afterAll(async () => {
  await core.close();
  await sim.stop();
  dir.cleanup();
});

function expectFolded(): Promise<void>[] {
  return [
    ['company:über', only('uber')],
    ['company:ÜBER', only('uber')],
    ['company:"über gmbh"', only('uber')],
    ['contact:JÖRG', only('uber')],
    ['contact:jörg', only('uber')],
    ['contact:MÜLLER', only('uber')],
    ['company:ｆｕｌｌ', only('full')],
    ['company:full', only('full')],
    ['company:FULL', only('full')],
    ['contact:aya', only('full')],
    ['company:strasse', only('strasse')],
    ['company:STRASSE', only('strasse')],
    ['company:straße', only('strasse')],
    ['contact:gross', only('strasse')],
    ['company:οδοσ', only('greek')],
    ['contact:νίκος', only('greek')],
    ['contact:ΝΊΚΟΣ', only('greek')],
    ['company:="ÜBER GMBH"', only('uber')],
    ['company:="über"', []],
    ['company:="über gmbh"', only('uber')],
    ['salesperson:="ZOË ÅNGSTRÖM"', only('uber')],
    ['salesperson:ångström', only('uber')],
    ['source:événement', only('uber')],
    ['source:ÉTÉ', only('uber')],
    ['company:uber', only('plain')],
    ['company:über -contact:jörg', []],
    ['email:@TWO.example', only('full')],
  ].map(async ([query, expected]) => {
    expect(await idsOf(query as string), query as string).toEqual(expected);
  });
}

describe('field terms fold as search does', () => {
  it('finds leads created on this laptop in any case and width', async () => {
    await Promise.all(expectFolded());
    expect((await core['query:count']({ query: 'contact:JÖRG' })).count).toBe(1);
    expect((await core['query:id-page']({ query: 'company:ｆｕｌｌ', limit: 5 })).ids).toEqual([
      ids.full,
    ]);
  });

  it('a negated term leaves out what the term finds', async () => {
    const all = await idsOf('');
    expect(await idsOf('-company:über')).toEqual(all.filter((id) => id !== ids.uber));
  });

  it('still finds them once Envoke has them and after a triage change', async () => {
    const report = await core.syncOnce('push');
    expect(report.created).toBe(LEADS.length);
    await core['leads:update']({
      ids: Object.values(ids),
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    await Promise.all(expectFolded());
    expect(await idsOf('status:passed company:über')).toEqual(only('uber'));
  });

  it('a bare word folds the same way', async () => {
    expect(await idsOf('full')).toEqual(only('full'));
    expect(await idsOf('ｆｕｌ')).toEqual(only('full'));
    expect(await idsOf('strasse')).toEqual(only('strasse'));
    expect(await idsOf('ÜBER')).toEqual(only('uber', 'plain'));
  });

  it('completion offers the values a folded prefix begins', async () => {
    const values = async (field: string, prefix: string) =>
      (await core['query:values']({ field, prefix })).values;
    expect(await values('company', 'üb')).toEqual(['ÜBER GmbH']);
    expect(await values('company', 'ｆｕ')).toEqual(['ＦＵＬＬ Corp']);
    expect(await values('company', 'STRASSE')).toEqual(['Straße AG']);
    expect(await values('salesperson', 'zoë')).toEqual(['Zoë Ångström']);
  });

  it('a term read through its index first finds what it finds when tested row by row', () => {
    const db = openKeyed(dir.db(), { readonly: true });
    try {
      for (const text of [
        'company:über',
        'contact:JÖRG status:passed',
        'company:a contact:e',
        'company:="ÜBER GmbH" sort:company',
        'company:ｆｕｌｌ -contact:nobody sort:-contact',
        'company:inc has:email',
      ]) {
        const query = parseQuery(text);
        const ids = (byIndex: boolean) => {
          const compiled = compileQuery(query, undefined, {
            matched: byIndex ? matchedOf(db, query) : new Map(),
          });
          return db
            .prepare(`SELECT id FROM leads WHERE ${compiled.where} ORDER BY ${compiled.orderBy}`)
            .pluck()
            .all(...compiled.params);
        };
        expect(indexedTextTerms(query).length, text).toBeGreaterThan(0);
        expect(ids(true), text).toEqual(ids(false));
      }
    } finally {
      db.close();
    }
  });

  it('counts a company term from the company index alone, and keeps folded copies only of text that needs one', async () => {
    const db = openKeyed(dir.db(), { readonly: true });
    try {
      const compiled = compileQuery(parseQuery('company:über'));
      const plan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT count(*) FROM (SELECT 1 FROM leads WHERE ${compiled.where} LIMIT 1001)`,
          )
          .all(...compiled.params) as { detail: string }[]
      ).map((row) => row.detail);
      expect(plan.join(' | ')).toContain('USING COVERING INDEX leads_by_company_nocase');
      // A rare term's leads are read from that index, then a page reads their rows only.
      const query = parseQuery('company:über');
      const alone = compileQuery(query);
      expect(
        (
          db
            .prepare(`EXPLAIN QUERY PLAN SELECT id FROM leads WHERE ${alone.where} LIMIT 2000`)
            .all(...alone.params) as { detail: string }[]
        )
          .map((row) => row.detail)
          .join(' | '),
      ).toContain('SCAN leads USING COVERING INDEX leads_by_company_nocase');
      const page = compileQuery(query, undefined, { matched: matchedOf(db, query) });
      const pagePlan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT id FROM leads WHERE ${page.where} ORDER BY ${page.orderBy} LIMIT 250`,
          )
          .all(...page.params) as { detail: string }[]
      )
        .map((row) => row.detail)
        .join(' | ');
      expect(pagePlan).toContain('SEARCH leads USING INTEGER PRIMARY KEY');
      expect(pagePlan).not.toContain('leads_by_time');
      // ASCII text has no folded copy: SQLite's own folding serves it.
      const copy = db.prepare('SELECT company, contact_name FROM lead_folded_text WHERE id = ?');
      expect(copy.get(ids.plain)).toBeUndefined();
      // "Jörg Müller" reads right as it is: its letters other than ASCII fold to themselves.
      expect(copy.get(ids.uber)).toEqual({ company: 'über gmbh', contact_name: null });
      expect(copy.get(ids.strasse)).toEqual({ company: 'strasse ag', contact_name: 'ilse gross' });
    } finally {
      db.close();
    }
  });
});
