/**
 * Search finds a lead by part of its phone number and by its email or domain, each from an index
 * of its own (tables/contact-keys.ts): `lead_contact_keys`, a full-text index of keys read by their
 * beginning, and `lead_phones`, each lead's phone digits by lead id, for a fragment most numbers
 * hold ("555"), whose leads are found sooner by reading the newest numbers than from the index.
 *
 * Two term lists let a search read exact words instead of a prefix (reads/search-plan.ts): FTS5
 * answers a prefix of a common word ("example"*, in every demo email) by merging every list that
 * word begins before handing back one match, where the list of each word it stands for is read
 * newest first and stops at the page. They are views over the indexes and hold nothing.
 *
 * The leads cached before are indexed here, a thousand at a time, by the same code that indexes
 * every lead written from now on, so the two can never differ. Only each lead's contact is read
 * out of its JSON: parsing the whole lead a million times would take most of this step.
 */
import { ContactIndex } from '../../tables/contact-index';
import type { Migration } from './migration';

const BATCH = 1000;

export const migration0098: Migration = {
  version: 98,
  name: 'phone and email search from indexes of their own',
  up(db) {
    db.exec(`
      -- Contentless like lead_search: rowid = leads.id. ASCII words: every key is [a-z0-9].
      CREATE VIRTUAL TABLE lead_contact_keys USING fts5 (
        keys,
        content = '', contentless_delete = 1,
        tokenize = 'ascii',
        detail = none
      );
      CREATE TABLE lead_phones (
        id INTEGER PRIMARY KEY,
        digits TEXT NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE lead_search_terms USING fts5vocab (lead_search, instance);
      CREATE VIRTUAL TABLE lead_contact_terms USING fts5vocab (lead_contact_keys, instance);
    `);
    const index = new ContactIndex(db);
    // Read a batch, then write it: a statement still reading would keep the connection busy.
    // '->' gives the contact as JSON whatever its type, as the store's own reading sees it.
    const batch = db.prepare<[number, number], { id: number; contact: string | null }>(
      `SELECT id, coalesce(local_json, server_json) -> '$.contact' AS contact
       FROM leads WHERE id > ? ORDER BY id LIMIT ?`,
    );
    for (let after = 0; ;) {
      const rows = batch.all(after, BATCH);
      for (const row of rows)
        index.add(row.id, { contact: row.contact === null ? null : JSON.parse(row.contact) });
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
  },
};
