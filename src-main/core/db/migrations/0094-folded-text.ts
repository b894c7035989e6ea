/**
 * Field terms fold text as search does (contract/fold.ts: NFKC, then Unicode case folding), so
 * `company:über` finds "ÜBER GmbH" and `company:ｆｕｌｌ` finds "ＦＵＬＬ Corp". SQLite folds ASCII
 * letters alone (LIKE, NOCASE), which is folding enough for ASCII text and for text whose other
 * letters fold to themselves ("Jörg"); other text ("ÜBER", "Straße", full-width letters) gets a
 * folded copy. The copies live in a table of their own, a row per lead that has such text, so
 * this step never alters `leads` (adding a column to it re-checks every row, once per column:
 * minutes at a million leads) and a cache of such names grows by a row per lead that needs one.
 * A term then reads `column LIKE ? OR id IN (the folded copies that match)`: the first half from
 * the column's index where it has one, the second from this small table, once per query.
 *
 * The search index holds folded text too (search-index.ts): a search word and a field term then
 * fold the same letters alike (FTS5's tokenizer still folds case and drops accents on top).
 *
 * Existing leads: only a lead whose JSON holds a character that is not ASCII (its length in
 * characters differs from its length in bytes) can fold differently, so one pass over the leads
 * in SQLite picks those, and only those are read and written here. The texts are read with SQL
 * (what the columns, and lead-record.ts's searchTextOf, hold at this version), so this step stays
 * what it is when the store changes later.
 */
import { foldText, isAscii } from '#contract/fold';
import type { Migration } from './migration';

/** Each column of `leads` a text term reads; lead_folded_text has one of each name. */
export const FOLDED_COLUMNS = [
  'contact_name',
  'company',
  'email',
  'salesperson',
  'marketing_source',
  'marketing_medium',
  'marketing_campaign',
] as const;
export type FoldedColumn = (typeof FOLDED_COLUMNS)[number];

/**
 * What lead_folded_text holds for `text`: NULL where SQLite's own folding already agrees, which
 * lowers ASCII letters and compares every other character as it is: ASCII text, and text whose
 * other letters fold to themselves ("Jörg", "José García"). "ÜBER", "Straße" and full-width
 * letters get their folded copy.
 */
export function foldedValue(text: string): string | null {
  if (isAscii(text)) return null;
  const folded = foldText(text);
  return folded === text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) ? null : folded;
}

const SEEN = 'coalesce(local_json, server_json)';
const seen = (path: string) => `coalesce(json_extract(${SEEN}, '${path}'), '')`;

/** The search index's text of a lead at this version (0091's backfill). */
const SEARCH_TEXT = `
  trim(${seen('$.contact.first_name')} || ' ' || ${seen('$.contact.last_name')}) AS name,
  ${seen('$.contact.company')} AS search_company,
  ${seen('$.contact.email')} AS search_email,
  concat_ws(' ',
    json_extract(${SEEN}, '$.create_note'),
    json_extract(${SEEN}, '$.marketing_rating_note'),
    json_extract(${SEEN}, '$.sales_rating_note'),
    json_extract(${SEEN}, '$.opportunity_note'),
    json_extract(${SEEN}, '$.sale_note')) AS notes`;

type TextRow = Record<FoldedColumn | 'name' | 'search_company' | 'search_email' | 'notes', unknown>;

export const migration0094: Migration = {
  version: 94,
  name: 'folded text for field terms and search',
  up(db) {
    db.exec(`
      CREATE TABLE lead_folded_text (
        id INTEGER PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
        ${FOLDED_COLUMNS.map((column) => `${column} TEXT`).join(',\n        ')}
      ) STRICT;
    `);
    // Read first, written after: one connection cannot write while a statement still reads.
    const ids = db
      .prepare(`SELECT id FROM leads WHERE length(${SEEN}) <> octet_length(${SEEN})`)
      .pluck()
      .all() as number[];
    if (ids.length === 0) return;
    const read = db.prepare<[number], TextRow>(
      `SELECT ${FOLDED_COLUMNS.join(', ')}, ${SEARCH_TEXT} FROM leads WHERE id = ?`,
    );
    const fold = db.prepare(
      `INSERT INTO lead_folded_text (id, ${FOLDED_COLUMNS.join(', ')})
       VALUES (?, ${FOLDED_COLUMNS.map(() => '?').join(', ')})`,
    );
    const index = db.prepare(
      'INSERT OR REPLACE INTO lead_search (rowid, name, company, email, notes) VALUES (?, ?, ?, ?, ?)',
    );
    for (const id of ids) {
      const row = read.get(id)!;
      const folded = FOLDED_COLUMNS.map((column) => foldedValue(String(row[column])));
      if (folded.some((value) => value !== null)) fold.run(id, ...folded);
      const search = [row.name, row.search_company, row.search_email, row.notes].map(String);
      if (!search.every(isAscii)) index.run(id, ...search.map(foldText));
    }
  },
};
