/**
 * Seeded demo data. A base lead is a pure function of (seed, position), so a million leads cost
 * only their id array until something reads them; the store materialises leads on demand.
 */
import { type MarketingStatus, type Outcome, type SalesStatus } from '#contract/lead';
import * as data from './generator-data';
import { type ContactRecord, type LeadRecord } from './lead-model';
import { contactExtras } from './contact-extras';
import { Prng, hex32, mixSeed } from './prng';
import { type TimeFormatter } from './time';

/**
 * Generated history ends at a fixed instant, not at "now": the same seed must give the same
 * leads on any day. Two years of leads precede it.
 */
const GENERATED_UNTIL_MS = Date.UTC(2026, 8, 30, 17, 0, 0);
const GENERATED_SPAN_MS = 730 * 24 * 3600 * 1000;
export const FIRST_LEAD_ID = 1001;
const FIRST_CONTACT_ID = 501;
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
/** Salesforce-style lead keys, as a CRM integration would have written them. */
const REMOTE_ID_PREFIX = '00Q5e0000';
const REMOTE_ID_PATTERN = /^00q5e0000(\d{9})$/i;
/** A large prime: stepping through name combinations by it visits each combination once. */
const COMBINATION_STEP = 1_000_003;

export interface GeneratorConfig {
  seed: number;
  leads: number;
  formatTime: TimeFormatter;
}

export class LeadGenerator {
  /** Ids of the base leads, ascending, with the gaps deleted or merged leads leave in Envoke. */
  readonly ids: Uint32Array;
  readonly contactCount: number;
  private readonly seed: number;
  private readonly formatTime: TimeFormatter;
  private readonly slotMs: number;
  private readonly combinationOffset: number;
  private readonly combinations: number;
  private readonly inverseStep: number;

  constructor(config: GeneratorConfig) {
    this.seed = config.seed;
    this.formatTime = config.formatTime;
    this.ids = new Uint32Array(config.leads);
    const gaps = new Prng(mixSeed(config.seed, 0x1d5));
    let id = FIRST_LEAD_ID;
    for (let i = 0; i < config.leads; i++) {
      this.ids[i] = id;
      id += gaps.chance(0.06) ? gaps.between(2, 5) : 1;
    }
    // Leads outnumber contacts: some people submit more than one request over time.
    this.contactCount = Math.ceil((config.leads * 4) / 5);
    this.slotMs = config.leads > 0 ? GENERATED_SPAN_MS / config.leads : GENERATED_SPAN_MS;
    this.combinations =
      data.FIRST_NAMES.length *
      data.LAST_NAMES.length *
      data.COMPANY_PREFIXES.length *
      data.COMPANY_SUFFIXES.length;
    this.combinationOffset = mixSeed(config.seed, 0xc0) % this.combinations;
    this.inverseStep = modularInverse(COMBINATION_STEP % this.combinations, this.combinations);
  }

  contactIndexOfLead(position: number): number {
    return Math.floor((position * 4) / 5);
  }

  contactId(index: number): number {
    return FIRST_CONTACT_ID + index;
  }

  /** The first id after the base contacts, where contacts created through the API start. */
  get nextContactId(): number {
    return FIRST_CONTACT_ID + this.contactCount;
  }

  createMsOfLead(position: number): number {
    const jitter = new Prng(mixSeed(this.seed, position * 2 + 1)).next();
    return (
      Math.floor(
        (GENERATED_UNTIL_MS - GENERATED_SPAN_MS + (position + jitter) * this.slotMs) / 1000,
      ) * 1000
    );
  }

  /** The contact's name and company, unique per contact, so emails are unique too. */
  private identity(index: number) {
    const k = (index * COMBINATION_STEP + this.combinationOffset) % this.combinations;
    const first = data.FIRST_NAMES[k % data.FIRST_NAMES.length] ?? '';
    let rest = Math.floor(k / data.FIRST_NAMES.length);
    const last = data.LAST_NAMES[rest % data.LAST_NAMES.length] ?? '';
    rest = Math.floor(rest / data.LAST_NAMES.length);
    const prefix = data.COMPANY_PREFIXES[rest % data.COMPANY_PREFIXES.length] ?? '';
    const suffix = data.COMPANY_SUFFIXES[Math.floor(rest / data.COMPANY_PREFIXES.length)] ?? '';
    const domain = `${prefix}${suffix}`.toLowerCase() + '.example';
    const email = `${first}.${last}@${domain}`.toLowerCase();
    return { first, last, company: `${prefix} ${suffix}`, domain, email };
  }

