/**
 * The lead vocabulary shared by every layer: Envoke's lifecycle enums, the fields a triager
 * changes, and the lenient matching Envoke applies to enum spellings.
 *
 * Pure TypeScript + zod: imported by the main process, the preload, the renderer and the simulator.
 */
import { z } from 'zod';

/** Envoke's documented order; the `1`-`5` keys follow it. */
export const MARKETING_STATUSES = [
  'Not applicable',
  'Unprocessed',
  'Passed to sales',
  'Deferred',
  'Lead updated',
] as const;
export const SALES_STATUSES = [
  'Not applicable',
  'Unprocessed',
  'Rated good',
  'Rated bad',
  'Contact attempted',
] as const;
/** `opportunity` and `sale` share one vocabulary. */
export const OUTCOMES = ['None', 'Yes', 'Cancelled'] as const;
/** Ratings are account-configured labels on Envoke's side; these are the ones the keymap offers. */
export const RATINGS = ['Hot', 'Warm', 'Cold'] as const;

export type MarketingStatus = (typeof MARKETING_STATUSES)[number];
export type SalesStatus = (typeof SALES_STATUSES)[number];
export type Outcome = (typeof OUTCOMES)[number];

/** Every field a triager may change (DESIGN.md). Order is the order shown in the detail pane. */
export const TRIAGE_FIELDS = [
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
  'salesperson',
] as const;
export type TriageField = (typeof TRIAGE_FIELDS)[number];

/** Field names as a salesperson reads them: in the app, its activity log and its messages. */
export const FIELD_LABELS: Record<TriageField, string> = {
  marketing_rating_status: 'Marketing status',
  marketing_rating: 'Marketing rating',
  marketing_rating_note: 'Marketing note',
  sales_rating_status: 'Sales status',
  sales_rating: 'Sales rating',
  sales_rating_note: 'Sales note',
  opportunity: 'Opportunity',
  opportunity_note: 'Opportunity note',
  sale: 'Sale',
  sale_note: 'Sale note',
  revenue: 'Revenue',
  cost_of_goods_sold: 'Cost of goods sold',
  salesperson: 'Salesperson',
};

/** Which fixed vocabulary (if any) a field's values come from. */
export const ENUM_FIELDS = {
  marketing_rating_status: MARKETING_STATUSES,
  sales_rating_status: SALES_STATUSES,
  opportunity: OUTCOMES,
  sale: OUTCOMES,
} as const satisfies Partial<Record<TriageField, readonly string[]>>;
export type EnumField = keyof typeof ENUM_FIELDS;

/**
 * Spellings Envoke is known to use for the same value besides case and `_`/space differences.
 * Envoke's Zapier app lists "Open" where the docs say "Unprocessed".
 */
const ENUM_ALIASES: Record<string, string> = { open: 'unprocessed' };

function enumKey(value: string): string {
  const folded = value
    .trim()
    .replace(/[_\s]+/g, ' ')
    .toLowerCase();
  return ENUM_ALIASES[folded] ?? folded;
}

/**
 * Reads any spelling Envoke might use (display form, UPPER_SNAKE, any case, "Open") as the
 * canonical display string, or `undefined` when the value is not in the vocabulary.
 * The empty string stays empty: Envoke shows unset values as "".
 */
export function normalizeEnum<T extends string>(
  value: string,
  vocabulary: readonly T[],
): T | '' | undefined {
  if (value.trim() === '') return '';
  const key = enumKey(value);
  return vocabulary.find((candidate) => enumKey(candidate) === key);
}

export function isEnumField(field: string): field is EnumField {
  return Object.prototype.hasOwnProperty.call(ENUM_FIELDS, field);
}

/** Decimal money as Envoke writes it: a string such as "7595.00"; "" clears it. */
export const MONEY_PATTERN = /^(?:\d{1,12}(?:\.\d{1,2})?)?$/;

/** Envoke's lengths: the forms show them as counters while the person types. */
export const NOTE_MAX_LENGTH = 65_535;
export const LABEL_MAX_LENGTH = 100;

// Length problems get their sentence from the field's label (issue-sentences.ts).
const note = z.string().max(NOTE_MAX_LENGTH);
const label = z.string().trim().max(LABEL_MAX_LENGTH);
const money = (field: TriageField) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = moneyProblem(value, FIELD_LABELS[field]);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    })
    // In Envoke's own form ("12500" is kept as "12500.00"), so the lead, its activity and what
    // Envoke sends back all show one amount the same way.
    .transform((value) => (value === '' ? '' : Number(value).toFixed(2)));

/**
 * Why a typed amount is not one Envoke takes, in the person's terms ("−5" is negative, not a
 * currency sign); null when it is fine.
 */
