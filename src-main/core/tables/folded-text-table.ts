/**
 * The folded copy of a lead's searched text where SQLite's own folding (LIKE, NOCASE: ASCII
 * letters only) would not read it as foldText does (`lead_folded_text`), written with the lead.
 *
 * Field terms fold text as search does (contract/fold.ts: NFKC, then Unicode case folding), so
 * `company:über` finds "ÜBER GmbH" and `company:ｆｕｌｌ` finds "ＦＵＬＬ Corp". SQLite folds ASCII
 * letters alone, which is folding enough for ASCII text and for text whose other letters fold to
 * themselves ("Jörg"); other text ("ÜBER", "Straße", full-width letters) gets a folded copy, in a
 * table of its own with a row per lead that needs one (most leads have none). A term then reads
 * `column LIKE ? OR id IN (the folded copies that match)` (reads/text-term-sql.ts).
 */
import type Database from 'better-sqlite3';
import { foldText, isAscii } from '#contract/fold';
import { contactField, contactName, field, type LeadRecord } from './lead-record';

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

/** The text of each folded column, as the projection columns of `leads` read it. */
const SOURCES: Record<FoldedColumn, (record: LeadRecord) => string> = {
  contact_name: contactName,
  company: (record) => contactField(record, 'company'),
  email: (record) => contactField(record, 'email'),
  salesperson: (record) => field(record, 'salesperson'),
  marketing_source: (record) => field(record, 'marketing_source'),
  marketing_medium: (record) => field(record, 'marketing_medium'),
  marketing_campaign: (record) => field(record, 'marketing_campaign'),
};

export class FoldedTextTable {
  private readonly replaceRow: Database.Statement;
  private readonly deleteRow: Database.Statement;

  constructor(db: Database.Database) {
    this.replaceRow = db.prepare(
      `INSERT OR REPLACE INTO lead_folded_text (id, ${FOLDED_COLUMNS.join(', ')})
       VALUES (?, ${FOLDED_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.deleteRow = db.prepare('DELETE FROM lead_folded_text WHERE id = ?');
  }

  /** For a lead just inserted: a row only when some of its text needs a folded copy. */
  add(id: number, record: LeadRecord): void {
    const folded = FOLDED_COLUMNS.map((column) => foldedValue(SOURCES[column](record)));
    if (folded.some((value) => value !== null)) this.replaceRow.run(id, ...folded);
  }

  /** The lead's text is now `record`'s; with `previous`, nothing is written when it is the same. */
  put(id: number, record: LeadRecord, previous?: LeadRecord): void {
    if (
      previous !== undefined &&
      FOLDED_COLUMNS.every((column) => SOURCES[column](record) === SOURCES[column](previous))
    )
      return;
    const folded = FOLDED_COLUMNS.map((column) => foldedValue(SOURCES[column](record)));
    if (folded.some((value) => value !== null)) this.replaceRow.run(id, ...folded);
    else this.deleteRow.run(id);
  }
}
