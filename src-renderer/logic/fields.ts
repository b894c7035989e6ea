/** How each triage field is named and edited. */
import {
  ENUM_FIELDS,
  FIELD_LABELS,
  isEnumField,
  labelOfPath,
  TRIAGE_FIELDS,
  type TriageField,
} from '#contract';
import type { EditorField } from '../store/ui-slice';

export function isTriageField(field: string): field is TriageField {
  return (TRIAGE_FIELDS as readonly string[]).includes(field);
}

/**
 * A field's label: "Marketing status", and for Envoke fields outside the triage set the words a
 * person reads ("contact.email" is "Email"), never the internal name.
 */
export function fieldLabel(field: string): string {
  if (isTriageField(field)) return FIELD_LABELS[field];
  return labelOfPath(field.split('.')) ?? field;
}

/**
 * The editor control that suits a field, holding `value`. `options` makes a free-text field a
 * picker (a rating offers the account's values); a value outside them is kept as the last one.
 */
export function editorField(
  field: TriageField,
  value: string,
  options?: readonly string[],
): EditorField {
  const label = FIELD_LABELS[field];
  if (isEnumField(field))
    return { field, label, kind: 'choice', options: ENUM_FIELDS[field], value };
  if (options) {
    const all = value === '' || options.includes(value) ? options : [...options, value];
    return { field, label, kind: 'choice', options: all, value };
  }
  if (field.endsWith('_note')) return { field, label, kind: 'note', value };
  if (field === 'revenue' || field === 'cost_of_goods_sold')
    return { field, label, kind: 'money', value };
  return { field, label, kind: 'text', value };
}

/** "Marketing status: Passed to sales, Marketing rating: Hot" for an outbox entry. */
export function describeFields(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([field, value]) => `${fieldLabel(field)}: ${value === '' ? '(cleared)' : value}`)
    .join(', ');
}
