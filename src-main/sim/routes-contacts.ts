/**
 * `/v1/contacts` and `/v1/contacts/{id}`: Envoke's Contacts API (envoke-lead-api.md §7), the
 * contacts the leads point at. List with the lead filters' syntax (`filter[email]=…`,
 * `filter[custom_fields.name][$regex]=…`), sort, skip and limit (10 by default, 100 at most);
 * insert, where an existing email is a duplicate (400) unless `?upsert=1` asks to update it
 * instead (by id, email or `?keyfield=`); update by id in the path, or by the key field in the
 * body (`PATCH /v1/contacts` with an email). Updates are partial and add tags rather than
 * replacing them.
 */
import { type ContactBook } from './contact-book';
import { SimValidationError } from './errors';
import { type LeadRow } from './field-paths';
import { type ContactRecord } from './lead-model';
import { parseListQuery } from './query';
import { type SimReply, envelope, json, methodNotAllowed, validationFailed } from './reply';
import { type SimRequest, parseJsonBody } from './request';
import { type SimLeadStore } from './lead-store';
import { wireContact } from './wire-shape';
import { type ContactInput, parseContactWrite } from './write-rules';

const CONTACTS_PATH = /^\/v1\/contacts(?:\/([^/]+?))?(?:\.json)?\/?$/;
const KEYFIELDS = ['id', 'email', 'remote_id'] as const;
type Keyfield = (typeof KEYFIELDS)[number];

export interface ContactRoutesContext {
  store: SimLeadStore;
  pageCap: number;
}

export function routeContacts(
  request: SimRequest,
  context: ContactRoutesContext,
): SimReply | undefined {
  const match = CONTACTS_PATH.exec(request.pathname);
  if (match === null) return undefined;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  const { store } = context;
  const params = new URLSearchParams(request.search);
  if (id === undefined) {
    if (request.method === 'GET') return json(200, list(request.search, context));
    if (request.method === 'POST') return insert(store, request, params);
    if (request.method === 'PATCH') {
      const input = parseContactWrite(parseJsonBody(request.body));
      const key = keyfieldOf(params, input);
      const found = findByKey(store.contacts, key, input);
      if (found === undefined) return validationFailed([notFoundMessage(key, input)]);
      return envelope(200, true, 'Updated', update(store, found, input));
    }
    return methodNotAllowed(request.method, ['GET', 'POST', 'PATCH']);
  }
  if (!/^\d{1,10}$/.test(id)) return validationFailed([`'${id}' is not a valid contact id`]);
  const contact = store.contacts.get(Number(id));
  if (request.method === 'GET') {
    return contact === undefined
      ? validationFailed([`Item with id '${id}' not found`])
      : json(200, wireContact(contact));
  }
  if (request.method === 'PATCH') {
    const input = parseContactWrite(parseJsonBody(request.body));
    if (contact === undefined) return validationFailed([`Item with id '${id}' not found`]);
    if (input.id !== undefined && input.id !== contact.id)
      return validationFailed([
        `Provided 'id': ${id} does not match 'id' in request body (${input.id})`,
      ]);
    return envelope(200, true, 'Updated', update(store, contact.id, input));
  }
  return methodNotAllowed(request.method, ['GET', 'PATCH']);
}

function insert(store: SimLeadStore, request: SimRequest, params: URLSearchParams): SimReply {
  const input = parseContactWrite(parseJsonBody(request.body));
  const upsert = ['1', 'true', 'yes'].includes((params.get('upsert') ?? '').toLowerCase());
  if (upsert) {
    const key = keyfieldOf(params, input);
    const found = findByKey(store.contacts, key, input);
    if (found !== undefined) return envelope(200, true, 'Updated', update(store, found, input));
  } else if (input.id !== undefined) {
    return validationFailed([`'id' is read-only: update contact ${input.id} with PATCH`]);
  }
  const email = input.fields.email;
  if (email === undefined || email === '') return validationFailed([`'email' is required`]);
  if (store.contacts.withEmail(email) !== undefined)
    return validationFailed([`Duplicate contact: a contact with email '${email}' already exists`]);
  const { id: _ignored, ...fresh } = input;
  return envelope(200, true, 'Created', wireContact(store.contacts.create(fresh, store.now())));
}

function update(store: SimLeadStore, id: number, input: ContactInput) {
  const { id: _same, ...changes } = input;
  const contact = store.contacts.changed(id, changes, store.now());
  store.contacts.save(contact);
  return wireContact(contact);
}

/** `?keyfield=` when given; otherwise the id when the body has one, else the email. */
function keyfieldOf(params: URLSearchParams, input: ContactInput): Keyfield {
  const asked = params.get('keyfield');
  if (asked !== null) {
    const keyfield = KEYFIELDS.find((candidate) => candidate === asked);
    if (keyfield === undefined)
      throw new SimValidationError([
        `'keyfield' must be one of ${KEYFIELDS.join(', ')}, not '${asked}'`,
      ]);
    return keyfield;
  }
  return input.id !== undefined ? 'id' : 'email';
}

function findByKey(book: ContactBook, key: Keyfield, input: ContactInput): number | undefined {
  if (key === 'id') {
    if (input.id === undefined)
      throw new SimValidationError([`'id' is required to find the contact`]);
    return book.get(input.id)?.id;
  }
  const value = input.fields[key];
  if (value === undefined || value === '')
    throw new SimValidationError([`'${key}' is required to find the contact`]);
  if (key === 'email') return book.withEmail(value);
  for (let position = 0; position < book.count(); position++) {
    const contact = book.at(position);
    if (contact.remote_id === value) return contact.id;
  }
  return undefined;
}

function notFoundMessage(key: Keyfield, input: ContactInput): string {
  const value = key === 'id' ? String(input.id) : (input.fields[key] ?? '');
  return `No contact with ${key} '${value}' found`;
}

/** The contacts a list query asks for, in id order unless sorted otherwise. */
function list(search: string, context: ContactRoutesContext): unknown[] {
  const query = parseListQuery(search, {
    pageCap: context.pageCap,
    supportsIdGt: true,
    contactFields: true,
  });
  const book = context.store.contacts;
  const rows: { contact: ContactRecord; row: LeadRow }[] = [];
  const predicate = query.filter.predicate;
  const sorted = query.sort.length > 0;
  let skipped = 0;
  for (let position = 0; position < book.count(); position++) {
    const contact = book.at(position);
    const row: LeadRow = { lead: NO_LEAD, contact: () => contact };
    if (predicate !== undefined && !predicate(row)) continue;
    if (!sorted && skipped < query.skip) {
      skipped++;
      continue;
    }
    rows.push({ contact, row });
    if (!sorted && rows.length >= query.limit) break;
  }
  if (sorted) {
    rows.sort((a, b) => {
      for (const key of query.sort) {
        const x = String(key.reader.read(a.row)).toLowerCase();
        const y = String(key.reader.read(b.row)).toLowerCase();
        if (x !== y) return (x < y ? -1 : 1) * (key.descending ? -1 : 1);
      }
      return a.contact.id - b.contact.id;
    });
  }
  const page = sorted ? rows.slice(query.skip, query.skip + query.limit) : rows;
  return page.map(({ contact }) => wireContact(contact));
}

const NO_LEAD = {} as LeadRow['lead'];
