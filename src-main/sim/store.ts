/**
 * All leads and contacts of one simulated Envoke account, in id order. Seeded leads stay
 * generated-on-read until something writes to them; written and created records are kept.
 */
import { SimNotFoundError, SimValidationError } from './errors';
import { type LeadRow } from './field-paths';
import { FIRST_LEAD_ID, LeadGenerator } from './generator';
import {
  CONTACT_FIELDS,
  type ContactRecord,
  LEAD_FIELDS,
  type LeadField,
  type LeadRecord,
  STAGE_TIME_FIELD,
  type SimLead,
} from './lead-model';
import { Prng, hex32, mixSeed } from './prng';
import { type Clock, type TimeFormatter } from './time';
import { wireLead } from './wire-shape';
import {
  type ContactInput,
  type LeadChanges,
  consentNeedsDescription,
  parseLeadWrite,
} from './write-rules';

export interface SimLeadStoreConfig {
  seed: number;
  leads: number;
  clock: Clock;
  formatTime: TimeFormatter;
}

/** What a lead created without those fields starts as. */
const NEW_LEAD_DEFAULTS: Partial<Record<LeadField, string>> = {
  marketing_rating_status: 'Unprocessed',
  sales_rating_status: 'Not applicable',
  opportunity: 'None',
  sale: 'None',
};

export class SimLeadStore {
  private readonly generator: LeadGenerator;
  private readonly seed: number;
  private readonly clock: Clock;
  private readonly formatTime: TimeFormatter;
  private readonly writtenLeads = new Map<number, LeadRecord>();
  private readonly createdLeads: LeadRecord[] = [];
  private readonly writtenContacts = new Map<number, ContactRecord>();
  private readonly createdContacts: ContactRecord[] = [];
  /** Lower-cased `remote_id` -> ids, for written and created leads (generated ones are derived). */
  private readonly remoteIds = new Map<string, Set<number>>();
  /** Lower-cased email -> id of written and created contacts; generated ones are derived. */
  private readonly emails = new Map<string, number>();

  constructor(config: SimLeadStoreConfig) {
    this.seed = config.seed;
    this.clock = config.clock;
    this.formatTime = config.formatTime;
    this.generator = new LeadGenerator(config);
  }

  count(): number {
    return this.generator.ids.length + this.createdLeads.length;
  }

  contactCount(): number {
    return this.generator.contactCount + this.createdContacts.length;
  }

  /** Id of the lead at `position` in ascending id order. */
  idAt(position: number): number {
    const base = this.generator.ids;
    if (position < base.length) return base[position] ?? -1;
    return this.createdLeads[position - base.length]?.id ?? -1;
  }

  /** Position of the first lead whose id is at least `id` (`count()` when there is none). */
  lowerBound(id: number): number {
    let low = 0;
    let high = this.count();
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.idAt(mid) < id) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  positionOf(id: number): number {
    const position = this.lowerBound(id);
    return position < this.count() && this.idAt(position) === id ? position : -1;
  }

  /** The lead at `position`, as Envoke would send it (display spellings). */
  at(position: number): SimLead {
    return this.compose(this.recordAt(position));
  }

  /** The lead at `position` for filtering and sorting: its contact is built only if asked for. */
  rowAt(position: number): LeadRow {
    const lead = this.recordAt(position);
    let contact: ContactRecord | undefined;
    return {
      lead,
      contact: () => (contact ??= this.requireContact(lead.contactId)),
    };
  }

  /** Positions of the leads whose `remote_id` equals `value` (any case), ascending. */
  positionsWithRemoteId(value: string): number[] {
    const positions: number[] = [];
    const generated = this.generator.positionOfGeneratedRemoteId(value);
    if (generated !== undefined && !this.writtenLeads.has(this.idAt(generated)))
      positions.push(generated);
    for (const id of this.remoteIds.get(value.toLowerCase()) ?? [])
      positions.push(this.positionOf(id));
    return positions.sort((a, b) => a - b);
  }

  get(id: string | number): SimLead | undefined {
    const numeric = parseId(id);
    if (numeric === undefined) return undefined;
    const position = this.positionOf(numeric);
    return position < 0 ? undefined : this.at(position);
  }

