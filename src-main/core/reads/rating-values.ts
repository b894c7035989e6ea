/**
 * The rating values an account really uses, per stage, most used first: Envoke's ratings are
 * labels each account sets up ("Hot", "Contacted: Good"), so the rating keys offer what the
 * account's own leads carry rather than a fixed list. Counted from the rating indexes
 * (leads_marketing_ratings, leads_sales_ratings): a scan of the index entries, never of the lead
 * rows.
 */
import type Database from 'better-sqlite3';
import type { CommandOutput } from '#contract/commands';

/** More values than anyone picks from by key; the rest are one-offs. */
export const RATING_VALUES_LIMIT = 20;

export type RatingColumn = 'marketing_rating' | 'sales_rating';

/** The WHERE repeats the partial index's condition word for word, so SQLite uses the index. */
export function ratingValuesSql(column: RatingColumn): string {
  return `SELECT ${column} FROM leads WHERE ${column} <> ''
    GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT ?`;
}

function statement(db: Database.Database, column: RatingColumn) {
  return db.prepare<[number], string>(ratingValuesSql(column)).pluck();
}

export class RatingValues {
  private readonly marketing: Database.Statement<[number], string>;
  private readonly sales: Database.Statement<[number], string>;

  constructor(db: Database.Database) {
    this.marketing = statement(db, 'marketing_rating');
    this.sales = statement(db, 'sales_rating');
  }

  values(): CommandOutput<'leads:rating-values'> {
    return {
      marketing: this.marketing.all(RATING_VALUES_LIMIT),
      sales: this.sales.all(RATING_VALUES_LIMIT),
    };
  }
}
