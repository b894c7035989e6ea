/**
 * Which leads each sidebar view holds. The expressions match the partial indexes of the schema
 * (migrations/0097-baseline.ts) word for word: SQLite only uses a partial index when the query
 * repeats its condition.
 * Views follow Envoke's lifecycle and may overlap (a lead passed to sales and not yet rated by
 * sales is in both "passed to sales" and "sales unprocessed").
 */
import type { ViewId } from '#contract/dto';

export const VIEW_CONDITIONS: Record<ViewId, string> = {
  all: '1',
  'marketing-unprocessed': "marketing_rating_status IN ('Unprocessed', '')",
  'passed-to-sales': "marketing_rating_status = 'Passed to sales'",
  // Sales has not processed it: Unprocessed, or passed on with the sales status still Not
  // applicable, as Envoke may leave it.
  'sales-unprocessed':
    "(sales_rating_status = 'Unprocessed' OR (marketing_rating_status = 'Passed to sales' AND sales_rating_status IN ('Not applicable', '')))",
  opportunities: "opportunity = 'Yes'",
  won: "sale = 'Yes'",
  // The first term repeats the partial index's condition so the planner may use it.
  pending: "sync_state <> 'synced' AND sync_state = 'pending'",
  failed: "sync_state <> 'synced' AND sync_state = 'failed'",
  conflicts: "sync_state <> 'synced' AND sync_state = 'conflict'",
};
