/**
 * How many leads each sidebar view holds, kept exact by triggers in the same transaction as every
 * write of a lead (pull, edit, undo, create, conflict resolution, discard, drop), so reading the
 * counts costs the same at a million leads as at ten: `count(*)` per view read every index entry
 * of the view, 60 ms a call at a million, and the list asks after every action.
 *
 * The conditions repeat view-filters.ts as they are at this step (a shipped step never changes;
 * a later change of a view brings its own step that rebuilds the triggers and counts).
 */
import type { Migration } from './migration';

/** Each view's condition with `$` for the row (NEW or OLD). */
const VIEWS: Record<string, string> = {
  all: '1',
  'marketing-unprocessed': "$.marketing_rating_status IN ('Unprocessed', '')",
  'passed-to-sales': "$.marketing_rating_status = 'Passed to sales'",
  'sales-unprocessed': "$.sales_rating_status = 'Unprocessed'",
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

export const migration0060: Migration = {
  version: 60,
  name: 'view counts kept by triggers',
  up(db) {
    db.exec(`
      CREATE TABLE view_counts (
        view TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count >= 0)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO view_counts (view, count)
      ${Object.keys(VIEWS)
        .map(
          (view) =>
            `SELECT '${view}', count(*) FROM leads WHERE ${VIEWS[view]!.replaceAll('$.', '')}`,
        )
        .join(' UNION ALL ')};

      CREATE TRIGGER view_counts_on_insert AFTER INSERT ON leads BEGIN
        ${adjust((view) => of('NEW', view))}
      END;

      CREATE TRIGGER view_counts_on_delete AFTER DELETE ON leads BEGIN
        ${adjust((view) => `-${of('OLD', view)}`)}
      END;

      -- Only writes naming a column some view reads fire this; a write that names them without
      -- moving a lead between views (most triage keys) updates no count.
      CREATE TRIGGER view_counts_on_update
      AFTER UPDATE OF marketing_rating_status, sales_rating_status, opportunity, sale, sync_state
      ON leads BEGIN
        ${adjust((view) => `${of('NEW', view)} - ${of('OLD', view)}`)}
      END;
    `);
  },
};
