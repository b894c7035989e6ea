/**
 * Field paths as Envoke's filters and sorts name them: `status`, `contact.email`,
 * `contact.custom_fields.<name>`. Each path resolves once per request to a reader.
 */
import { ENUM_FIELDS, isEnumField } from '#contract/lead';
import {
  type ContactRecord,
  type LeadRecord,
  MONEY_FIELDS,
  isContactField,
  isLeadField,
} from './lead-model';

/** One lead as the query engine sees it; the contact is only built when a path needs it. */
export interface LeadRow {
  readonly lead: LeadRecord;
  contact(): ContactRecord;
}

export interface FieldReader {
  readonly path: string;
  /** Compared as numbers (ids, money) rather than as text. */
  readonly numeric: boolean;
  /** Set for Envoke's fixed vocabularies, which match whatever the spelling. */
  readonly vocabulary?: readonly string[];
  read(row: LeadRow): string | readonly string[];
}

/**
 * Envoke's own Zapier app searches leads by `contact.contact_id` and `contact.contact_remote_id`,
 * the names its flattened leads give the contact's `id` and `remote_id`.
 */
const CONTACT_ALIASES: Readonly<Record<string, string>> = {
  contact_id: 'id',
  contact_remote_id: 'remote_id',
};

/** Returns undefined for a path that names no field of a lead. */
export function resolveField(path: string): FieldReader | undefined {
  if (path === 'id') return { path, numeric: true, read: (row) => String(row.lead.id) };
  if (isLeadField(path)) {
    const vocabulary = isEnumField(path) ? ENUM_FIELDS[path] : undefined;
    return {
      path,
      numeric: MONEY_FIELDS.has(path),
      ...(vocabulary === undefined ? {} : { vocabulary }),
      read: (row) => row.lead[path],
    };
  }
  const [head, given, ...rest] = path.split('.');
  if (head !== 'contact' || given === undefined) return undefined;
  const name = Object.hasOwn(CONTACT_ALIASES, given) ? CONTACT_ALIASES[given]! : given;
  if (rest.length === 0) {
    if (name === 'id') return { path, numeric: true, read: (row) => String(row.contact().id) };
    if (name === 'interests' || name === 'autoresponders') {
      return { path, numeric: false, read: (row) => row.contact()[name] };
    }
    if (isContactField(name)) return { path, numeric: false, read: (row) => row.contact()[name] };
    return undefined;
  }
  if (name === 'custom_fields') {
    const key = rest.join('.');
    return { path, numeric: false, read: (row) => row.contact().custom_fields[key] ?? '' };
  }
  return undefined;
}
