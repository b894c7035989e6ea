/**
 * The sidebar views a lead's projection columns put it in, in JavaScript: the same conditions as
 * reads/view-filters.ts and the view_counts triggers (kept-counts.ts), for counting the leads a
 * transaction inserts without a trigger per row. The view-counts property test
 * compares the kept counts with count(*) of each view's condition after every kind of write.
 */
import type { LeadSyncState } from '#contract/dto';

export interface ViewColumns {
  marketing_rating_status: string;
  sales_rating_status: string;
  opportunity: string;
  sale: string;
  sync_state: LeadSyncState;
}

const SYNC_STATE_VIEWS: Record<LeadSyncState, string | null> = {
  synced: null,
  pending: 'pending',
  failed: 'failed',
  conflict: 'conflicts',
};

export function viewsOf(row: ViewColumns): string[] {
  const views = ['all'];
  if (row.marketing_rating_status === 'Unprocessed' || row.marketing_rating_status === '')
    views.push('marketing-unprocessed');
  if (row.marketing_rating_status === 'Passed to sales') views.push('passed-to-sales');
  if (
    row.sales_rating_status === 'Unprocessed' ||
    (row.marketing_rating_status === 'Passed to sales' &&
      (row.sales_rating_status === 'Not applicable' || row.sales_rating_status === ''))
  )
    views.push('sales-unprocessed');
  if (row.opportunity === 'Yes') views.push('opportunities');
  if (row.sale === 'Yes') views.push('won');
  const bySyncState = SYNC_STATE_VIEWS[row.sync_state];
  if (bySyncState !== null) views.push(bySyncState);
  return views;
}
