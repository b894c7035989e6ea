/**
 * Builds the objects sent on the wire. Written as literals, field by field, because a list query
 * may build a hundred thousand of them and literal shapes are several times faster to create
 * than objects filled key by key.
 */
import { type ContactRecord, type LeadRecord, type SimLead, type WireContact } from './lead-model';

export function wireLead(lead: LeadRecord, contact: ContactRecord): SimLead {
  return {
    id: String(lead.id),
    contact: wireContact(contact),
    remote_id: lead.remote_id,
    business_unit: lead.business_unit,
    marketing_user: lead.marketing_user,
    salesperson: lead.salesperson,
    create_time: lead.create_time,
    create_note: lead.create_note,
    rule_rating: lead.rule_rating,
    marketing_rating_status: lead.marketing_rating_status,
    marketing_rating: lead.marketing_rating,
    marketing_rating_time: lead.marketing_rating_time,
    marketing_rating_note: lead.marketing_rating_note,
    sales_rating_status: lead.sales_rating_status,
    sales_rating: lead.sales_rating,
    sales_rating_time: lead.sales_rating_time,
    sales_rating_note: lead.sales_rating_note,
    opportunity: lead.opportunity,
    opportunity_time: lead.opportunity_time,
    opportunity_note: lead.opportunity_note,
    sale: lead.sale,
    sale_time: lead.sale_time,
    sale_note: lead.sale_note,
    revenue: lead.revenue,
    cost_of_goods_sold: lead.cost_of_goods_sold,
    lead_region: lead.lead_region,
    sales_channel: lead.sales_channel,
    industry: lead.industry,
    timing: lead.timing,
    budget: lead.budget,
    marketing_source: lead.marketing_source,
    marketing_medium: lead.marketing_medium,
    marketing_campaign: lead.marketing_campaign,
    visitor_id: lead.visitor_id,
    visit_id: lead.visit_id,
    pageview_id: lead.pageview_id,
  };
}

export function wireContact(contact: ContactRecord): WireContact {
  return {
    id: String(contact.id),
    external_id: contact.external_id,
    remote_id: contact.remote_id,
    email: contact.email,
    first_name: contact.first_name,
    last_name: contact.last_name,
    title: contact.title,
    company: contact.company,
    phone: contact.phone,
    address_1: contact.address_1,
    address_2: contact.address_2,
    city: contact.city,
    province: contact.province,
    country: contact.country,
    postal_code: contact.postal_code,
    website: contact.website,
    language: contact.language,
    feedback: contact.feedback,
    consent_status: contact.consent_status,
    consent_description: contact.consent_description,
    consent_effective_date: contact.consent_effective_date,
    consent_expiry: contact.consent_expiry,
    date_created: contact.date_created,
    custom_fields: { ...contact.custom_fields },
    interests: [...contact.interests],
    autoresponders: [...contact.autoresponders],
  };
}
