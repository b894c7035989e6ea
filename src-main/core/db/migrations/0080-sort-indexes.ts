/**
 * One index per sort a saved view offers that had none, each ending with id like the sort itself
 * (query-sql.ts SORT_EXPRESSIONS): a page of a view is then read in order from the index and
 * stops at its LIMIT, instead of sorting every matching lead first. "created" already has
 * leads_by_time (sort_key, id).
 */
import type { Migration } from './migration';

/** The rating order of query-sql.ts, written the same way so SQLite matches the expression. */
export const RATING_ORDER =
  "CASE marketing_rating WHEN 'Hot' THEN 0 WHEN 'Warm' THEN 1 WHEN 'Cold' THEN 2 WHEN '' THEN 4 ELSE 3 END";

export const migration0080: Migration = {
  version: 80,
  name: 'indexes for the sorts of saved views',
  up(db) {
    db.exec(`
      CREATE INDEX leads_by_company_nocase ON leads (company COLLATE NOCASE, id);
      CREATE INDEX leads_by_contact_nocase ON leads (contact_name COLLATE NOCASE, id);
      CREATE INDEX leads_by_rating_order ON leads ((${RATING_ORDER}), id);
      CREATE INDEX leads_by_marketing_time ON leads (marketing_time, id);
      CREATE INDEX leads_by_sales_time ON leads (sales_time, id);
    `);
  },
};
