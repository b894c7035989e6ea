/**
 * The tables made from what the person sees of each lead, written with it so search, field terms
 * and facets can never disagree with the detail pane: the search words (search-index.ts), the
 * folded copies of text SQLite cannot fold (folded-text-table.ts), the facets (facet-index.ts) and
 * the contact keys (contact-index.ts). Given what the person saw before, each is rewritten only
 * when its own text changed: most triage changes touch statuses, not names or notes.
 */
import type Database from 'better-sqlite3';
import { searchTextOf, type LeadRecord, type SearchText } from './lead-record';
import { ContactIndex } from './contact-index';
import { FoldedTextTable } from './folded-text-table';
import { FacetIndex } from './facet-index';
import { facetText } from './facets';
import { SearchIndex } from './search-index';

function sameText(a: SearchText, b: SearchText): boolean {
  return a.name === b.name && a.company === b.company && a.email === b.email && a.notes === b.notes;
}

export class LeadIndexes {
  private readonly search: SearchIndex;
  private readonly folded: FoldedTextTable;
  private readonly facets: FacetIndex;
  private readonly contacts: ContactIndex;

  constructor(db: Database.Database) {
    this.search = new SearchIndex(db);
    this.folded = new FoldedTextTable(db);
    this.facets = new FacetIndex(db);
    this.contacts = new ContactIndex(db);
  }

  /** For a lead just inserted, never indexed before (cheaper than a replace). */
  add(id: number, seen: LeadRecord): void {
    this.search.add(id, searchTextOf(seen));
    this.folded.add(id, seen);
    this.facets.add(id, facetText(seen));
    this.contacts.add(id, seen);
  }

  /** The lead now reads `local`; `previous` (what it read before) spares unchanged text. */
  put(id: number, local: LeadRecord, previous?: LeadRecord): void {
    const text = searchTextOf(local);
    if (previous === undefined || !sameText(text, searchTextOf(previous)))
      this.search.put(id, text);
    this.folded.put(id, local, previous);
    const facets = facetText(local);
    if (previous === undefined || facets !== facetText(previous)) this.facets.put(id, facets);
    this.contacts.put(id, local, previous);
  }

  /** The lead is deleted; its folded copy goes with its row (ON DELETE CASCADE). */
  remove(id: number): void {
    this.search.remove(id);
    this.facets.remove(id);
    this.contacts.remove(id);
  }
}
