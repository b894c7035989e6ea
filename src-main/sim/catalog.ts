/**
 * What a simulated account has set up besides its leads: its name (`GET /v1/settings`), its
 * custom field definitions, its interests (tags and subscriptions) and its autoresponders, with
 * the ids Envoke's lookup routes answer with. Contacts name interests and autoresponders by
 * name; Envoke's own Zapier app writes them by id, which resolve to the name here.
 */
import * as data from './generator-data';
import { Prng, hex32, mixSeed } from './prng';

export const CUSTOM_FIELD_TYPES = ['text', 'note', 'date', 'url'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** `GET /v2/customfields`: `name` is the key contacts use, `description` the label people read. */
export interface CustomFieldDefinition {
  id: string;
  name: string;
  description: string;
  field_type: CustomFieldType;
}

/** `GET /v2/interests`. */
export interface InterestDefinition {
  id: string;
  external_id: string;
  type: 'interest' | 'subscription';
  name: string;
  group: string;
  description: string;
  display_names: { en: string; fr: string };
}

export interface Autoresponder {
  id: string;
  name: string;
}

/** Envoke's rule for custom field names (Custom Field API, fields reference). */
export const CUSTOM_FIELD_NAME = /^[A-Za-z0-9_]+$/;

/** The fields the demo's contacts carry (generator.ts) and the one of Envoke's own example lead. */
const CUSTOM_FIELDS: readonly Omit<CustomFieldDefinition, 'id'>[] = [
  { name: 'preferred_contact_time', description: 'Preferred contact time', field_type: 'text' },
  { name: 'widget_name', description: 'Widget of interest', field_type: 'text' },
  { name: 'first_purchase_date', description: 'First purchase', field_type: 'date' },
  { name: 'order_portal', description: 'Order portal', field_type: 'url' },
  { name: 'visit_notes', description: 'Notes from the visit', field_type: 'note' },
];

const INTERESTS: readonly (readonly [string, string, InterestDefinition['type']])[] = [
  ...data.INTERESTS.map((name) => [name, 'Topics', 'interest'] as const),
  ['International', 'Markets', 'interest'],
  ['Consumer', 'Markets', 'interest'],
  ['Monthly newsletter', 'Email', 'subscription'],
];

const AUTORESPONDERS = ['Welcome series', 'Marketing Sequence 1', 'Whitepaper Download'];

export class SimCatalog {
  readonly customFields: CustomFieldDefinition[];
  readonly interests: InterestDefinition[];
  readonly autoresponders: Autoresponder[];

  constructor(
    readonly accountName: string,
    seed: number,
  ) {
    this.customFields = CUSTOM_FIELDS.map((field, i) => ({ id: String(i + 1), ...field }));
    const rng = new Prng(mixSeed(seed, 0x7a65));
    this.interests = INTERESTS.map(([name, group, type], i) => ({
      id: String(1201 + i),
      external_id: hex32(rng),
      type,
      name,
      group,
      description: '',
      display_names: { en: '', fr: '' },
    }));
    this.autoresponders = AUTORESPONDERS.map((name, i) => ({ id: String(301 + i), name }));
  }

  /** The interest a write names, by id or by name (any case); other names are taken as given. */
  interestName(key: string): string {
    return resolve(key, this.interests);
  }

  autoresponderName(key: string): string {
    return resolve(key, this.autoresponders);
  }

  /** Whether a write's key is an id none of `kind` has (ids are digits; names rarely are). */
  unknownId(kind: 'interests' | 'autoresponders', key: string): boolean {
    const list = kind === 'interests' ? this.interests : this.autoresponders;
    return /^\d+$/.test(key) && !list.some((item) => item.id === key || item.name === key);
  }
}

function resolve(key: string, list: readonly { id: string; name: string }[]): string {
  const byId = list.find((item) => item.id === key);
  if (byId !== undefined) return byId.name;
  const folded = key.trim().toLowerCase();
  return list.find((item) => item.name.toLowerCase() === folded)?.name ?? key.trim();
}
