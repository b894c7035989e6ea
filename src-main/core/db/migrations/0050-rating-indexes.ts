/**
 * Indexes of the rating columns, for the rating values an account uses (views/rating-values.ts):
 * counting them per value reads these small indexes, never the lead rows with their JSON.
 */
import type { Migration } from './migration';

export const migration0050: Migration = {
  version: 50,
  name: 'indexes of marketing and sales ratings',
  up(db) {
    db.exec(`
      -- Partial: most leads have no rating yet, and an empty rating is never offered.
      CREATE INDEX leads_marketing_ratings ON leads (marketing_rating) WHERE marketing_rating <> '';
      CREATE INDEX leads_sales_ratings ON leads (sales_rating) WHERE sales_rating <> '';
    `);
  },
};