  /**
   * One lead in five came from a CRM and carries its key. Decided by its own hash, without
   * generating the lead, so a `remote_id` lookup needs no scan.
   */
  generatedRemoteId(position: number): string {
    const id = this.ids[position];
    if (id === undefined || mixSeed(this.seed ^ 0x3c6ef372, position) % 5 !== 0) return '';
    return `${REMOTE_ID_PREFIX}${String(id).padStart(9, '0')}`;
  }

  /** The position whose generated `remote_id` is `value` (any case), if any. */
  positionOfGeneratedRemoteId(value: string): number | undefined {
    const match = REMOTE_ID_PATTERN.exec(value);
    if (match === null) return undefined;
    const id = Number(match[1]);
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.ids[mid] ?? 0) < id) low = mid + 1;
      else high = mid;
    }
    if (this.ids[low] !== id) return undefined;
    return this.generatedRemoteId(low).toLowerCase() === value.toLowerCase() ? low : undefined;
  }

  private timeOrEmpty(epochMs: number): string {
    return epochMs > 0 ? this.formatTime(epochMs) : '';
  }

  /** Where the contact lives; leads take their region from it. */
  private placeOf(index: number): data.Place {
    const place = data.PLACES[mixSeed(this.seed ^ 0x27d4eb2f, index) % data.PLACES.length];
    if (place === undefined) throw new RangeError('The place list is empty');
    return place;
  }

  contactEmail(index: number): string {
    return this.identity(index).email;
  }

  /**
   * The generated contact whose email this is, worked back from the name and company in it, so
   * finding a contact by email needs no index over a million contacts.
   */
  contactIndexOfEmail(email: string): number | undefined {
    const match = /^([a-z]+)\.([a-z]+)@([a-z]+)\.example$/.exec(email.toLowerCase());
    if (match === null) return undefined;
    const first = FIRST_INDEX.get(match[1] ?? '');
    const last = LAST_INDEX.get(match[2] ?? '');
    const company = DOMAIN_INDEX.get(match[3] ?? '');
    if (first === undefined || last === undefined || company === undefined) return undefined;
    const k = first + data.FIRST_NAMES.length * (last + data.LAST_NAMES.length * company);
    const m = this.combinations;
    const index = (((k - this.combinationOffset + m) % m) * this.inverseStep) % m;
    return index < this.contactCount ? index : undefined;
  }

  contact(index: number): ContactRecord {
    const rng = new Prng(mixSeed(this.seed ^ 0x5bd1e995, index));
    const who = this.identity(index);
    const place = this.placeOf(index);
    const firstLead = Math.ceil((index * 5) / 4);
    const createdMs = this.createMsOfLead(firstLead) - rng.between(1, 120) * 60 * 1000;
    const consent = rng.weighted(data.CONSENT);
    const implied = consent.startsWith('Implied');
    const expiry =
      consent === 'Implied - Inquiry'
        ? createdMs + 182 * DAY
        : consent === 'Implied - Transaction'
          ? createdMs + 730 * DAY
          : 0;
    const interests: string[] = [];
    for (const interest of data.INTERESTS) if (rng.chance(0.25)) interests.push(interest);
    const extras = contactExtras(this.seed, index, createdMs, who.domain);
    return {
      id: this.contactId(index),
      external_id: hex32(rng),
      remote_id: rng.chance(0.3) ? `003${String(index + 1).padStart(12, '0')}` : '',
      email: who.email,
      first_name: who.first,
      last_name: who.last,
      title: rng.pick(data.TITLES),
      company: who.company,
      phone: `${place.dial} 555 01${String(rng.int(100)).padStart(2, '0')}`,
      address_1: `${rng.between(1, 2400)} ${rng.pick(data.STREETS)}`,
      address_2: rng.chance(0.2) ? `Suite ${rng.between(100, 1900)}` : '',
      city: place.city,
      province: place.province,
      country: place.country,
      postal_code: postalCode(place.country, rng),
      website: `https://www.${who.domain}`,
      language: place.language,
      // Decided here, worded by contactExtras: the draws of this generator stay as they were.
      feedback: rng.chance(0.25) ? extras.feedback : '',
      consent_status: consent,
      consent_description:
        consent === 'Express' || implied
          ? rng.pick(['Web form opt-in', 'Demo request form', 'Trade show badge scan'])
          : '',
      consent_effective_date: consent === 'Not provided' ? '' : this.formatTime(createdMs),
      consent_expiry: expiry > 0 ? this.formatTime(expiry) : '',
      date_created: this.formatTime(createdMs),
      custom_fields: {
        ...(rng.chance(0.3) ? { preferred_contact_time: rng.pick(data.CONTACT_TIMES) } : {}),
        ...extras.customFields,
      },
      interests,
      autoresponders: consent === 'Express' && rng.chance(0.5) ? ['Welcome series'] : [],
    };
  }

  lead(position: number): LeadRecord {
    const id = this.ids[position];
    if (id === undefined) throw new RangeError(`No generated lead at position ${position}`);
    const contactIndex = this.contactIndexOfLead(position);
    const rng = new Prng(mixSeed(this.seed, position * 2));
    const createMs = this.createMsOfLead(position);
    const stage = lifecycle(rng, createMs);
    const [source, medium, campaign] = rng.pick(data.ATTRIBUTIONS);
    const tracked = rng.chance(0.7);
    const revenue = stage.sale === 'Yes' ? rng.between(1_500, 60_000) * 100 : 0;
    const passed = stage.marketing === 'Passed to sales';
    return {
      id,
      contactId: this.contactId(contactIndex),
      remote_id: this.generatedRemoteId(position),
      business_unit: rng.pick(data.BUSINESS_UNITS),
      marketing_user: rng.pick(data.MARKETING_USERS),
      salesperson: passed ? rng.pick(data.SALESPEOPLE) : '',
      create_time: this.formatTime(createMs),
      create_note: rng.pick(data.CREATE_NOTES),
      rule_rating: rng.weighted(RATING_WEIGHTS),
      marketing_rating_status: stage.marketing,
      marketing_rating: stage.marketingMs > 0 ? rng.weighted(RATING_WEIGHTS) : '',
      marketing_rating_time: this.timeOrEmpty(stage.marketingMs),
      marketing_rating_note: stage.marketingMs > 0 ? rng.pick(data.MARKETING_NOTES) : '',
      sales_rating_status: stage.sales,
      sales_rating: SALES_RATING[stage.sales],
      sales_rating_time: this.timeOrEmpty(stage.salesMs),
      sales_rating_note: stage.salesMs > 0 ? rng.pick(data.SALES_NOTES) : '',
      opportunity: stage.opportunity,
      opportunity_time: this.timeOrEmpty(stage.opportunityMs),
      opportunity_note: stage.opportunityMs > 0 ? rng.pick(data.OPPORTUNITY_NOTES) : '',
      sale: stage.sale,
      sale_time: this.timeOrEmpty(stage.saleMs),
      sale_note: stage.saleMs > 0 ? rng.pick(data.SALE_NOTES) : '',
      revenue: revenue > 0 ? money(revenue) : '',
      cost_of_goods_sold:
        revenue > 0 ? money(Math.round(revenue * (0.45 + rng.next() * 0.35))) : '',
      lead_region: this.placeOf(contactIndex).region,
      sales_channel: rng.pick(data.SALES_CHANNELS),
      industry: rng.pick(data.INDUSTRIES),
      timing: rng.pick(data.TIMINGS),
      budget: rng.pick(data.BUDGETS),
      marketing_source: source,
      marketing_medium: medium,
      marketing_campaign: campaign,
      visitor_id: tracked ? String(createMs - rng.between(1, 90) * DAY + rng.int(1000)) : '',
      visit_id: tracked ? String(createMs - rng.between(1, 40) * 60 * 1000 + rng.int(1000)) : '',
      pageview_id: tracked ? String(createMs - rng.int(60_000)) : '',
    };
  }
}