  all(): SimLead[] {
    const leads: SimLead[] = new Array<SimLead>(this.count());
    for (let i = 0; i < leads.length; i++) leads[i] = this.at(i);
    return leads;
  }

  /**
   * Applies a partial update with Envoke's rules (lenient enums, `*_time` stamped on a stage
   * change). Used for API PATCHes and for changes "someone made in Envoke's UI".
   */
  edit(id: string | number, patch: unknown): SimLead {
    const numeric = parseId(id);
    const position = numeric === undefined ? -1 : this.positionOf(numeric);
    if (numeric === undefined || position < 0) throw new SimNotFoundError(String(id));
    const write = parseLeadWrite(patch, 'update', String(numeric));
    const previous = this.recordAt(position);
    const lead = { ...previous };
    const now = this.formatTime(this.clock().getTime());
    const contact =
      write.contact === undefined ? undefined : this.changedContact(lead.contactId, write.contact);
    applyLeadChanges(lead, write.fields, now);
    if (contact !== undefined) this.saveContact(contact);
    this.forgetRemoteId(previous);
    if (position < this.generator.ids.length) this.writtenLeads.set(lead.id, lead);
    else this.createdLeads[position - this.generator.ids.length] = lead;
    this.rememberRemoteId(lead);
    return this.compose(lead);
  }

  /** Creates a lead and finds its contact by id or email, or creates the contact (POST). */
  insert(body: unknown): SimLead {
    const write = parseLeadWrite(body, 'create');
    const now = this.formatTime(this.clock().getTime());
    const contactInput = write.contact ?? { fields: {} };
    const contactId = this.findContact(contactInput) ?? this.createContact(contactInput, now);
    const lastId = this.count() > 0 ? this.idAt(this.count() - 1) : FIRST_LEAD_ID - 1;
    const lead = { id: lastId + 1, contactId } as LeadRecord;
    for (const field of LEAD_FIELDS) lead[field] = NEW_LEAD_DEFAULTS[field] ?? '';
    lead.create_time = now;
    applyLeadChanges(lead, write.fields, now);
    this.createdLeads.push(lead);
    this.rememberRemoteId(lead);
    return this.compose(lead);
  }

  private recordAt(position: number): LeadRecord {
    const base = this.generator.ids;
    if (position < base.length) {
      const id = base[position] ?? -1;
      return this.writtenLeads.get(id) ?? this.generator.lead(position);
    }
    const created = this.createdLeads[position - base.length];
    if (created === undefined) throw new RangeError(`No lead at position ${position}`);
    return created;
  }

  private rememberRemoteId(lead: LeadRecord): void {
    if (lead.remote_id === '') return;
    const key = lead.remote_id.toLowerCase();
    const ids = this.remoteIds.get(key) ?? new Set<number>();
    ids.add(lead.id);
    this.remoteIds.set(key, ids);
  }

  private forgetRemoteId(lead: LeadRecord): void {
    const key = lead.remote_id.toLowerCase();
    const ids = this.remoteIds.get(key);
    ids?.delete(lead.id);
    if (ids?.size === 0) this.remoteIds.delete(key);
  }

  private requireContact(id: number): ContactRecord {
    const contact = this.contactRecord(id);
    if (contact === undefined) throw new RangeError(`A lead points at missing contact ${id}`);
    return contact;
  }

  private contactRecord(id: number): ContactRecord | undefined {
    const written = this.writtenContacts.get(id);
    if (written !== undefined) return written;
    const next = this.generator.nextContactId;
    if (id >= next) return this.createdContacts[id - next];
    const index = id - this.generator.contactId(0);
    return index >= 0 ? this.generator.contact(index) : undefined;
  }

  private compose(lead: LeadRecord): SimLead {
    return wireLead(lead, this.requireContact(lead.contactId));
  }

  /** The contact that has this email now (any case), if any. */
  private contactWithEmail(email: string): number | undefined {
    const key = email.toLowerCase();
    const known = this.emails.get(key);
    if (known !== undefined) return known;
    const index = this.generator.contactIndexOfEmail(key);
    if (index === undefined) return undefined;
    const id = this.generator.contactId(index);
    const written = this.writtenContacts.get(id);
    return written === undefined || written.email.toLowerCase() === key ? id : undefined;
  }