export function moneyProblem(raw: string, label: string): string | null {
  const text = raw.trim();
  if (MONEY_PATTERN.test(text)) return null;
  const ask = `Use a plain amount such as 7595.00 for ${label.toLowerCase()}`;
  // Any minus: the hyphen, the typographic minus (U+2212), the dashes.
  if (/^[-\u2212\u2013\u2014]/.test(text)) return `${ask}: it cannot be negative`;
  const commas = text.includes(',') ? ' or commas' : '';
  // A sign or code before or after the number: $7,595, 7595 €, USD 7595.
  if (/^(\D+?)\s*[\d.,]+$|^[\d.,]+\s*(\D+)$/.test(text))
    return `${ask}, without a currency sign${commas}`;
  if (commas) return `${ask}, without commas`;
  if (/^\d+\.\d{3,}$/.test(text)) return `${ask}: at most two decimals`;
  if (/^\d{13,}(\.\d+)?$/.test(text)) return `${ask}: at most 12 digits before the point`;
  return ask;
}

/** A value of a fixed vocabulary in any spelling Envoke uses, read as its canonical spelling. */
export function enumValue<T extends string>(vocabulary: readonly [T, ...T[]], what: string) {
  return z.string().transform((raw, ctx) => {
    const value = normalizeEnum(raw, vocabulary);
    if (value === undefined || value === '') {
      ctx.addIssue({
        code: 'custom',
        message: `"${raw}" is not a valid ${what}; use one of: ${vocabulary.join(', ')}`,
      });
      return z.NEVER;
    }
    return value;
  });
}

/** Validators of the triage fields, shared by an update and a new lead so both check the same. */
const triageFieldSchemas = {
  marketing_rating_status: enumValue(MARKETING_STATUSES, 'marketing status'),
  marketing_rating: label,
  marketing_rating_note: note,
  sales_rating_status: enumValue(SALES_STATUSES, 'sales status'),
  sales_rating: label,
  sales_rating_note: note,
  opportunity: enumValue(OUTCOMES, 'opportunity outcome'),
  opportunity_note: note,
  sale: enumValue(OUTCOMES, 'sale outcome'),
  sale_note: note,
  revenue: money('revenue'),
  cost_of_goods_sold: money('cost_of_goods_sold'),
  salesperson: label,
};

/**
 * A person's change to one or more triage fields, validated. Unknown fields are rejected so a
 * typo never reaches Envoke.
 */
export const TriagePatchSchema = z
  .object(triageFieldSchemas)
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'A change must name at least one field');
export type TriagePatch = z.infer<typeof TriagePatchSchema>;

/**
 * Lead fields Envoke's create takes besides the triage fields (envoke-lead-api.md §6.2: those
 * its own Create Lead action sends). `remote_id`, when given, replaces the random key that
 * finds the lead again after a POST whose answer was lost.
 */
export const NEW_LEAD_EXTRA_FIELDS = [
  'remote_id',
  'rule_rating',
  'marketing_user',
  'create_note',
  'marketing_source',
  'marketing_medium',
  'marketing_campaign',
  'visitor_id',
  'visit_id',
  'pageview_id',
] as const;
export type NewLeadExtraField = (typeof NEW_LEAD_EXTRA_FIELDS)[number];

const digits = z
  .string()
  .trim()
  .regex(/^\d{0,20}$/, 'Use the digits of the tracking id only');

/** The lead fields of a new lead: the triage fields validated as an update validates them, and more. */
export const NewLeadFieldsSchema = z
  .object({
    ...triageFieldSchemas,
    remote_id: z
      .string()
      .trim()
      .min(1, 'A remote id cannot be empty')
      .max(60, 'A remote id has at most 60 characters'),
    rule_rating: label,
    marketing_user: label,
    create_note: note,
    marketing_source: label,
    marketing_medium: label,
    marketing_campaign: label,
    visitor_id: digits,
    visit_id: digits,
    pageview_id: digits,
  })
  .partial()
  .strict();
export type NewLeadFields = z.infer<typeof NewLeadFieldsSchema>;

/** Contact fields Envoke documents as writable, with its lengths (envoke-lead-api.md §7.1). */
export const CONTACT_FIELD_LIMITS = {
  first_name: 20,
  last_name: 20,
  title: 50,
  company: 50,
  phone: 25,
  address_1: 100,
  address_2: 100,
  city: 20,
  province: 50,
  country: 50,
  postal_code: 15,
  website: 255,
  language: 2,
  remote_id: 60,
  feedback: 65_535,
  consent_status: 60,
  consent_description: 65_535,
} as const;
export type NewContactField = keyof typeof CONTACT_FIELD_LIMITS;
export const NEW_CONTACT_FIELDS = Object.keys(CONTACT_FIELD_LIMITS) as NewContactField[];

// The length problem is worded from the field's label ("City is limited to 20 characters.").
function limited(max: number) {
  return z.string().trim().max(max);
}

/** The contact of a new lead besides its email. */
export const NewContactSchema = z
  .object(
    Object.fromEntries(
      NEW_CONTACT_FIELDS.map((name) => [name, limited(CONTACT_FIELD_LIMITS[name])]),
    ) as Record<NewContactField, ReturnType<typeof limited>>,
  )
  .partial()
  .strict();
export type NewContact = z.infer<typeof NewContactSchema>;
