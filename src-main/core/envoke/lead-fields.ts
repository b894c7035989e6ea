/**
 * How each documented Envoke field is read: the field list comes from the contract
 * (#contract/envoke-fields, shared with the simulator), the readers normalise every value to a
 * string. Envoke's samples, docs and its own integration disagree on spellings and types (enum
 * case, "Open" vs "Unprocessed", ids and money as strings or numbers, "" or null or absent).
 */
import {
  ENVOKE_CONTACT_FIELDS,
  ENVOKE_ENUM_VOCABULARIES,
  ENVOKE_LEAD_FIELDS,
  ENVOKE_LEAD_FIELD_NAMES,
  ENVOKE_MONEY_FIELDS,
  ENVOKE_TEXT_FIELDS,
  type EnvokeContactField,
  type EnvokeFieldKind,
  type EnvokeLeadField,
} from '#contract/envoke-fields';
import { normalizeEnum } from '#contract/lead';

/** Free-text lead fields of envoke-lead-api.md §6.2 (ratings are account-configured labels). */
export const LEAD_TEXT_FIELDS = ENVOKE_TEXT_FIELDS;
export const LEAD_MONEY_FIELDS = ENVOKE_MONEY_FIELDS;
export const LEAD_ENUM_VOCABULARIES = ENVOKE_ENUM_VOCABULARIES;
/** Contact fields of envoke-lead-api.md §7.1 that are plain text. */
export const CONTACT_TEXT_FIELDS = ENVOKE_CONTACT_FIELDS;

/**
 * The embedded contact. `id` is a digit string, or "" when Envoke sent none. `custom_fields`,
 * `interests` and `autoresponders` keep whatever shape Envoke used (object or array).
 */
export interface EnvokeContact extends Record<EnvokeContactField, string> {
  id: string;
  [extra: string]: unknown;
}

/**
 * A lead as Envoke holds it. `id` is a digit string; enum fields hold the canonical display
 * string when recognised (or Envoke's value verbatim when not); money is a decimal string.
 */
export interface EnvokeLead extends Record<EnvokeLeadField, string> {
  id: string;
  contact: EnvokeContact;
  [extra: string]: unknown;
}

/** A value as a reason shows it: short, and never a whole object. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

/** What a field reader returns: the normalised string, or why the value is unusable. */
export type Read = string | { problem: string };
export type Reader = (value: unknown) => Read;

/** Text: strings as-is, numbers and booleans as their text, null/absent as "". */
function readText(value: unknown): Read {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return { problem: `must be text, got ${describe(value)}` };
}

/** Envoke writes money as "7595.00"; a number with at most cents is written the same way. */
function readMoney(value: unknown): Read {
  if (typeof value === 'number' && /^-?\d+(?:\.\d{1,2})?$/.test(String(value))) {
    return value.toFixed(2);
  }
  return readText(value);
}

/** Any known spelling becomes the display string; an unknown value is kept verbatim. */
function readEnum(vocabulary: readonly string[]): Reader {
  const canonical = new Set(vocabulary);
  return (value) => {
    // Envoke's own spelling (nearly every lead) needs no folding.
    if (typeof value === 'string' && (canonical.has(value) || value === '')) return value;
    const raw = readText(value);
    if (typeof raw !== 'string') return raw;
    return normalizeEnum(raw, vocabulary) ?? raw;
  };
}

/** Ids arrive as "1234" or 1234; both become "1234". */
function readId(required: boolean): Reader {
  return (value) => {
    if (value === null || value === undefined || value === '') {
      return required ? { problem: 'is missing' } : '';
    }
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
      return String(value);
    if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return value.trim();
    return { problem: `must be a whole number, got ${describe(value)}` };
  };
}

function readerOf(kind: EnvokeFieldKind): Reader {
  if (kind === 'text') return readText;
  if (kind === 'money') return readMoney;
  return readEnum(kind);
}

/** Documented fields and their readers, in the order a read lead or contact lists them. */
export type FieldReaders = ReadonlyArray<readonly [string, Reader]>;

export const CONTACT_READERS: FieldReaders = [
  ['id', readId(false)],
  ...ENVOKE_CONTACT_FIELDS.map((name) => [name, readText] as const),
];

/** Every documented lead field but `contact`, which comes after them. */
export const LEAD_READERS: FieldReaders = [
  ['id', readId(true)],
  ...ENVOKE_LEAD_FIELD_NAMES.map((name) => [name, readerOf(ENVOKE_LEAD_FIELDS[name])] as const),
];
