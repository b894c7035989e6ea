/**
 * Tolerant reading of Envoke leads. Envoke's samples, docs and its own integration disagree on
 * spellings and types (enum case, "Open" vs "Unprocessed", ids and money as strings or numbers,
 * "" or null or absent), so every documented field is normalised to a string here and everything
 * undocumented is kept untouched, so a lead stored locally carries all Envoke sent. A lead that
 * cannot be read is reported with its id and the reason, never dropped quietly.
 */
import { z } from 'zod';
import {
  MARKETING_STATUSES,
  OUTCOMES,
  SALES_STATUSES,
  normalizeEnum,
  type TriageField,
} from '#contract/lead';
import { leadBoundsProblem } from './lead-bounds';

/** Free-text lead fields of envoke-lead-api.md §6.2 (ratings are account-configured labels). */
export const LEAD_TEXT_FIELDS = [
  'remote_id',
  'business_unit',
  'marketing_user',
  'salesperson',
  'create_time',
  'create_note',
  'rule_rating',
  'marketing_rating',
  'marketing_rating_time',
  'marketing_rating_note',
  'sales_rating',
  'sales_rating_time',
  'sales_rating_note',
  'opportunity_time',
  'opportunity_note',
  'sale_time',
  'sale_note',
  'lead_region',
  'sales_channel',
  'industry',
  'timing',
  'budget',
  'marketing_source',
  'marketing_medium',
  'marketing_campaign',
  'visitor_id',
  'visit_id',
  'pageview_id',
] as const;
export const LEAD_MONEY_FIELDS = ['revenue', 'cost_of_goods_sold'] as const;
export const LEAD_ENUM_VOCABULARIES = {
  marketing_rating_status: MARKETING_STATUSES,
  sales_rating_status: SALES_STATUSES,
  opportunity: OUTCOMES,
  sale: OUTCOMES,
} as const;

/** Contact fields of envoke-lead-api.md §7.1 that are plain text. */
export const CONTACT_TEXT_FIELDS = [
  'external_id',
  'remote_id',
  'email',
  'first_name',
  'last_name',
  'title',
  'company',
  'phone',
  'address_1',
  'address_2',
  'city',
  'province',
  'country',
  'postal_code',
  'website',
  'language',
  'feedback',
  'consent_status',
  'consent_description',
  'consent_effective_date',
  'consent_expiry',
  'date_created',
] as const;

type LeadTextField = (typeof LEAD_TEXT_FIELDS)[number];
type LeadMoneyField = (typeof LEAD_MONEY_FIELDS)[number];
type LeadEnumField = keyof typeof LEAD_ENUM_VOCABULARIES;
type ContactTextField = (typeof CONTACT_TEXT_FIELDS)[number];

/**
 * The embedded contact. `id` is a digit string, or "" when Envoke sent none. `custom_fields`,
 * `interests` and `autoresponders` keep whatever shape Envoke used (object or array).
 */
export interface EnvokeContact extends Record<ContactTextField, string> {
  id: string;
  [extra: string]: unknown;
}

/**
 * A lead as Envoke holds it. `id` is a digit string; enum fields hold the canonical display
 * string when recognised (or Envoke's value verbatim when not); money is a decimal string.
 */
export interface EnvokeLead extends Record<
  LeadTextField | LeadMoneyField | LeadEnumField | TriageField,
  string
