/**
 * The contacts of one simulated account: the generated ones (derived on read, like the leads),
 * those written since, and those created through the API. Leads point at them by id; the
 * Contacts API (routes-contacts.ts) reads and writes them directly. Emails are unique per
 * account, as Envoke keeps them.
 */
import { type SimCatalog } from './catalog';
import { SimStateError, SimValidationError } from './errors';
import { type LeadGenerator } from './generator';
import { CONTACT_FIELDS, type ContactRecord } from './lead-model';
import { Prng, hex32, mixSeed } from './prng';
import { type ContactInput, consentNeedsDescription } from './write-rules';

export interface ContactBookState {
  written: ContactRecord[];
  created: ContactRecord[];
}

const DESCRIPTION_REQUIRED = `'contact.consent_description' is required when consent is Express or Implied`;

export class ContactBook {
  private readonly written = new Map<number, ContactRecord>();
  private created: ContactRecord[] = [];
  /** Lower-cased email -> id of written and created contacts; generated ones are derived. */
  private readonly emails = new Map<string, number>();

  constructor(
    private readonly generator: LeadGenerator,
    private readonly seed: number,
    private readonly catalog: SimCatalog,
  ) {}

  count(): number {
    return this.generator.contactCount + this.created.length;
  }

  /** The contact at `position` in id order (generated ones first, then those created). */
  at(position: number): ContactRecord {
    const base = this.generator.contactCount;
    const id =
      position < base ? this.generator.contactId(position) : this.created[position - base]?.id;
    const contact = id === undefined ? undefined : this.get(id);
    if (contact === undefined) throw new RangeError(`No contact at position ${position}`);
    return contact;
  }

  /** Position of the contact with this id, or -1. */
  positionOf(id: number): number {
    const next = this.generator.nextContactId;
    if (id >= next)
      return id - next < this.created.length ? this.generator.contactCount + id - next : -1;
    const index = id - this.generator.contactId(0);
    return index >= 0 ? index : -1;
  }

  get(id: number): ContactRecord | undefined {
    const written = this.written.get(id);
    if (written !== undefined) return written;
    const next = this.generator.nextContactId;
    if (id >= next) return this.created[id - next];
    const index = id - this.generator.contactId(0);
    return index >= 0 ? this.generator.contact(index) : undefined;
  }

  require(id: number): ContactRecord {
    const contact = this.get(id);
    if (contact === undefined) throw new RangeError(`A lead points at missing contact ${id}`);
    return contact;
  }

  /** The contact that has this email now (any case), if any. */
  withEmail(email: string): number | undefined {
    const key = email.toLowerCase();
    const known = this.emails.get(key);
    if (known !== undefined) return known;
    const index = this.generator.contactIndexOfEmail(key);
    if (index === undefined) return undefined;
    const id = this.generator.contactId(index);
    const written = this.written.get(id);
    return written === undefined || written.email.toLowerCase() === key ? id : undefined;
  }

  /** The contact a write names by id, else by email; an id nobody has is an error. */
  find(input: ContactInput): number | undefined {
    if (input.id !== undefined) {
      if (this.get(input.id) === undefined) {
        throw new SimValidationError([`Contact with id '${input.id}' not found`]);
      }
      return input.id;
    }
    const email = input.fields.email;
    return email === undefined ? undefined : this.withEmail(email);
  }

  /**
   * A new contact from a write. Fields Envoke sets itself (external id, creation date, when the
   * consent took effect) are filled in unless a seed gives them.
   */
  create(input: ContactInput, now: string): ContactRecord {
    this.checkTags(input);
    const contact = { id: this.generator.nextContactId + this.created.length } as ContactRecord;
    for (const field of CONTACT_FIELDS) contact[field] = input.fields[field] ?? '';
    contact.consent_status ||= 'Not provided';
    if (
      consentNeedsDescription(contact.consent_status) &&
      contact.consent_description.trim() === ''
    ) {
      throw new SimValidationError([DESCRIPTION_REQUIRED]);
    }
    contact.external_id ||= hex32(new Prng(mixSeed(this.seed, contact.id)));
    contact.date_created ||= now;
    if (input.fields.consent_effective_date === undefined)
      contact.consent_effective_date = contact.consent_status === 'Not provided' ? '' : now;
    contact.custom_fields = { ...input.custom_fields };
    contact.interests = this.applyTags('interests', [], input.interests);
    contact.autoresponders = this.applyTags('autoresponders', [], input.autoresponders);
    this.created.push(contact);
    this.emails.set(contact.email.toLowerCase(), contact.id);
    return contact;
  }

