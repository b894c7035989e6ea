/**
 * Saved views and what the query language reads: the lifecycle times and marketing source of a
 * lead as columns (computed from what the person sees, so no write path changes), indexes for
 * the pipeline's per-step periods and for finding possible duplicates, the person's saved views,
 * and the pairs they marked "not a duplicate".
 */
import type { Migration } from './migration';

/** A field of what the person sees (their copy, else Envoke's), as text, '' when missing. */
const seen = (path: string) =>
  `CAST(coalesce(json_extract(coalesce(local_json, server_json), '${path}'), '') AS TEXT)`;

export const migration0070: Migration = {
  version: 70,
  name: 'saved views, lifecycle times, duplicate pairs',
  up(db) {
    db.exec(`
      -- VIRTUAL: computed on read and in the indexes below, never stored twice.
      ALTER TABLE leads ADD COLUMN marketing_time TEXT GENERATED ALWAYS AS (${seen('$.marketing_rating_time')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN sales_time TEXT GENERATED ALWAYS AS (${seen('$.sales_rating_time')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN opportunity_time TEXT GENERATED ALWAYS AS (${seen('$.opportunity_time')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN sale_time TEXT GENERATED ALWAYS AS (${seen('$.sale_time')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN marketing_source TEXT GENERATED ALWAYS AS (${seen('$.marketing_source')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN marketing_medium TEXT GENERATED ALWAYS AS (${seen('$.marketing_medium')}) VIRTUAL;
      ALTER TABLE leads ADD COLUMN marketing_campaign TEXT GENERATED ALWAYS AS (${seen('$.marketing_campaign')}) VIRTUAL;

      -- The pipeline counts each step by the time it was reached: one index per step.
      CREATE INDEX leads_passed_by_time ON leads (marketing_time)
        WHERE marketing_rating_status = 'Passed to sales';
      CREATE INDEX leads_rated_good_by_time ON leads (sales_time)
        WHERE sales_rating_status = 'Rated good';
      CREATE INDEX leads_opportunity_by_time ON leads (opportunity_time) WHERE opportunity = 'Yes';
      CREATE INDEX leads_sale_by_time ON leads (sale_time) WHERE sale = 'Yes';

      -- Salespeople on this laptop, most leads first (pipeline and completion), from the index alone.
      CREATE INDEX leads_by_salesperson ON leads (salesperson) WHERE salesperson <> '';

      -- Possible duplicates: the same email in any case, or the same name at the same company.
      CREATE INDEX leads_by_email_nocase ON leads (lower(email)) WHERE email <> '';
      CREATE INDEX leads_by_name_company ON leads (lower(contact_name), lower(company))
        WHERE contact_name <> '' AND company <> '';

      -- Views the person saved. The database file is the account's own, so these are per account.
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        query TEXT NOT NULL,
        sort TEXT NOT NULL,
        position INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Pairs the person said are not duplicates; low_id < high_id. Kept here only, never sent.
      CREATE TABLE duplicate_dismissals (
        low_id INTEGER NOT NULL,
        high_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (low_id, high_id),
        CHECK (low_id < high_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
