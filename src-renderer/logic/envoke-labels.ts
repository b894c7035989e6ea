/**
 * Envoke's lead and contact fields as a salesperson reads them, for the detail pane and its
 * "All fields": never the raw key where Envoke's meaning is known.
 */

export const LEAD_LABELS: Readonly<Record<string, string>> = {
  id: 'Envoke lead ID',
  remote_id: 'Remote ID',
  business_unit: 'Business unit',
  marketing_user: 'Marketing user',
  salesperson: 'Salesperson',
  create_time: 'Created',
  create_note: 'Create note',
  rule_rating: 'Rule rating',
  marketing_rating_status: 'Marketing status',
  marketing_rating: 'Marketing rating',
  marketing_rating_time: 'Marketing status set',
  marketing_rating_note: 'Marketing note',
  sales_rating_status: 'Sales status',
  sales_rating: 'Sales rating',
  sales_rating_time: 'Sales status set',
  sales_rating_note: 'Sales note',
  opportunity: 'Opportunity',
  opportunity_time: 'Opportunity set',
  opportunity_note: 'Opportunity note',
  sale: 'Sale',
  sale_time: 'Sale set',
  sale_note: 'Sale note',
  revenue: 'Revenue',
  cost_of_goods_sold: 'Cost of goods sold',
  lead_region: 'Region',
  sales_channel: 'Sales channel',
  industry: 'Industry',
  timing: 'Timing',
  budget: 'Budget',
  marketing_source: 'Source',
  marketing_medium: 'Medium',
  marketing_campaign: 'Campaign',
  visitor_id: 'Visitor ID',
  visit_id: 'Visit ID',
  pageview_id: 'Page view ID',
  contact: 'Contact',
};

export const CONTACT_LABELS: Readonly<Record<string, string>> = {
  id: 'Contact ID',
  external_id: 'External ID',
  remote_id: 'Contact remote ID',
  email: 'Email',
  first_name: 'First name',
  last_name: 'Last name',
  title: 'Title',
  company: 'Company',
  phone: 'Phone',
  address_1: 'Address',
  address_2: 'Address line 2',
  city: 'City',
  province: 'Province',
  country: 'Country',
  postal_code: 'Postal code',
  website: 'Website',
  language: 'Language',
  feedback: 'Message',
  consent_status: 'Consent',
  consent_description: 'Consent description',
  consent_effective_date: 'Consent since',
  consent_expiry: 'Consent expires',
  date_created: 'Contact created',
  custom_fields: 'Custom fields',
  interests: 'Interests',
  autoresponders: 'Autoresponders',
};

const own = (labels: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(labels, key) ? labels[key] : undefined;

/** A key this app does not know is shown as Envoke sent it: it is what Envoke's docs call it. */
export function leadLabel(key: string): string {
  return own(LEAD_LABELS, key) ?? key;
}

export function contactLabel(key: string): string {
  return own(CONTACT_LABELS, key) ?? key;
}
