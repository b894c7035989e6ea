/**
 * Search finds what the contact wrote (`feedback`) and the contact's custom values, which the
 * search index now holds with the notes (lead-record.ts searchTextOf); and the facets the query
 * language asks about without a column of their own (`said:`, `custom.<key>:`, `interest:`,
 * `unit:`, `consent:`) get an index of their own (store/facets.ts), with each lead's facet words
 * beside it for checking one lead without the index. The leads cached before are
 * indexed here, a thousand at a time, by the same code that indexes every lead written from now
 * on, so the two can never differ.
 */
import { localRecord, type LeadRow } from '../../store/lead-table';
import { searchTextOf } from '../../store/lead-record';
import { facetText } from '../../store/facets';
import { FacetIndex } from '../../store/facet-index';
import { SearchIndex } from '../../store/search-index';
import type { Migration } from './migration';

const BATCH = 1000;

/** A non-blank text, or a list or object with something in it. */
function holdsText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0;
}

export const migration0095: Migration = {
  version: 95,
  name: 'search over what the contact wrote and custom values; the facet index',
  up(db) {
    db.exec(`
      -- Contentless, like lead_search: rowid = leads.id, the words live in the leads' JSON.
      CREATE VIRTUAL TABLE lead_facets USING fts5 (
        tokens,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        detail = none
      );
      -- Each lead's facet words as the index holds them, to check one lead without the index.
      CREATE TABLE lead_facet_text (
        id INTEGER PRIMARY KEY,
        tokens TEXT NOT NULL
      ) STRICT;
    `);
    const search = new SearchIndex(db);
    const facets = new FacetIndex(db);
    // Read a batch, then write it: a statement still reading would keep the connection busy.
    const batch = db.prepare<[number, number], Pick<LeadRow, 'id' | 'local_json' | 'server_json'>>(
      'SELECT id, local_json, server_json FROM leads WHERE id > ? ORDER BY id LIMIT ?',
    );
    for (let after = 0; ;) {
      const rows = batch.all(after, BATCH);
      for (const row of rows) {
        const record = localRecord(row);
        facets.add(row.id, facetText(record));
        const contact = record.contact as Record<string, unknown> | undefined;
        // Only leads with something new to find are written to the search index again.
        if (holdsText(contact?.feedback) || holdsText(contact?.custom_fields))
          search.put(row.id, searchTextOf(record));
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
  },
};
