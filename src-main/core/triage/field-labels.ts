/** Field names as a salesperson reads them, for activity entries and undo labels. */
import type { TriageField } from '../../../src-preload/contract/lead';

export const FIELD_LABELS: Record<TriageField, string> = {
  marketing_rating_status: 'Marketing status',
  marketing_rating: 'Marketing rating',
  marketing_rating_note: 'Marketing note',
  sales_rating_status: 'Sales status',
  sales_rating: 'Sales rating',
  sales_rating_note: 'Sales note',
  opportunity: 'Opportunity',
  opportunity_note: 'Opportunity note',
  sale: 'Sale',
  sale_note: 'Sale note',
  revenue: 'Revenue',
  cost_of_goods_sold: 'Cost of goods sold',
  salesperson: 'Salesperson',
};

function shown(value: string): string {
  if (value === '') return '(empty)';
  const oneLine = value.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** "Marketing status: Unprocessed → Passed to sales" */
export function describeChange(field: TriageField, from: string, to: string): string {
  return `${FIELD_LABELS[field]}: ${shown(from)} → ${shown(to)}`;
}

/** "Marketing status → Passed to sales" */
export function describeSet(field: TriageField, to: string): string {
  return `${FIELD_LABELS[field]} → ${shown(to)}`;
}
