/** The facet index of leads (facets.ts, migration 0095), keyed by the local lead id. */
import type Database from 'better-sqlite3';

export class FacetIndex {
  private readonly insertRow: Database.Statement;
  private readonly replaceRow: Database.Statement;
  private readonly deleteRow: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare('INSERT INTO lead_facets (rowid, tokens) VALUES (?, ?)');
    this.replaceRow = db.prepare(
      'INSERT OR REPLACE INTO lead_facets (rowid, tokens) VALUES (?, ?)',
    );
    this.deleteRow = db.prepare('DELETE FROM lead_facets WHERE rowid = ?');
  }

  /** For a lead that has never been indexed (cheaper than a replace). */
  add(id: number, tokens: string): void {
    this.insertRow.run(id, tokens);
  }

  put(id: number, tokens: string): void {
    this.replaceRow.run(id, tokens);
  }

  remove(id: number): void {
    this.deleteRow.run(id);
  }
}