  /** The contact with a write's fields applied; validated, not saved. */
  changed(id: number, input: ContactInput, now: string): ContactRecord {
    const current = this.require(id);
    this.checkTags(input);
    const email = input.fields.email;
    if (email !== undefined && email.toLowerCase() !== current.email.toLowerCase()) {
      const owner = this.withEmail(email);
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
        throw new SimValidationError([DESCRIPTION_REQUIRED]);
      }
      if (input.fields.consent_effective_date === undefined) next.consent_effective_date = now;
    }
    next.custom_fields = { ...current.custom_fields, ...input.custom_fields };
    next.interests = this.applyTags('interests', current.interests, input.interests);
    next.autoresponders = this.applyTags(
      'autoresponders',
      current.autoresponders,
      input.autoresponders,
    );
    return next;
  }

  save(contact: ContactRecord): void {
    const previous = this.get(contact.id);
    if (previous !== undefined && this.emails.get(previous.email.toLowerCase()) === contact.id) {
      this.emails.delete(previous.email.toLowerCase());
    }
    this.emails.set(contact.email.toLowerCase(), contact.id);
    const next = this.generator.nextContactId;
    if (contact.id >= next) this.created[contact.id - next] = contact;
    else this.written.set(contact.id, contact);
  }

  /** A write naming an interest or autoresponder by an id the account does not have. */
  private checkTags(input: ContactInput): void {
    const problems: string[] = [];
    for (const kind of ['interests', 'autoresponders'] as const) {
      for (const key of Object.keys(input[kind] ?? {})) {
        if (this.catalog.unknownId(kind, key))
          problems.push(`'contact.${kind}.${key}' is not the id of one of the account's ${kind}`);
      }
    }
    if (problems.length > 0) throw new SimValidationError(problems);
  }

  snapshot(): ContactBookState {
    return { written: [...this.written.values()], created: [...this.created] };
  }

  /** Throws SimStateError when the contacts cannot belong to these seeded ones. */
  restore(state: ContactBookState): void {
    const next = this.generator.nextContactId;
    state.created.forEach((contact, i) => {
      if (contact.id !== next + i)
        throw new SimStateError(`created contact ${contact.id} should be contact ${next + i}`);
    });
    for (const contact of state.written) {
      if (contact.id >= next || contact.id < this.generator.contactId(0))
        throw new SimStateError(`written contact ${contact.id} is not one of the seeded contacts`);
    }
    this.written.clear();
    this.emails.clear();
    this.created = [...state.created];
    for (const contact of state.written) this.written.set(contact.id, contact);
    for (const contact of [...state.written, ...state.created])
      this.emails.set(contact.email.toLowerCase(), contact.id);
  }

  /**
   * Tags are appended or removed, never replaced wholesale (Envoke's upsert rule). A write names
   * them by name or by the id its lookup route gives; both end up as the name.
   */
  private applyTags(
    kind: 'interests' | 'autoresponders',
    current: readonly string[],
    changes: Record<string, boolean> | undefined,
  ): string[] {
    if (changes === undefined) return [...current];
    const named = Object.entries(changes).map(
      ([key, set]) =>
        [
          kind === 'interests'
            ? this.catalog.interestName(key)
            : this.catalog.autoresponderName(key),
          set,
        ] as const,
    );
    const removed = new Set(named.filter(([, set]) => !set).map(([name]) => name.toLowerCase()));
    const tags = current.filter((tag) => !removed.has(tag.toLowerCase()));
    for (const [name, set] of named) {
      if (set && !tags.some((tag) => tag.toLowerCase() === name.toLowerCase())) tags.push(name);
    }
    return tags;
  }
}