const indexOf = (words: readonly string[]): Map<string, number> =>
  new Map(words.map((word, index) => [word.toLowerCase(), index]));
const FIRST_INDEX = indexOf(data.FIRST_NAMES);
const LAST_INDEX = indexOf(data.LAST_NAMES);
/** Company number `prefix + prefixes * suffix`, keyed by the domain name it gives. */
const DOMAIN_INDEX = new Map(
  data.COMPANY_SUFFIXES.flatMap((suffix, s) =>
    data.COMPANY_PREFIXES.map((prefix, p): [string, number] => [
      `${prefix}${suffix}`.toLowerCase(),
      p + data.COMPANY_PREFIXES.length * s,
    ]),
  ),
);

/** x such that a * x = 1 (mod m), for a coprime with m (extended Euclid). */
function modularInverse(a: number, m: number): number {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1) throw new RangeError(`${a} has no inverse modulo ${m}`);
  return ((oldS % m) + m) % m;
}

const RATING_WEIGHTS = [
  ['Hot', 3],
  ['Warm', 4],
  ['Cold', 3],
] as const;

const SALES_RATING: Record<SalesStatus, string> = {
  'Not applicable': '',
  Unprocessed: '',
  'Rated good': 'Contacted: Good',
  'Rated bad': 'Contacted: Bad',
  'Contact attempted': 'Unable to contact',
};

