/**
 * Who the lead is and what they said, read from the whole lead as Envoke sends it (the detail's
 * `record`) without trusting its shape: Envoke's samples, docs and webhooks disagree on how custom
 * fields, interests and autoresponders come (an object, a list of names, a list of objects).
 * Fields with no value are left out, so the pane lists only what there is.
 */
import { consentStatement, type ConsentStatement } from '#contract/consent';
import { customFieldPairs, tagNames } from '#contract/contact-shapes';
import type { CustomFieldDefinition, CustomFieldType } from '#contract/envoke-account';

export { tagNames };

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as text: strings as they are, numbers and booleans as written, anything else "". */
export function textOf(value: Json): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function contactOf(record: Record<string, Json>): Record<string, Json> {
  return isObject(record.contact) ? record.contact : {};
}

/** An http(s) address to open, or null: anything else (javascript:, file:, mailto:) is text. */
export function webAddress(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  // "www.acme.com" as people type it: the web address it means.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || !/[.\]]|^localhost$/.test(url.hostname)) return null;
  return url.href;
}

/** Envoke's "YYYY-MM-DD HH:MM:SS" to the minute; other text as it is. */
export function envokeTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(value.trim());
  return match ? `${match[1]} ${match[2]}` : value.trim();
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** A custom date as a date ("March 2, 2026"); text that is no date stays as it is. */
export function dateText(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  return DATE_FORMAT.format(date);
}

export interface CustomValue {
  key: string;
  label: string;
  type: CustomFieldType;
  value: string;
}

/**
 * The contact's custom values with their labels, in the order the account defines its fields;
 * values under keys the account does not define (or before definitions were read) follow, under
 * their keys.
 */
export function customValues(
  record: Record<string, Json>,
  definitions: readonly CustomFieldDefinition[],
): CustomValue[] {
  const values = new Map(
    customFieldPairs(contactOf(record).custom_fields).filter(([, value]) => value.trim() !== ''),
  );
  const known = definitions.flatMap((definition) => {
    const value = values.get(definition.name);
    if (value === undefined) return [];
    values.delete(definition.name);
    return [{ key: definition.name, label: definition.label, type: definition.type, value }];
  });
  const rest = [...values].map(([key, value]) => ({
    key,
    label: key,
    type: 'text' as const,
    value,
  }));
  return [...known, ...rest];
}

export interface ConsentView extends ConsentStatement {
  description: string;
}

/** The consent a salesperson acts on, as of `today` (YYYY-MM-DD). */
export function consentOf(record: Record<string, Json>, today: string): ConsentView {
  const contact = contactOf(record);
  const statement = consentStatement(
    {
      status: textOf(contact.consent_status),
      description: textOf(contact.consent_description),
      effectiveDate: textOf(contact.consent_effective_date),
      expiry: textOf(contact.consent_expiry),
    },
    today,
  );
  return { ...statement, description: textOf(contact.consent_description).trim() };
}

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language' });

/** "English (en)"; a code no one knows stays as it is. */
export function languageText(code: string): string {
  const trimmed = code.trim();
  if (!/^[a-z]{2,3}$/i.test(trimmed)) return trimmed;
  try {
    const name = LANGUAGES.of(trimmed.toLowerCase());
    return name && name.toLowerCase() !== trimmed.toLowerCase() ? `${name} (${trimmed})` : trimmed;
  } catch {
    return trimmed;
  }
}

/** The postal address on as few lines as it takes: street, then city, province and code, country. */
export function addressLines(contact: Record<string, Json>): string[] {
  const part = (name: string) => textOf(contact[name]).trim();
  const place = [part('city'), [part('province'), part('postal_code')].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  return [part('address_1'), part('address_2'), place, part('country')].filter(Boolean);
}

/** Today in the person's own time zone, as the consent statement compares dates. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
