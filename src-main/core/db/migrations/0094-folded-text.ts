/**
 * Field terms fold text as search does (contract/fold.ts: NFKC, then Unicode case folding), so
 * `company:über` finds "ÜBER GmbH" and `company:ｆｕｌｌ` finds "ＦＵＬＬ Corp". SQLite folds ASCII
 * only (LIKE, NOCASE), so each column a text term reads gets a folded twin, written by the store
 * with the lead. The twin is NULL while the text is ASCII, where SQLite's own folding is the same:
 * a term compares `coalesce(twin, column)`, and a cache of ASCII names grows by nothing but a
 * header byte per column. The company and contact sort indexes carry their twin, so a count of a
 * company or contact term still reads one index and never the leads' rows.
 *
 * The search index holds folded text too (search-index.ts): a search word and a field term then
 * fold the same letters alike (FTS5's tokenizer still folds case and drops accents on top).
 *
 * Existing leads: only a lead whose JSON holds a non-ASCII character can fold differently, so one
 * GLOB over the JSON (in SQLite, no row parsed in JavaScript) picks those, and only those are
 * written: nothing at all for a cache of ASCII leads. The texts are read with SQL here (the same
 * values the columns, and lead-record.ts's searchTextOf, hold at this version) so that this step
 * stays what it is when the store changes later.
 */
import { foldText, isAscii } from '#contract/fold';
import type { Migration } from './migration';

/** Each column a text term reads, as the store writes it at this version. */
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

/** The twin of a column (`company` → `company_folded`). */
export function foldedColumn(column: FoldedColumn): string {
  return `${column}_folded`;
}

/** What a twin holds for `text`: NULL where SQLite's ASCII folding already agrees with foldText. */
export function foldedValue(text: string): string | null {
  return isAscii(text) ? null : foldText(text);
}

const seen = (path: string) =>
  `coalesce(json_extract(coalesce(local_json, server_json), '${path}'), '')`;

/** The search index's text of a lead at this version (0091's backfill). */
const SEARCH_TEXT = `
  trim(${seen('$.contact.first_name')} || ' ' || ${seen('$.contact.last_name')}) AS name,
  ${seen('$.contact.company')} AS search_company,
  ${seen('$.contact.email')} AS search_email,
  concat_ws(' ',
    json_extract(coalesce(local_json, server_json), '$.create_note'),
    json_extract(coalesce(local_json, server_json), '$.marketing_rating_note'),
    json_extract(coalesce(local_json, server_json), '$.sales_rating_note'),
    json_extract(coalesce(local_json, server_json), '$.opportunity_note'),
    json_extract(coalesce(local_json, server_json), '$.sale_note')) AS notes`;

type TextRow = Record<FoldedColumn | 'name' | 'search_company' | 'search_email' | 'notes', string>;

export const migration0094: Migration = {
  version: 94,
  name: 'folded text for field terms and search',
  up(db) {
    db.exec(`
      ${FOLDED_COLUMNS.map((c) => `ALTER TABLE leads ADD COLUMN ${foldedColumn(c)} TEXT;`).join('\n')}
      DROP INDEX leads_by_company_nocase;
      CREATE INDEX leads_by_company_nocase ON leads (company COLLATE NOCASE, id, company_folded);
      DROP INDEX leads_by_contact_nocase;
      CREATE INDEX leads_by_contact_nocase
        ON leads (contact_name COLLATE NOCASE, id, contact_name_folded);
    `);
    // Read first, written after: one connection cannot write while a statement still reads.
    const ids = db
      .prepare(
        `SELECT id FROM leads WHERE coalesce(local_json, server_json) GLOB '*[^' || char(1) || '-' || char(127) || ']*'`,
      )
      .pluck()
      .all() as number[];
    if (ids.length === 0) return;
    const read = db.prepare<[number], TextRow>(
      `SELECT ${FOLDED_COLUMNS.join(', ')}, ${SEARCH_TEXT} FROM leads WHERE id = ?`,
    );
    const write = db.prepare(
      `UPDATE leads SET ${FOLDED_COLUMNS.map((c) => `${foldedColumn(c)} = ?`).join(', ')} WHERE id = ?`,
    );
    const index = db.prepare(
      'INSERT OR REPLACE INTO lead_search (rowid, name, company, email, notes) VALUES (?, ?, ?, ?, ?)',
    );
    for (const id of ids) {
      const row = read.get(id)!;
      write.run(...FOLDED_COLUMNS.map((c) => foldedValue(String(row[c]))), id);
      index.run(
        id,
        foldText(String(row.name)),
        foldText(String(row.search_company)),
        foldText(String(row.search_email)),
        foldText(String(row.notes)),
      );
    }
  },
};