  private findContact(input: ContactInput): number | undefined {
    if (input.id !== undefined) {
      if (this.contactRecord(input.id) === undefined) {
        throw new SimValidationError([`Contact with id '${input.id}' not found`]);
      }
      return input.id;
    }
    // An existing contact is reused as is: leads are many-to-one with contacts (§6.4).
    const email = input.fields.email;
    return email === undefined ? undefined : this.contactWithEmail(email);
  }

  private createContact(input: ContactInput, now: string): number {
    const contact = {
      id: this.generator.nextContactId + this.createdContacts.length,
    } as ContactRecord;
    for (const field of CONTACT_FIELDS) contact[field] = input.fields[field] ?? '';
    contact.consent_status ||= 'Not provided';
    if (
      consentNeedsDescription(contact.consent_status) &&
      contact.consent_description.trim() === ''
    ) {
      throw new SimValidationError([
        `'contact.consent_description' is required when consent is Express or Implied`,
      ]);
    }
    contact.external_id = hex32(new Prng(mixSeed(this.seed, contact.id)));
    contact.date_created = now;
    contact.consent_effective_date = contact.consent_status === 'Not provided' ? '' : now;
    contact.custom_fields = { ...input.custom_fields };
    contact.interests = applyTags([], input.interests);
    contact.autoresponders = applyTags([], input.autoresponders);
    this.createdContacts.push(contact);
    this.emails.set(contact.email.toLowerCase(), contact.id);
    return contact.id;
  }

  /** The lead's contact with a PATCH's nested contact fields applied; validated, not saved. */
  private changedContact(id: number, input: ContactInput): ContactRecord {
    const current = this.requireContact(id);
    if (input.id !== undefined && input.id !== id) {
      throw new SimValidationError([`'contact.id' is read-only: a lead keeps its contact`]);
    }
    const email = input.fields.email;
    if (email !== undefined && email.toLowerCase() !== current.email.toLowerCase()) {
      const owner = this.contactWithEmail(email);
      if (owner !== undefined && owner !== id) {
        throw new SimValidationError([`A contact with email '${email}' already exists`]);
      }
    }
    const next: ContactRecord = { ...current, ...input.fields };
    if (
      input.fields.consent_status !== undefined &&
      input.fields.consent_status !== current.consent_status
    ) {
      if (consentNeedsDescription(next.consent_status) && next.consent_description.trim() === '') {
        throw new SimValidationError([
          `'contact.consent_description' is required when consent is Express or Implied`,
        ]);
      }
      next.consent_effective_date = this.formatTime(this.clock().getTime());
    }
    next.custom_fields = { ...current.custom_fields, ...input.custom_fields };
    next.interests = applyTags(current.interests, input.interests);
    next.autoresponders = applyTags(current.autoresponders, input.autoresponders);
    return next;
  }

  private saveContact(contact: ContactRecord): void {
    const previous = this.contactRecord(contact.id);
    if (previous !== undefined && this.emails.get(previous.email.toLowerCase()) === contact.id) {
      this.emails.delete(previous.email.toLowerCase());
    }
    this.emails.set(contact.email.toLowerCase(), contact.id);
    const next = this.generator.nextContactId;
    if (contact.id >= next) this.createdContacts[contact.id - next] = contact;
    else this.writtenContacts.set(contact.id, contact);
  }
}

function applyLeadChanges(lead: LeadRecord, changes: LeadChanges, now: string): void {
  for (const field of LEAD_FIELDS) {
    const value = changes[field];
    if (value === undefined) continue;
    const timeField = (STAGE_TIME_FIELD as Partial<Record<LeadField, LeadField>>)[field];
    if (timeField !== undefined && lead[field] !== value) lead[timeField] = now;
    lead[field] = value;
  }
}

/** Tags are appended or removed by name, never replaced wholesale (Envoke's upsert rule). */
function applyTags(
  current: readonly string[],
  changes: Record<string, boolean> | undefined,
): string[] {
  if (changes === undefined) return [...current];
  const tags = current.filter((tag) => changes[tag] !== false);
  for (const [tag, set] of Object.entries(changes)) if (set && !tags.includes(tag)) tags.push(tag);
  return tags;
}

function parseId(id: string | number): number | undefined {
  const text = String(id);
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