const MARKETING_WEIGHTS: readonly (readonly [MarketingStatus, number])[] = [
  ['Unprocessed', 25],
  ['Passed to sales', 45],
  ['Deferred', 15],
  ['Not applicable', 8],
  ['Lead updated', 7],
];
const SALES_WEIGHTS: readonly (readonly [SalesStatus, number])[] = [
  ['Unprocessed', 20],
  ['Rated good', 40],
  ['Rated bad', 15],
  ['Contact attempted', 25],
];
const OPPORTUNITY_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ['None', 45],
  ['Yes', 45],
  ['Cancelled', 10],
];
const SALE_WEIGHTS: readonly (readonly [Outcome, number])[] = [
  ['None', 40],
  ['Yes', 45],
  ['Cancelled', 15],
];

interface Stage {
  marketing: MarketingStatus;
  marketingMs: number;
  sales: SalesStatus;
  salesMs: number;
  opportunity: Outcome;
  opportunityMs: number;
  sale: Outcome;
  saleMs: number;
}

/**
 * Walks a lead through Envoke's lifecycle in order, so a sale implies an opportunity, a good
 * sales rating and a pass to sales. A step that would land after the end of the generated history
 * has not happened yet, which leaves recent leads less advanced, as in a live account.
 */
function lifecycle(rng: Prng, createMs: number): Stage {
  const stage: Stage = {
    marketing: 'Unprocessed',
    marketingMs: 0,
    sales: 'Not applicable',
    salesMs: 0,
    opportunity: 'None',
    opportunityMs: 0,
    sale: 'None',
    saleMs: 0,
  };
  const marketing = rng.weighted(MARKETING_WEIGHTS);
  const marketingMs = createMs + rng.between(10, 7 * 24 * 60) * 60 * 1000;
  if (marketing === 'Unprocessed' || marketingMs > GENERATED_UNTIL_MS) return stage;
  stage.marketing = marketing;
  stage.marketingMs = marketingMs;
  if (marketing !== 'Passed to sales') return stage;

  stage.sales = 'Unprocessed';
  const sales = rng.weighted(SALES_WEIGHTS);
  const salesMs = marketingMs + rng.between(1, 10 * 24) * HOUR;
  if (sales === 'Unprocessed' || salesMs > GENERATED_UNTIL_MS) return stage;
  stage.sales = sales;
  stage.salesMs = salesMs;
  if (sales !== 'Rated good') return stage;

  const opportunity = rng.weighted(OPPORTUNITY_WEIGHTS);
  const opportunityMs = salesMs + rng.between(1, 30) * DAY;
  if (opportunity === 'None' || opportunityMs > GENERATED_UNTIL_MS) return stage;
  stage.opportunity = opportunity;
  stage.opportunityMs = opportunityMs;
  if (opportunity !== 'Yes') return stage;

  const sale = rng.weighted(SALE_WEIGHTS);
  const saleMs = opportunityMs + rng.between(5, 90) * DAY;
  if (sale === 'None' || saleMs > GENERATED_UNTIL_MS) return stage;
  stage.sale = sale;
  stage.saleMs = saleMs;
  return stage;
}

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Fills a pattern: `A` becomes a letter, `9` a digit. */
function fillPattern(pattern: string, rng: Prng): string {
  let out = '';
  for (const char of pattern) {
    out += char === 'A' ? LETTERS[rng.int(26)] : char === '9' ? String(rng.int(10)) : char;
  }
  return out;
}

const POSTAL_PATTERNS: Record<string, string> = { CA: 'A9A 9A9', US: '99999', GB: 'AA9 9AA' };

function postalCode(country: string, rng: Prng): string {
  return fillPattern(POSTAL_PATTERNS[country] ?? '99999', rng);
}
