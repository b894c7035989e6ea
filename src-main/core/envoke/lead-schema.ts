/**
 * Tolerant reading of Envoke leads: every documented field is normalised to a string by its
 * reader (lead-fields.ts) and everything undocumented is kept untouched, so a lead stored locally
 * carries all Envoke sent. A lead that cannot be read is reported with its id and the reason,
 * never dropped quietly.
 */
import { z } from 'zod';
import { describeIssues } from '#contract/issue-sentences';
import { leadBoundsProblem } from './lead-bounds';
import {
  CONTACT_READERS,
  describe,
  LEAD_READERS,
  type EnvokeLead,
  type FieldReaders,
  type Reader,
} from './lead-fields';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A zod field from a reader; an absent key is read like `null`. The problem names the field. */
function field(name: string, read: Reader) {
  return z
    .unknown()
    .transform((value, ctx) => {
      const result = read(value);
      if (typeof result === 'string') return result;
      ctx.addIssue({ code: 'custom', message: `${name} ${result.problem}` });
      return z.NEVER;
    })
    .prefault(null);
}

function schemaOf(readers: FieldReaders, prefix = '') {
  return Object.fromEntries(readers.map(([name, read]) => [name, field(prefix + name, read)]));
}

const ContactSchema = z.looseObject(schemaOf(CONTACT_READERS, 'contact.'));

/** Every lead has a contact; an absent or null one reads as an empty contact. */
const contactField = z
  .unknown()
  .transform((value, ctx) => {
    const source = value === null || value === undefined ? {} : value;
    if (!isPlainObject(source)) {
      ctx.addIssue({
        code: 'custom',
        message: `contact must be an object, got ${describe(value)}`,
      });
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

export type { EnvokeContact, EnvokeLead } from './lead-fields';

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

/** Reads one lead; never throws. A reason is one or more sentences, as describeIssues writes them. */
export function parseLead(raw: unknown): ParsedLead {
  if (!isPlainObject(raw)) {
    return { ok: false, id: null, reason: `lead must be an object, got ${describe(raw)}.` };
  }
  // First, before anything copies or serialises it: a lead beyond the bounds is never stored.
  const beyond = leadBoundsProblem(raw);
  if (beyond !== null) return { ok: false, id: salvageId(raw), reason: `lead ${beyond}.` };
  const lead = readWellFormed(raw);
  if (lead !== undefined) return { ok: true, lead };
  const result = LeadSchema.safeParse(raw);
  if (result.success) return { ok: true, lead: result.data as EnvokeLead };
  return { ok: false, id: salvageId(raw), reason: describeIssues(result.error.issues) };
}