> {
  id: string;
  contact: EnvokeContact;
  [extra: string]: unknown;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a field reader returns: the normalised string, or why the value is unusable. */
type Read = string | { problem: string };
type Reader = (value: unknown) => Read;

/** A zod field from a reader; an absent key is read like `null`. */
function field(read: Reader) {
  return z
    .unknown()
    .transform((value, ctx) => {
      const result = read(value);
      if (typeof result === 'string') return result;
      ctx.addIssue({ code: 'custom', message: result.problem });
      return z.NEVER;
    })
    .prefault(null);
}

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

/** Documented fields and their readers, in the order a read lead or contact lists them. */
type FieldReaders = ReadonlyArray<readonly [string, Reader]>;

function readersOf(names: readonly string[], read: Reader): FieldReaders {
  return names.map((name) => [name, read] as const);
}

const CONTACT_READERS: FieldReaders = [
  ['id', readId(false)],
  ...readersOf(CONTACT_TEXT_FIELDS, readText),
];

/** Every documented lead field but `contact`, which comes after them. */
const LEAD_READERS: FieldReaders = [
  ['id', readId(true)],
  ...readersOf(LEAD_TEXT_FIELDS, readText),
  ...readersOf(LEAD_MONEY_FIELDS, readMoney),
  ...Object.entries(LEAD_ENUM_VOCABULARIES).map(
    ([name, vocabulary]) => [name, readEnum(vocabulary)] as const,
  ),
];

function schemaOf(readers: FieldReaders) {
  return Object.fromEntries(readers.map(([name, read]) => [name, field(read)]));
}

const ContactSchema = z.looseObject(schemaOf(CONTACT_READERS));

/** Every lead has a contact; an absent or null one reads as an empty contact. */
const contactField = z
  .unknown()
  .transform((value, ctx) => {
    const source = value === null || value === undefined ? {} : value;
    if (!isPlainObject(source)) {
      ctx.addIssue({ code: 'custom', message: `must be an object, got ${describe(value)}` });
      return z.NEVER;
    }
    const result = ContactSchema.safeParse(source);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    return z.NEVER;
  })
  .prefault(null);

/**
 * The whole lead schema. `parseLead` reads a well-formed lead without it, to the same result,
 * and uses it to name the problems of any other.
 */
export const LeadSchema = z.looseObject({ ...schemaOf(LEAD_READERS), contact: contactField });

/**
 * `source` read field by field as the schema reads it: documented fields in order, then every
 * other key as it is (but `__proto__`, which the schema leaves out too). Undefined as soon as a
 * field is unreadable.
 */
function readFields(
  readers: FieldReaders,
  source: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [name, read] of readers) {
    const value = read(source[name]);
    if (typeof value !== 'string') return undefined;
    out[name] = value;
  }
  return out;
}

function keepUndocumented(
  out: Record<string, unknown>,
  documented: ReadonlySet<string>,
  source: Record<string, unknown>,
): void {
  for (const key in source) {
    if (!documented.has(key) && key !== '__proto__') out[key] = source[key];
  }
}

const CONTACT_NAMES = new Set(CONTACT_READERS.map(([name]) => name));
const LEAD_NAMES = new Set([...LEAD_READERS.map(([name]) => name), 'contact']);

/**
 * The fast path: about twenty times cheaper than the schema, which matters when a full sync
 * reads a hundred thousand leads. Undefined when anything is off; the schema then decides.
 */
function readWellFormed(raw: Record<string, unknown>): EnvokeLead | undefined {
  const lead = readFields(LEAD_READERS, raw);
  const contactSource = raw.contact === null || raw.contact === undefined ? {} : raw.contact;
  if (lead === undefined || !isPlainObject(contactSource)) return undefined;
  const contact = readFields(CONTACT_READERS, contactSource);
  if (contact === undefined) return undefined;
  keepUndocumented(contact, CONTACT_NAMES, contactSource);
  lead.contact = contact;
  keepUndocumented(lead, LEAD_NAMES, raw);
  return lead as EnvokeLead;
}

export type ParsedLead =
  { ok: true; lead: EnvokeLead } | { ok: false; id: string | null; reason: string };

/** The id of an unreadable lead, when one can still be made out, so the report can name it. */
function salvageId(raw: unknown): string | null {
  if (!isPlainObject(raw)) return null;
  const id = raw.id;
  if (typeof id === 'number' || (typeof id === 'string' && id.trim() !== '')) {
    // Shown to the person as is: a hostile "id" of a megabyte is cut like any other value.
    const text = String(id).trim();
    return text.length > 40 ? `${text.slice(0, 37)}...` : text;
  }
  return null;
}

/** Reads one lead; never throws. */
export function parseLead(raw: unknown): ParsedLead {
  if (!isPlainObject(raw)) {
    return { ok: false, id: null, reason: `lead must be an object, got ${describe(raw)}` };
  }
  // First, before anything copies or serialises it: a lead beyond the bounds is never stored.
  const beyond = leadBoundsProblem(raw);
  if (beyond !== null) return { ok: false, id: salvageId(raw), reason: `lead ${beyond}` };
  const lead = readWellFormed(raw);
  if (lead !== undefined) return { ok: true, lead };
  const result = LeadSchema.safeParse(raw);
  if (result.success) return { ok: true, lead: result.data as EnvokeLead };
  const reason = result.error.issues
    .map((issue) => `${issue.path.map(String).join('.')} ${issue.message}`)
    .join('; ');
  return { ok: false, id: salvageId(raw), reason };
}
