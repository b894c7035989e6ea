/**
 * Possible duplicates: leads that share an email (in any case) or a name at the same company.
 * Nothing is merged in Envoke; the person may only say a pair is not a duplicate, kept here.
 */
import type Database from 'better-sqlite3';
import type {
  CommandArgs,
  CommandOutput,
  DuplicateCursor,
  DuplicatePair,
} from '#contract/commands';
import { CommandError } from '#contract/errors';
import type { LeadSummary } from '#contract/dto';
import type { Store } from '../tables/store';

/**
 * The same test as the query language's is:duplicate, asked of a few given leads (a window of
 * the list): each is looked up by its own email and name, rather than finding every duplicate.
 */
const OTHER_NOT_DISMISSED = `NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
  WHERE d.low_id = min(leads.id, other.id) AND d.high_id = max(leads.id, other.id))`;
const HAS_DUPLICATE = `(
  (email <> '' AND EXISTS (SELECT 1 FROM leads other
     WHERE other.email = leads.email COLLATE NOCASE AND other.email <> '' AND other.id <> leads.id
       AND ${OTHER_NOT_DISMISSED}))
  OR (contact_name <> '' AND company <> '' AND EXISTS (SELECT 1 FROM leads other
     WHERE other.contact_name = leads.contact_name COLLATE NOCASE
       AND other.company = leads.company COLLATE NOCASE
       AND other.contact_name <> '' AND other.company <> '' AND other.id <> leads.id
       AND ${OTHER_NOT_DISMISSED})))`;

const NOT_DISMISSED = `NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.low_id = a.id AND d.high_id = b.id)`;

interface FoundPair {
  a: number;
  b: number;
  reason: DuplicatePair['reason'];
  k1: string;
  k2: string;
}

export class Duplicates {
  /** Pairs by email, in (email in any case, a, b) order, after a given pair. */
  private readonly byEmail: Database.Statement<[string, number, number, number], FoundPair>;
  /** Pairs by name and company (emails differ), in (name, company, a, b) order. */
  private readonly byName: Database.Statement<[string, string, number, number, number], FoundPair>;
  private readonly amongStatement: Database.Statement<[string], number>;

  constructor(
    private readonly store: Store,
    private readonly rowsOf: (ids: number[]) => LeadSummary[],
    private readonly now: () => number,
  ) {
    const db = store.db;
    // Keyset pages over the covering indexes (leads_by_email_nocase, leads_by_name_company): a page reads from where the last
    // one ended, never the pairs before it.
    this.byEmail = db.prepare(`
      SELECT a.id AS a, b.id AS b, 'email' AS reason, a.email AS k1, '' AS k2 FROM leads a
      JOIN leads b ON b.email = a.email COLLATE NOCASE AND b.email <> '' AND b.id > a.id
      WHERE a.email <> '' AND ${NOT_DISMISSED}
        AND (a.email COLLATE NOCASE, a.id, b.id) > (?, ?, ?)
      ORDER BY a.email COLLATE NOCASE, a.id, b.id
      LIMIT ?`);
    this.byName = db.prepare(`
      SELECT a.id AS a, b.id AS b, 'name-company' AS reason, a.contact_name AS k1, a.company AS k2
      FROM leads a
      JOIN leads b ON b.contact_name = a.contact_name COLLATE NOCASE
        AND b.company = a.company COLLATE NOCASE
        AND b.contact_name <> '' AND b.company <> '' AND b.id > a.id
      WHERE a.contact_name <> '' AND a.company <> '' AND ${NOT_DISMISSED}
        AND a.email <> b.email COLLATE NOCASE
        AND (a.contact_name COLLATE NOCASE, a.company COLLATE NOCASE, a.id, b.id) > (?, ?, ?, ?)
      ORDER BY a.contact_name COLLATE NOCASE, a.company COLLATE NOCASE, a.id, b.id
      LIMIT ?`);
    this.amongStatement = db
      .prepare<[string], number>(
        `SELECT id FROM leads WHERE id IN (SELECT value FROM json_each(?)) AND ${HAS_DUPLICATE}`,
      )
      .pluck();
  }

  /** A page of pairs: those by email first, then those by name and company. */
  pairs(input: CommandArgs<'duplicates:pairs'>): CommandOutput<'duplicates:pairs'> {
    const after = input.after;
    // One more than asked, to know whether another page follows.
    const want = input.limit + 1;
    const found: FoundPair[] = [];
    if (after === undefined || after.reason === 'email') {
      const [email = ''] = after?.key ?? [];
      found.push(...this.byEmail.all(email, after?.a ?? 0, after?.b ?? 0, want));
    }
    if (found.length < want) {
      const [name = '', company = ''] = after?.reason === 'name-company' ? after.key : [];
      const from = after?.reason === 'name-company' ? after : { a: 0, b: 0 };
      found.push(...this.byName.all(name, company, from.a, from.b, want - found.length));
    }
    const page = found.slice(0, input.limit);
    const last = page.at(-1);
    const next: DuplicateCursor | null =
      found.length > input.limit && last !== undefined
        ? {
            reason: last.reason,
            key: last.reason === 'email' ? [last.k1] : [last.k1, last.k2],
            a: last.a,
            b: last.b,
          }
        : null;
    const rows = new Map(
      this.rowsOf([...new Set(page.flatMap((p) => [p.a, p.b]))]).map((row) => [row.id, row]),
    );
    const pairs: DuplicatePair[] = [];
    for (const pair of page) {
      const a = rows.get(pair.a);
      const b = rows.get(pair.b);
      if (a !== undefined && b !== undefined) pairs.push({ reason: pair.reason, a, b });
    }
    return { pairs, next };
  }

  among(input: CommandArgs<'duplicates:among'>): CommandOutput<'duplicates:among'> {
    return { ids: this.amongStatement.all(JSON.stringify(input.ids)) };
  }

  dismiss(input: CommandArgs<'duplicates:dismiss'>): CommandOutput<'duplicates:dismiss'> {
    const [low, high] = input.a < input.b ? [input.a, input.b] : [input.b, input.a];
    const missing = this.store.leads.missing([low, high]);
    if (missing.length > 0)
      throw new CommandError('not-found', `Lead ${missing[0]} does not exist on this computer.`);
    this.store.transaction(() =>
      this.store.db
        .prepare(
          'INSERT OR IGNORE INTO duplicate_dismissals (low_id, high_id, at) VALUES (?, ?, ?)',
        )
        .run(low, high, this.now()),
    );
    return { ok: true };
  }
}
