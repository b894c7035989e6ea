/**
 * Full-text search over contact name, company, email and notes, and a per-lead activity log.
 * Existing leads are indexed here so a cache that predates search finds them at once.
 */
import type { Migration } from './migration';

export const migration0020: Migration = {
  version: 20,
  name: 'search index and activity log',
  up(db) {
    db.exec(`
      -- Contentless: the text lives in the leads table already. rowid = leads.id.
      CREATE VIRTUAL TABLE lead_search USING fts5 (
        name, company, email, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      INSERT INTO lead_search (rowid, name, company, email, notes)
      SELECT id,
        trim(coalesce(json_extract(seen, '$.contact.first_name'), '') || ' ' ||
             coalesce(json_extract(seen, '$.contact.last_name'), '')),
        coalesce(json_extract(seen, '$.contact.company'), ''),
        coalesce(json_extract(seen, '$.contact.email'), ''),
        concat_ws(' ',
          json_extract(seen, '$.create_note'),
          json_extract(seen, '$.marketing_rating_note'),
          json_extract(seen, '$.sales_rating_note'),
          json_extract(seen, '$.opportunity_note'),
          json_extract(seen, '$.sale_note'))
      FROM (SELECT id, coalesce(local_json, server_json) AS seen FROM leads);

      CREATE TABLE activity (
        id INTEGER PRIMARY KEY,
        lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        message TEXT NOT NULL
      ) STRICT;
      CREATE INDEX activity_by_lead ON activity (lead_id, id);
    `);
  },
};
