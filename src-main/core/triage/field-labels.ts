/** How one field's change reads in activity entries and undo labels. */
import { FIELD_LABELS, type TriageField } from '#contract/lead';
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
