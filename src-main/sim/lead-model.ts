/**
 * The lead and contact records the simulator keeps, and the field lists that decide what a write
 * may touch. Field order follows envoke-lead-api.md §6.2 and §7.1 so responses read like Envoke's.
 */
import {
  ENVOKE_CONTACT_FIELDS,
  ENVOKE_LEAD_FIELD_NAMES,
  ENVOKE_MONEY_FIELDS,
} from '#contract/envoke-fields';

/**
 * Every lead field besides `id` and `contact`, all strings on the wire ("" when unset): the
 * contract's list, the same one the app's Envoke client reads with.
 */
export const LEAD_FIELDS = ENVOKE_LEAD_FIELD_NAMES;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Fields Envoke's own Create/Update Lead actions send; the rest are set by Envoke itself. */
export const LEAD_WRITABLE_FIELDS: ReadonlySet<string> = new Set<LeadField>([
  'remote_id',
  'marketing_user',
  'salesperson',
  'create_note',
  'rule_rating',
  'marketing_rating_status',
  'marketing_rating',
  'marketing_rating_note',
  'sales_rating_status',
  'sales_rating',
  'sales_rating_note',
  'opportunity',
  'opportunity_note',
  'sale',
  'sale_note',
  'revenue',
  'cost_of_goods_sold',
  'marketing_source',
  'marketing_medium',
  'marketing_campaign',
  'visitor_id',
  'visit_id',
  'pageview_id',
]);

export const NOTE_FIELDS: ReadonlySet<string> = new Set<LeadField>([
  'create_note',
  'marketing_rating_note',
  'sales_rating_note',
  'opportunity_note',
  'sale_note',
]);

export const MONEY_FIELDS: ReadonlySet<string> = new Set<LeadField>(ENVOKE_MONEY_FIELDS);

/** A change of the stage field stamps the stage's time, as Envoke's lead timeline shows. */
export const STAGE_TIME_FIELD = {
  marketing_rating_status: 'marketing_rating_time',
  sales_rating_status: 'sales_rating_time',
  opportunity: 'opportunity_time',
  sale: 'sale_time',
} as const satisfies Partial<Record<LeadField, LeadField>>;

/** Plain string fields of a contact, in Envoke's order (the contract's list). */
export const CONTACT_FIELDS = ENVOKE_CONTACT_FIELDS;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Documented maximum lengths (envoke-lead-api.md §7.1); other writable fields allow 255. */
export const CONTACT_WRITABLE_LIMITS: ReadonlyMap<string, number> = new Map<ContactField, number>([
  ['remote_id', 60],
  ['email', 60],
  ['first_name', 20],
  ['last_name', 20],
  ['title', 50],
  ['company', 50],
  ['phone', 25],
  ['address_1', 100],
  ['address_2', 100],
  ['city', 20],
  ['province', 50],
  ['country', 50],
  ['postal_code', 15],
  ['website', 255],
  ['language', 2],
  ['feedback', 65_535],
  ['consent_status', 60],
  ['consent_description', 65_535],
]);

/** The maps Envoke's clients send on contact writes (`{ name: "Set" | "Unset" }` or values). */
export const CONTACT_MAP_FIELDS = ['custom_fields', 'interests', 'autoresponders'] as const;

export type LeadRecord = { id: number; contactId: number } & Record<LeadField, string>;

export type ContactRecord = { id: number } & Record<ContactField, string> & {
    custom_fields: Record<string, string>;
    interests: string[];
    autoresponders: string[];
  };

export type WireContact = { id: string } & Record<ContactField, string> & {
    custom_fields: Record<string, string>;
    interests: string[];
    autoresponders: string[];
  };

/** A lead exactly as Envoke sends it: digit-string ids, decimal strings, "" for unset values. */
export type SimLead = { id: string; contact: WireContact } & Record<LeadField, string>;

export function isLeadField(name: string): name is LeadField {
  return (LEAD_FIELDS as readonly string[]).includes(name);
}

export function isContactField(name: string): name is ContactField {
  return (CONTACT_FIELDS as readonly string[]).includes(name);
}
