/**
 * What a lead write may contain, checked the way Envoke answers: every problem is listed in
 * `result_data.errors` and nothing is applied unless the whole body is valid.
 */
import {
  ENUM_FIELDS,
  MONEY_PATTERN,
  isEnumField,
  normalizeEnum,
} from '#contract/lead';
import { SimValidationError } from './errors';
import {
  CONTACT_MAP_FIELDS,
  CONTACT_WRITABLE_LIMITS,
  type ContactField,
  LEAD_WRITABLE_FIELDS,
  type LeadField,
  MONEY_FIELDS,
  NOTE_FIELDS,
  isContactField,
  isLeadField,
} from './lead-model';

const NOTE_LIMIT = 65_535;
const LABEL_LIMIT = 255;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type LeadChanges = Partial<Record<LeadField, string>>;

export interface ContactInput {
  /** Names an existing contact (POST) or must repeat the lead's own contact id (PATCH). */
  id?: number;
  fields: Partial<Record<ContactField, string>>;
  custom_fields?: Record<string, string>;
  /** Interest or autoresponder name -> whether to add or remove it. */
  interests?: Record<string, boolean>;
  autoresponders?: Record<string, boolean>;
}

export interface LeadWrite {
  fields: LeadChanges;
  contact?: ContactInput;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a POST or PATCH body. `ownId` is the id of the lead a PATCH targets: a body may repeat
 * it (Envoke's own update action sends it) but never change it.
 */
export function parseLeadWrite(
  body: unknown,
  mode: 'create' | 'update',
  ownId?: string,
): LeadWrite {
  if (!isPlainObject(body))
    throw new SimValidationError(['The request body must be a JSON object']);
  const errors: string[] = [];
  const fields: LeadChanges = {};
  let contact: ContactInput | undefined;
  for (const [name, value] of Object.entries(body)) {
    if (name === 'id') {
      if (mode === 'create' || String(value) !== ownId) errors.push(`'id' is read-only`);
    } else if (name === 'contact') {
      contact = parseContact(value, errors);
    } else if (!isLeadField(name)) {
      errors.push(`'${name}' is not a known lead field`);
    } else if (!LEAD_WRITABLE_FIELDS.has(name)) {
      errors.push(`'${name}' is read-only`);
    } else if (typeof value !== 'string') {
      errors.push(`'${name}' must be a string`);
    } else {
      const parsed = parseLeadValue(name, value, errors);
      if (parsed !== undefined) fields[name] = parsed;
    }
  }
  if (mode === 'create') {
    if (contact === undefined) errors.push(`'contact' is required, with an 'email' or an 'id'`);
    else if (contact.id === undefined && contact.fields.email === undefined) {
      errors.push(`'contact.email' or 'contact.id' is required`);
    }
  } else if (Object.keys(fields).length === 0 && contact === undefined && errors.length === 0) {
    errors.push('The request names no field to update');
  }
  if (errors.length > 0) throw new SimValidationError(errors);
  return contact === undefined ? { fields } : { fields, contact };
}

function parseLeadValue(name: LeadField, value: string, errors: string[]): string | undefined {
  if (isEnumField(name)) {
    const vocabulary = ENUM_FIELDS[name];
    const canonical = normalizeEnum(value, vocabulary);
    if (canonical === undefined || canonical === '') {
      errors.push(
        `'${value}' is not a valid value for '${name}'; use one of: ${vocabulary.join(', ')}`,
      );
      return undefined;
    }
    return canonical;
  }
  if (MONEY_FIELDS.has(name)) {
    const amount = value.trim();
    if (!MONEY_PATTERN.test(amount)) {
      errors.push(`'${name}' must be a decimal amount such as 7595.00, not '${value}'`);
      return undefined;
    }
    return amount === '' ? '' : Number(amount).toFixed(2);
  }
  const limit = NOTE_FIELDS.has(name) ? NOTE_LIMIT : LABEL_LIMIT;
  if (value.length > limit) {
    errors.push(`'${name}' is longer than ${limit} characters`);
    return undefined;
  }
  return value;
}

function parseContact(value: unknown, errors: string[]): ContactInput | undefined {
  if (!isPlainObject(value)) {
    errors.push(`'contact' must be an object`);
    return undefined;
  }
  const input: ContactInput = { fields: {} };
  for (const [name, raw] of Object.entries(value)) {
    const path = `contact.${name}`;
    if (name === 'id') {
      const id = typeof raw === 'number' ? String(raw) : raw;
      if (typeof id !== 'string' || !/^\d{1,10}$/.test(id))
        errors.push(`'${path}' must be a contact id`);
      else input.id = Number(id);
    } else if ((CONTACT_MAP_FIELDS as readonly string[]).includes(name)) {
      parseContactMap(name as (typeof CONTACT_MAP_FIELDS)[number], raw, input, errors);
    } else if (!isContactField(name)) {
      errors.push(`'${path}' is not a known contact field`);
    } else {
      const limit = CONTACT_WRITABLE_LIMITS.get(name);
      if (limit === undefined) errors.push(`'${path}' is read-only`);
      else if (typeof raw !== 'string') errors.push(`'${path}' must be a string`);
      else if (raw.length > limit) errors.push(`'${path}' is longer than ${limit} characters`);
      else if (name === 'email' && !EMAIL_PATTERN.test(raw.trim()))
        errors.push(`'${raw}' is not a valid email address`);
      else input.fields[name] = name === 'email' ? raw.trim() : raw;
    }
  }
  return input;
}

/**
 * Envoke's clients write custom fields as `{ name: value }` and tags as `{ name: "Set"|"Unset" }`
 * (any case); a plain list of names is read as "Set" for each.
 */
function parseContactMap(
  name: (typeof CONTACT_MAP_FIELDS)[number],
  raw: unknown,
  input: ContactInput,
  errors: string[],
): void {
  const path = `contact.${name}`;
  if (name === 'custom_fields') {
    if (!isPlainObject(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
      errors.push(`'${path}' must be an object of text values`);
      return;
    }
    input.custom_fields = raw as Record<string, string>;
    return;
  }
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item): [string, unknown] => [String(item), 'Set'])
    : isPlainObject(raw)
      ? Object.entries(raw)
      : [];
  if (!Array.isArray(raw) && !isPlainObject(raw)) {
    errors.push(`'${path}' must be an object such as {"Newsletter": "Set"}`);
    return;
  }
  const map: Record<string, boolean> = {};
  for (const [key, state] of entries) {
    const word = typeof state === 'string' ? state.toLowerCase() : '';
    if (word !== 'set' && word !== 'unset')
      errors.push(`'${path}.${key}' must be "Set" or "Unset"`);
    else map[key] = word === 'set';
  }
  input[name] = map;
}

/** Envoke requires a consent description whenever consent is Express or Implied (§7.1). */
export function consentNeedsDescription(status: string): boolean {
  return /^(express|implied)/i.test(status.trim());
}
