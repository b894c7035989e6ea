/**
 * Envoke's lead and contact fields (envoke-lead-api.md §6.2 and §7.1), in Envoke's order, with
 * how each travels on the wire. The one list both sides of the API are built from: the client's
 * reader (src-main/core/envoke/lead-fields.ts) and the simulator's model (src-main/sim/lead-model.ts),
 * so a field added here is read by the app and served by the simulator alike.
 *
 * Every value is a string on the wire ("" when unset): `text` is any text, `money` a decimal
 * string such as "7595.00", and an enum field names its vocabulary.
 */
import { MARKETING_STATUSES, OUTCOMES, SALES_STATUSES } from './lead';

export type EnvokeFieldKind = 'text' | 'money' | readonly string[];

/** Every lead field besides `id` and `contact`. */
export const ENVOKE_LEAD_FIELDS = {
  remote_id: 'text',
  business_unit: 'text',
  marketing_user: 'text',
  salesperson: 'text',
  create_time: 'text',
  create_note: 'text',
  rule_rating: 'text',
  marketing_rating_status: MARKETING_STATUSES,
  marketing_rating: 'text',
  marketing_rating_time: 'text',
  marketing_rating_note: 'text',
  sales_rating_status: SALES_STATUSES,
  sales_rating: 'text',
  sales_rating_time: 'text',
  sales_rating_note: 'text',
  opportunity: OUTCOMES,
  opportunity_time: 'text',
  opportunity_note: 'text',
  sale: OUTCOMES,
  sale_time: 'text',
  sale_note: 'text',
  revenue: 'money',
  cost_of_goods_sold: 'money',
  lead_region: 'text',
  sales_channel: 'text',
  industry: 'text',
  timing: 'text',
  budget: 'text',
  marketing_source: 'text',
  marketing_medium: 'text',
  marketing_campaign: 'text',
  visitor_id: 'text',
  visit_id: 'text',
  pageview_id: 'text',
} as const satisfies Record<string, EnvokeFieldKind>;

type LeadFieldKinds = typeof ENVOKE_LEAD_FIELDS;
export type EnvokeLeadField = keyof LeadFieldKinds;
type LeadFieldsOf<K> = {
  [F in EnvokeLeadField]: LeadFieldKinds[F] extends K ? F : never;
}[EnvokeLeadField];
export type EnvokeTextField = LeadFieldsOf<'text'>;
export type EnvokeMoneyField = LeadFieldsOf<'money'>;
export type EnvokeEnumField = LeadFieldsOf<readonly string[]>;

export const ENVOKE_LEAD_FIELD_NAMES = Object.keys(ENVOKE_LEAD_FIELDS) as EnvokeLeadField[];

function namesOf<K extends EnvokeFieldKind>(test: (kind: EnvokeFieldKind) => boolean) {
  return ENVOKE_LEAD_FIELD_NAMES.filter((name) => test(ENVOKE_LEAD_FIELDS[name])) as Array<
    LeadFieldsOf<K>
  >;
}

export const ENVOKE_TEXT_FIELDS = namesOf<'text'>((kind) => kind === 'text');
export const ENVOKE_MONEY_FIELDS = namesOf<'money'>((kind) => kind === 'money');
/** The enum fields and their vocabularies. */
export const ENVOKE_ENUM_VOCABULARIES = Object.fromEntries(
  ENVOKE_LEAD_FIELD_NAMES.flatMap((name) => {
    const kind: EnvokeFieldKind = ENVOKE_LEAD_FIELDS[name];
    return typeof kind === 'string' ? [] : [[name, kind]];
  }),
) as { [F in EnvokeEnumField]: LeadFieldKinds[F] };

/** Plain text fields of a contact, besides its `id` and its maps. */
export const ENVOKE_CONTACT_FIELDS = [
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
export type EnvokeContactField = (typeof ENVOKE_CONTACT_FIELDS)[number];
