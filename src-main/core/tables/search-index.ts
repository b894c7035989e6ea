/**
 * The FTS5 index of lead text (lead_search), keyed by the local lead id. It holds the text
 * folded (contract/fold.ts), as search words are folded before they are matched.
 */
import type Database from 'better-sqlite3';
import { foldText } from '#contract/fold';
import type { SearchText } from './lead-record';

function folded(text: SearchText): [string, string, string, string] {
  return [foldText(text.name), foldText(text.company), foldText(text.email), foldText(text.notes)];
}

export class SearchIndex {
  private readonly insertRow: Database.Statement;
  private readonly replaceRow: Database.Statement;
  private readonly deleteRow: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare(
      'INSERT INTO lead_search (rowid, name, company, email, notes) VALUES (?, ?, ?, ?, ?)',
    );
    this.replaceRow = db.prepare(
      'INSERT OR REPLACE INTO lead_search (rowid, name, company, email, notes) VALUES (?, ?, ?, ?, ?)',
    );
    this.deleteRow = db.prepare('DELETE FROM lead_search WHERE rowid = ?');
  }

  /** For a lead that has never been indexed (cheaper than a replace). */
  add(id: number, text: SearchText): void {
    this.insertRow.run(id, ...folded(text));
  }

  put(id: number, text: SearchText): void {
    this.replaceRow.run(id, ...folded(text));
  }

  remove(id: number): void {
    this.deleteRow.run(id);
  }
}
