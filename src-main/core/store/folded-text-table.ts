/**
 * The folded copy of a lead's searched text where SQLite's own folding (LIKE, NOCASE: ASCII
 * letters only) would not read it as foldText does (lead_folded_text, migration 0094), written
 * with the lead. Most leads have no row: ASCII text, and "Jörg" or "José", need no copy.
 */
import type Database from 'better-sqlite3';
import { FOLDED_COLUMNS, foldedValue, type FoldedColumn } from '../db/migrations/0094-folded-text';
import { contactField, contactName, field, type LeadRecord } from './lead-record';

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
