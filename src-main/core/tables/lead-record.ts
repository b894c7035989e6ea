/**
 * A lead as the cache keeps it: Envoke's JSON object (all fields, known or not) with a nested
 * `contact`. These helpers read it without trusting its shape, since it may come from an older
 * Envoke or a newer one.
 */
import { customFieldPairs } from '#contract/contact-shapes';
import type { TriageField } from '#contract/lead';

export type LeadRecord = Record<string, unknown>;
export type FieldValues = Partial<Record<TriageField, string>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as text: strings as-is, numbers and booleans as their text, anything else "". */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function field(record: LeadRecord, name: string): string {
  return textOf(record[name]);
}

export function contactOf(record: LeadRecord): Record<string, unknown> {
  return isObject(record.contact) ? record.contact : {};
}

export function contactField(record: LeadRecord, name: string): string {
  return textOf(contactOf(record)[name]);
}

export function contactName(record: LeadRecord): string {
  return `${contactField(record, 'first_name')} ${contactField(record, 'last_name')}`.trim();
}

/** A copy of `record` with `values` written over it. */
export function withValues(record: LeadRecord, values: FieldValues): LeadRecord {
  return { ...record, ...values };
}

/** Every top-level scalar field as text (the detail pane's field list); `contact` and lists left out. */
export function flatFields(record: LeadRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === null || typeof value !== 'object') out[name] = textOf(value);
  }
  return out;
}

const NOTE_FIELDS = [
  'create_note',
  'marketing_rating_note',
  'sales_rating_note',
  'opportunity_note',
  'sale_note',
] as const;

/**
 * The text the search index holds for a lead. `notes` holds the lead's notes, what the contact
 * wrote (`feedback`) and the contact's custom values: a search finds a lead by any of them.
 * The one description of a lead's searched text: every write of a lead indexes it with this, and
 * so must any step that indexes cached leads again.
 */
export interface SearchText {
  name: string;
  company: string;
  email: string;
  notes: string;
}

/** The contact's custom values by key, whatever shape Envoke sent them in. */
export function customEntries(record: LeadRecord): [string, string][] {
  return customFieldPairs(contactOf(record).custom_fields);
}

export function searchTextOf(record: LeadRecord): SearchText {
  return {
    name: contactName(record),
    company: contactField(record, 'company'),
    email: contactField(record, 'email'),
    notes: [
      ...NOTE_FIELDS.map((name) => field(record, name)),
      contactField(record, 'feedback'),
      ...customEntries(record).map(([, value]) => value),
    ].join(' '),
  };
}

/** Envoke's own time format, `YYYY-MM-DD HH:MM:SS` (UTC here), for leads created on this laptop. */
export function envokeTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
