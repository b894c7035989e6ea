/**
 * All leads and contacts of one simulated Envoke account, in id order. Seeded leads stay
 * generated-on-read until something writes to them; written and created records are kept.
 */
import { SimCatalog } from './catalog';
import { ContactBook, type ContactBookState } from './contact-book';
import { SimNotFoundError, SimStateError, SimValidationError } from './errors';
import { type LeadRow } from './field-paths';
import { FIRST_LEAD_ID, LeadGenerator } from './generator';
import {
  type ContactRecord,
  LEAD_FIELDS,
  type LeadField,
  type LeadRecord,
  STAGE_TIME_FIELD,
  type SimLead,
} from './lead-model';
import { type Clock, type TimeFormatter } from './time';
import { wireLead } from './wire-shape';
import { type LeadChanges, type LeadWrite, parseLeadWrite } from './write-rules';

export interface SimLeadStoreConfig {
  seed: number;
  leads: number;
  clock: Clock;
  formatTime: TimeFormatter;
  /** The account's name and lookup lists; a default account when absent. */
  catalog?: SimCatalog;
}

/** What a state file keeps of a store: every lead and contact that differs from the seed. */
export interface SimStoreState {
  writtenLeads: LeadRecord[];
  createdLeads: LeadRecord[];
  contacts: ContactBookState;
}

export const DEFAULT_ACCOUNT_NAME = 'Envoke demo account';

/** What a lead created without those fields starts as. */
const NEW_LEAD_DEFAULTS: Partial<Record<LeadField, string>> = {
  marketing_rating_status: 'Unprocessed',
  sales_rating_status: 'Not applicable',
  opportunity: 'None',
  sale: 'None',
};

export class SimLeadStore {
  readonly contacts: ContactBook;
  readonly catalog: SimCatalog;
  private readonly generator: LeadGenerator;
  private readonly clock: Clock;
  private readonly formatTime: TimeFormatter;
  private readonly writtenLeads = new Map<number, LeadRecord>();
  private createdLeads: LeadRecord[] = [];
  /** Lower-cased `remote_id` -> ids, for written and created leads (generated ones are derived). */
  private readonly remoteIds = new Map<string, Set<number>>();

  /** The seed and the number of seeded leads, which a state file is only good for. */
  readonly seed: number;
  readonly seededLeads: number;

  constructor(config: SimLeadStoreConfig) {
    this.seed = config.seed;
    this.seededLeads = config.leads;
    this.clock = config.clock;
    this.formatTime = config.formatTime;
    this.generator = new LeadGenerator(config);
    this.catalog = config.catalog ?? new SimCatalog(DEFAULT_ACCOUNT_NAME, config.seed);
    this.contacts = new ContactBook(this.generator, config.seed, this.catalog);
  }

  count(): number {
    return this.generator.ids.length + this.createdLeads.length;
  }

  contactCount(): number {
    return this.contacts.count();
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
      contact: () => (contact ??= this.contacts.require(lead.contactId)),
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
    const now = this.now();
    if (write.contact?.id !== undefined && write.contact.id !== lead.contactId) {
      throw new SimValidationError([`'contact.id' is read-only: a lead keeps its contact`]);
    }
    const contact =
      write.contact === undefined
        ? undefined
        : this.contacts.changed(lead.contactId, write.contact, now);
    applyLeadChanges(lead, write.fields, now);
    if (contact !== undefined) this.contacts.save(contact);
    this.forgetRemoteId(previous);
    if (position < this.generator.ids.length) this.writtenLeads.set(lead.id, lead);
    else this.createdLeads[position - this.generator.ids.length] = lead;
    this.rememberRemoteId(lead);
    return this.compose(lead);
  }

  /** Creates a lead and finds its contact by id or email, or creates the contact (POST). */
  insert(body: unknown): SimLead {
    return this.add(parseLeadWrite(body, 'create'), false);
  }

  /**
   * A lead as Envoke would hold it, read-only fields included (business unit, marketing user,
   * times), for the `/_sim/leads` control: a test puts any lead on screen, Envoke's own example
   * among them. Its contact's fields are written over an existing contact with that email.
   */
  seedLead(body: unknown): SimLead {
    return this.add(parseLeadWrite(body, 'seed'), true);
  }

  /** Everything written or created since the seeded start, for a state file (state-file.ts). */
  snapshot(): SimStoreState {
    return {
      writtenLeads: [...this.writtenLeads.values()],
      createdLeads: [...this.createdLeads],
      contacts: this.contacts.snapshot(),
    };
  }

  /** Throws SimStateError when the state cannot belong to these seeded leads. */
  restore(state: SimStoreState): void {
    let last = this.generator.ids[this.generator.ids.length - 1] ?? FIRST_LEAD_ID - 1;
    for (const lead of state.createdLeads) {
      if (lead.id <= last)
        throw new SimStateError(`created lead ${lead.id} does not follow lead ${last}`);
      last = lead.id;
    }
    for (const lead of state.writtenLeads) {
      if (this.positionOf(lead.id) < 0 || lead.id > (this.generator.ids.at(-1) ?? 0))
        throw new SimStateError(`written lead ${lead.id} is not one of the seeded leads`);
    }
    this.contacts.restore(state.contacts);
    for (const lead of [...state.writtenLeads, ...state.createdLeads]) {
      if (this.contacts.positionOf(lead.contactId) < 0)
        throw new SimStateError(
          `lead ${lead.id} points at contact ${lead.contactId}, which is missing`,
        );
    }
    this.writtenLeads.clear();
    this.remoteIds.clear();
    for (const lead of state.writtenLeads) this.writtenLeads.set(lead.id, lead);
    this.createdLeads = [...state.createdLeads];
    for (const lead of [...state.writtenLeads, ...state.createdLeads]) this.rememberRemoteId(lead);
  }

  private add(write: LeadWrite, seeding: boolean): SimLead {
    const now = this.now();
    const contactInput = write.contact ?? { fields: {} };
    const lastId = this.count() > 0 ? this.idAt(this.count() - 1) : FIRST_LEAD_ID - 1;
    const id = write.id ?? lastId + 1;
    if (id <= lastId) {
      throw new SimValidationError([
        `'id' ${id} is taken or below the newest lead (${lastId}): leave it out or use a higher one`,
      ]);
    }
    // A seeded lead's contact came with the lead, and took its consent then, not when it is seeded.
    const contactTime = (seeding ? write.fields.create_time : undefined) || now;
    const existing = this.contacts.find(contactInput);
    let contactId: number;
    if (existing === undefined) contactId = this.contacts.create(contactInput, contactTime).id;
    else {
      contactId = existing;
      // A seed says how the contact looks; a create reuses the contact as it is (§6.4).
      if (seeding) this.contacts.save(this.contacts.changed(existing, contactInput, contactTime));
    }
    const lead = { id, contactId } as LeadRecord;
    for (const field of LEAD_FIELDS) lead[field] = NEW_LEAD_DEFAULTS[field] ?? '';
    lead.create_time = now;
    applyLeadChanges(lead, write.fields, now);
    this.createdLeads.push(lead);
    this.rememberRemoteId(lead);
    return this.compose(lead);
  }

  /** The simulator's clock in Envoke's time format. */
  now(): string {
    return this.formatTime(this.clock().getTime());
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

  private compose(lead: LeadRecord): SimLead {
    return wireLead(lead, this.contacts.require(lead.contactId));
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

function parseId(id: string | number): number | undefined {
  const text = String(id);
  return /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}
