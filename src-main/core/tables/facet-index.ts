/**
 * The facet index of leads (facets.ts, lead_facets) and each lead's own facet words beside it
 * (`lead_facet_text`, for checking a lead without the index), keyed by the local lead id.
 */
import type Database from 'better-sqlite3';

export class FacetIndex {
  private readonly insertRow: Database.Statement;
  private readonly replaceRow: Database.Statement;
  private readonly deleteRow: Database.Statement;
  private readonly writeText: Database.Statement;
  private readonly deleteText: Database.Statement;

  constructor(db: Database.Database) {
    this.insertRow = db.prepare('INSERT INTO lead_facets (rowid, tokens) VALUES (?, ?)');
    this.replaceRow = db.prepare(
      'INSERT OR REPLACE INTO lead_facets (rowid, tokens) VALUES (?, ?)',
    );
    this.deleteRow = db.prepare('DELETE FROM lead_facets WHERE rowid = ?');
    this.writeText = db.prepare(
      'INSERT OR REPLACE INTO lead_facet_text (id, tokens) VALUES (?, ?)',
    );
    this.deleteText = db.prepare('DELETE FROM lead_facet_text WHERE id = ?');
  }

  /** For a lead that has never been indexed (cheaper than a replace). */
  add(id: number, tokens: string): void {
    this.insertRow.run(id, tokens);
    this.writeText.run(id, tokens);
  }

  put(id: number, tokens: string): void {
    this.replaceRow.run(id, tokens);
    this.writeText.run(id, tokens);
  }

  remove(id: number): void {
    this.deleteRow.run(id);
    this.deleteText.run(id);
  }
}
