/** Names of the sidebar's views. */
import type { ViewId } from '#contract';

export const VIEW_LABELS: Record<ViewId, string> = {
  all: 'All leads',
  'marketing-unprocessed': 'Marketing: new',
  'passed-to-sales': 'Passed to sales',
  'sales-unprocessed': 'Sales: new',
  opportunities: 'Opportunities',
  won: 'Won',
  pending: 'Pending',
  failed: 'Failed',
  conflicts: 'Conflicts',
};
