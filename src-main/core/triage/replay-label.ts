/**
 * What an undo or redo says it did: the values that came back, not the values of the action
 * ("Undone: sales note cleared", "Undone: marketing rating back to Warm", "Redone: sales note
 * set to “Called…”"). Shown in the app's message and printed by the CLI.
 */
import { FIELD_LABELS, type TriageField } from '#contract/lead';
import type { FieldValues } from '../tables/lead-record';
import { entriesOf } from './coalesce';

export type ReplayDirection = 'undo' | 'redo';

/** The fields one lead got back by the replay. */
export interface ReplayedLead {
  leadId: number;
  values: FieldValues;
}

/** Free text is quoted so a note never reads as part of the sentence. */
const QUOTED: ReadonlySet<TriageField> = new Set([
  'marketing_rating_note',
  'sales_rating_note',
  'opportunity_note',
  'sale_note',
]);

const SHOWN_LENGTH = 40;

function shownValue(name: TriageField, value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  const cut =
    oneLine.length > SHOWN_LENGTH ? `${oneLine.slice(0, SHOWN_LENGTH - 1).trimEnd()}…` : oneLine;
  return QUOTED.has(name) ? `“${cut}”` : cut;
}

function fieldName(name: TriageField): string {
  return FIELD_LABELS[name].toLowerCase();
}

/** "marketing rating back to Warm", "sales note cleared", "sales status set to Rated good" */
function describeField(direction: ReplayDirection, name: TriageField, values: Set<string>): string {
  const label = fieldName(name);
  if (values.size > 1)
    return direction === 'undo' ? `${label} back to earlier values` : `${label} set again`;
  const [value = ''] = values;
  if (value === '') return `${label} cleared`;
  return `${label} ${direction === 'undo' ? 'back to' : 'set to'} ${shownValue(name, value)}`;
}

/**
 * The sentence for one undo or redo. `replayed` holds what each lead really got back; `fields`
 * are the fields of the action, named when nothing came back because each was changed since.
 */
export function describeReplay(
  direction: ReplayDirection,
  replayed: readonly ReplayedLead[],
  fields: readonly TriageField[],
): string {
  const done = direction === 'undo' ? 'Undone' : 'Redone';
  const byField = new Map<TriageField, Set<string>>();
  for (const lead of replayed) {
    for (const [name, value] of entriesOf(lead.values)) {
      const values = byField.get(name) ?? new Set<string>();
      values.add(value);
      byField.set(name, values);
    }
  }
  if (byField.size === 0) {
    const names = fields.map(fieldName).join(', ');
    return `Nothing ${done.toLowerCase()}: ${names || 'the fields'} ${fields.length === 1 ? 'was' : 'were'} changed since`;
  }
  const what = [...byField].map(([name, values]) => describeField(direction, name, values));
  const leads = replayed.length > 1 ? ` on ${replayed.length} leads` : '';
  return `${done}: ${what.join(', ')}${leads}`;
}
