/**
 * "Sales: new" holds every lead sales has not processed: those whose sales status is
 * Unprocessed, and those passed to sales whose sales status is still Not applicable (or none),
 * as Envoke leaves it when marketing passes a lead without touching sales. Before, passing a lead
 * left it out of the view until Envoke said Unprocessed, which it may never do.
 *
 * The view's partial index, and the view-count triggers of 0060, rebuilt with the new condition
 * (repeated here as it is at this step: a shipped step never changes), and the count recounted.
 */
import type { Migration } from './migration';

/** The view's condition, `$` standing for the row; views/view-filters.ts repeats it word for word. */
const SALES_NEW =
  "($.sales_rating_status = 'Unprocessed' OR ($.marketing_rating_status = 'Passed to sales' AND $.sales_rating_status IN ('Not applicable', '')))";

/** Each view's condition with `$` for the row (NEW or OLD), as 0060 has them but Sales: new. */
const VIEWS: Record<string, string> = {
  all: '1',
  'marketing-unprocessed': "$.marketing_rating_status IN ('Unprocessed', '')",
  'passed-to-sales': "$.marketing_rating_status = 'Passed to sales'",
  'sales-unprocessed': SALES_NEW,
  opportunities: "$.opportunity = 'Yes'",
  won: "$.sale = 'Yes'",
  pending: "$.sync_state = 'pending'",
  failed: "$.sync_state = 'failed'",
  conflicts: "$.sync_state = 'conflict'",
};

const of = (row: 'NEW' | 'OLD', view: string) => `(${VIEWS[view]!.replaceAll('$', row)})`;

/** An UPDATE of the counts by `delta(view)`, touching only the views whose count moves. */
function adjust(delta: (view: string) => string): string {
  const deltas = Object.keys(VIEWS)
    .map((view) => `SELECT '${view}' AS view, ${delta(view)} AS delta`)
    .join(' UNION ALL ');
  return `UPDATE view_counts SET count = count + d.delta
    FROM (${deltas}) AS d WHERE view_counts.view = d.view AND d.delta <> 0;`;
}

export const migration0096: Migration = {
  version: 96,
  name: 'Sales: new holds leads passed to sales that sales has not processed',
  up(db) {
    db.exec(`
      DROP INDEX leads_view_sales_unprocessed;
      CREATE INDEX leads_view_sales_new ON leads (sort_key, id)
        WHERE ${SALES_NEW.replaceAll('$.', '')};

      DROP TRIGGER view_counts_on_delete;
      CREATE TRIGGER view_counts_on_delete AFTER DELETE ON leads BEGIN
        ${adjust((view) => `-${of('OLD', view)}`)}
      END;

      DROP TRIGGER view_counts_on_update;
      CREATE TRIGGER view_counts_on_update
      AFTER UPDATE OF marketing_rating_status, sales_rating_status, opportunity, sale, sync_state
      ON leads BEGIN
        ${adjust((view) => `${of('NEW', view)} - ${of('OLD', view)}`)}
      END;

      UPDATE view_counts SET count = (SELECT count(*) FROM leads WHERE ${SALES_NEW.replaceAll('$.', '')})
      WHERE view = 'sales-unprocessed';
    `);
  },
};
