/**
 * The email index for possible duplicates again, with the email itself beside its lower-case
 * form, so finding the emails several leads share reads the index alone. Without it SQLite read
 * every lead's row to check `email <> ''`: 13 s at a million leads, against 0.3 s for the name
 * and company index, which already held its columns.
 */
import type { Migration } from './migration';

export const migration0093: Migration = {
  version: 93,
  name: 'covering email index for possible duplicates',
  up(db) {
    db.exec(`
      DROP INDEX leads_by_email_nocase;
      CREATE INDEX leads_by_email_nocase ON leads (lower(email), email) WHERE email <> '';
    `);
  },
};
