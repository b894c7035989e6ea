/**
 * What a lead write may contain, checked the way Envoke answers: every problem is listed in
 * `result_data.errors` and nothing is applied unless the whole body is valid.
 */
import { ENUM_FIELDS, MONEY_PATTERN, isEnumField, normalizeEnum } from '#contract/lead';
import { CONSENT_STATUSES, normalizeConsent } from '#contract/consent';
import { CUSTOM_FIELD_NAME } from './catalog';
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
  /** Only a seed names the id of the lead it makes. */
  id?: number;
}

/**
 * 'seed' is a lead as Envoke holds it (the `/_sim/leads` control): fields Envoke sets itself are
 * taken too, times checked as Envoke writes them.
 */
export type WriteMode = 'create' | 'update' | 'seed';

const ENVOKE_TIME = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})?$/;
const TIME_FIELDS: ReadonlySet<string> = new Set([
  'create_time',
  'marketing_rating_time',
  'sales_rating_time',
  'opportunity_time',
  'sale_time',
  'date_created',
  'consent_effective_date',
  'consent_expiry',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a POST or PATCH body. `ownId` is the id of the lead a PATCH targets: a body may repeat
 * it (Envoke's own update action sends it) but never change it.
 */
export function parseLeadWrite(body: unknown, mode: WriteMode, ownId?: string): LeadWrite {
  if (!isPlainObject(body))
    throw new SimValidationError(['The request body must be a JSON object']);
  const errors: string[] = [];
  const fields: LeadChanges = {};
  let contact: ContactInput | undefined;
  let id: number | undefined;
  for (const [name, value] of Object.entries(body)) {
    if (name === 'id') {
      if (mode === 'seed' && /^\d{1,10}$/.test(String(value))) id = Number(value);
      else if (mode !== 'update' || String(value) !== ownId) errors.push(`'id' is read-only`);
    } else if (name === 'contact') {
      contact = parseContact(value, errors, mode === 'seed');
    } else if (!isLeadField(name)) {
      errors.push(`'${name}' is not a known lead field`);
    } else if (!LEAD_WRITABLE_FIELDS.has(name) && mode !== 'seed') {
      errors.push(`'${name}' is read-only`);
    } else if (typeof value !== 'string') {
      errors.push(`'${name}' must be a string`);
    } else if (TIME_FIELDS.has(name) && !ENVOKE_TIME.test(value)) {
      errors.push(`'${name}' must be a time such as 2016-02-05 09:13:06, not '${value}'`);
    } else {
      const parsed = parseLeadValue(name, value, errors);
      if (parsed !== undefined) fields[name] = parsed;
    }
  }
  if (mode !== 'update') {
    if (contact === undefined) errors.push(`'contact' is required, with an 'email' or an 'id'`);
    else if (contact.id === undefined && contact.fields.email === undefined) {
      errors.push(`'contact.email' or 'contact.id' is required`);
    }
  } else if (Object.keys(fields).length === 0 && contact === undefined && errors.length === 0) {
    errors.push('The request names no field to update');
  }
  if (errors.length > 0) throw new SimValidationError(errors);
  return {
    fields,
    ...(contact === undefined ? {} : { contact }),
    ...(id === undefined ? {} : { id }),
  };
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

/** Contact fields Envoke sets itself: a seed may give them, a write may not. */
const SEEDED_CONTACT_LIMIT = 255;

function parseContact(
  value: unknown,
  errors: string[],
  seeding: boolean,
  prefix = 'contact.',
): ContactInput | undefined {
  if (!isPlainObject(value)) {
    errors.push(`'contact' must be an object`);
    return undefined;
  }
  const input: ContactInput = { fields: {} };
  for (const [name, raw] of Object.entries(value)) {
    const path = `${prefix}${name}`;
    if (name === 'id') {
      const id = typeof raw === 'number' ? String(raw) : raw;
      if (typeof id !== 'string' || !/^\d{1,10}$/.test(id))
        errors.push(`'${path}' must be a contact id`);
      else input.id = Number(id);
    } else if ((CONTACT_MAP_FIELDS as readonly string[]).includes(name)) {
      parseContactMap(name as (typeof CONTACT_MAP_FIELDS)[number], raw, input, errors, path);
    } else if (!isContactField(name)) {
      errors.push(`'${path}' is not a known contact field`);
    } else {
      const limit =
        CONTACT_WRITABLE_LIMITS.get(name) ?? (seeding ? SEEDED_CONTACT_LIMIT : undefined);
      if (limit === undefined) errors.push(`'${path}' is read-only`);
      else if (typeof raw !== 'string') errors.push(`'${path}' must be a string`);
      else if (raw.length > limit) errors.push(`'${path}' is longer than ${limit} characters`);
      else if (name === 'email' && !EMAIL_PATTERN.test(raw.trim()))
        errors.push(`'${raw}' is not a valid email address`);
      else if (TIME_FIELDS.has(name) && !ENVOKE_TIME.test(raw))
        errors.push(`'${path}' must be a time such as 2016-02-05 09:13:06, not '${raw}'`);
      else if (name === 'consent_status') {
        const status = raw.trim() === '' ? 'Not provided' : normalizeConsent(raw);
        if (status === undefined)
          errors.push(
            `'${raw}' is not a valid value for '${path}'; use one of: ${CONSENT_STATUSES.join(', ')}`,
          );
        else input.fields.consent_status = status;
      } else input.fields[name] = name === 'email' ? raw.trim() : raw;
    }
  }
  return input;
}

/** A body of the Contacts API (`POST`/`PATCH /v1/contacts`): the contact's own fields. */
export function parseContactWrite(body: unknown): ContactInput {
  if (!isPlainObject(body) || Object.keys(body).length === 0)
    throw new SimValidationError(['Request body may not be empty']);
  const errors: string[] = [];
  const input = parseContact(body, errors, false, '');
  if (errors.length > 0 || input === undefined) throw new SimValidationError(errors);
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
  path: string,
): void {
  if (name === 'custom_fields') {
    if (!isPlainObject(raw) || !Object.values(raw).every((v) => typeof v === 'string')) {
      errors.push(`'${path}' must be an object of text values`);
      return;
    }
    const illegal = Object.keys(raw).filter((key) => !CUSTOM_FIELD_NAME.test(key));
    for (const key of illegal)
      errors.push(
        `'${path}.${key}' is not a custom field name: names are letters, digits and _ only`,
      );
    if (illegal.length === 0) input.custom_fields = raw as Record<string, string>;
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
