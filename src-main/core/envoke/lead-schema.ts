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
} from '../../../src-preload/contract/lead';

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
export interface EnvokeLead
  extends Record<LeadTextField | LeadMoneyField | LeadEnumField | TriageField, string> {
  id: string;
  contact: EnvokeContact;
  [extra: string]: unknown;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text: strings as-is, numbers and booleans as their text, null/absent as "". */
const text = z
  .unknown()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    ctx.addIssue({ code: 'custom', message: `must be text, got ${describe(value)}` });
    return z.NEVER;
  })
  .default('');

/** Envoke writes money as "7595.00"; a number is written back the same way when it has cents. */
const money = text.transform((value, ctx) => {
  void ctx;
  return value;
});

function moneyField() {
  return z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value === 'number') {
        const plain = String(value);
        return /^-?\d+(?:\.\d{1,2})?$/.test(plain) ? value.toFixed(2) : plain;
      }
      return text.parse(value, { reportInput: false }) ?? fail(ctx, value);
    })
    .default('');
}
