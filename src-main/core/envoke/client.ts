/**
 * The Envoke Lead API client: list, page, read, find by remote_id, create, update, probe.
 * A thin layer: it never retries (the sync engine owns retries and backoff) but it reads every
 * reply shape Envoke is known or suspected to use and turns everything else into an EnvokeError.
 */
import packageJson from '../../../package.json' with { type: 'json' };
import { normalizeEnum } from '#contract/lead';
import { EnvokeError } from './errors';
import { createTransport, envelopeMessages, saysNotFound, type EnvokeReply } from './http';
import { LEAD_ENUM_VOCABULARIES, parseLead, type EnvokeLead } from './lead-schema';
import { MAX_PAGE_SIZE, serializeQuery, type ListQuery } from './query';

export interface EnvokeAccount {
  baseUrl: string;
  apiId: string;
  apiKey: string;
}

export const DEFAULT_BASE_URL = 'https://e1.envoke.com';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface EnvokeClientOptions extends EnvokeAccount {
  /** Per request, covering the whole reply body. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  /** Wall clock for Retry-After dates. */
  now?: () => number;
}

export interface InvalidLead {
  id: string | null;
  reason: string;
  raw: unknown;
}

export interface LeadPage {
  leads: EnvokeLead[];
  invalid: InvalidLead[];
  /** Length of the array Envoke sent, readable or not: what short-page detection compares. */
  received: number;
}

export type PagesQuery = Omit<ListQuery, 'skip' | 'limit'> & {
  pageSize?: number;
  startSkip?: number;
};

export interface NewContact {
  /** Identifies the contact: an existing one by email or id, else a new one. */
  email?: string;
  id?: string;
  [field: string]: unknown;
}

export interface NewLead {
  contact: NewContact;
  /** Our idempotency key: look it up with findByRemoteId before any retry. */
  remote_id?: string;
  [field: string]: unknown;
}

export interface EnvokeClient {
  listLeads(query?: ListQuery): Promise<LeadPage>;
  pages(query?: PagesQuery): AsyncIterable<LeadPage & { skip: number }>;
  getLead(id: string): Promise<EnvokeLead>;
  findByRemoteId(remoteId: string): Promise<EnvokeLead[]>;
  createLead(input: NewLead): Promise<EnvokeLead>;
  updateLead(id: string, patch: Record<string, string>): Promise<EnvokeLead | null>;
  probe(): Promise<void>;
}

function invalidInput(problem: string): EnvokeError {
  return new EnvokeError('validation', problem, { messages: [problem] });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'an empty reply';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function requireLeadId(id: unknown): string {
  if (typeof id !== 'string' || !/^\d+$/.test(id)) {
    throw invalidInput(`A lead id is a whole number such as "1234", not ${JSON.stringify(id)}`);
  }
  return id;
}

/**
 * An http(s) address with a host, such as https://e1.envoke.com. Hosts check it before anything
 * is sent, so a typo reads as a bad address rather than as Envoke refusing something.
 */
export function isWebAddress(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  // "http:/host" parses (WHATWG fixes the slashes); a scheme typo like "htp:" does not pass here.
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

function checkOptions(options: EnvokeClientOptions): void {
  if (!isWebAddress(options.baseUrl)) {
    throw invalidInput(`"${options.baseUrl}" is not a web address such as ${DEFAULT_BASE_URL}`);
  }
  if (typeof options.apiId !== 'string' || options.apiId === '' || options.apiId.includes(':')) {
    throw invalidInput('The API ID is missing or contains ":"');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw invalidInput('The API key is missing');
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw invalidInput('The timeout must be a positive number');
}

/** Is this Envoke's `{success, result_text, result_data}` envelope rather than a lead? */
function isEnvelope(body: unknown): body is { success: boolean; result_data?: unknown } {
  return isPlainObject(body) && typeof body.success === 'boolean';
}

/** A reply object carries a whole lead only if it has both an id and its contact. */
function looksLikeLead(value: unknown): value is Record<string, unknown> {
  return (
    isPlainObject(value) &&
    value.id !== undefined &&
    value.id !== null &&
    isPlainObject(value.contact)
  );
}

/** Envoke sends status words in display form; bodies carry the same (envoke-lead-api.md §6.3). */
function withDisplayEnums<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = { ...fields };
  for (const [field, vocabulary] of Object.entries(LEAD_ENUM_VOCABULARIES)) {
    const value = out[field];
    if (typeof value === 'string') out[field] = normalizeEnum(value, vocabulary) ?? value;
  }
  return out as T;
}

function splitLeads(items: unknown[]): LeadPage {
  const page: LeadPage = { leads: [], invalid: [], received: items.length };
  for (const raw of items) {
    const parsed = parseLead(raw);
    if (parsed.ok) page.leads.push(parsed.lead);
    else page.invalid.push({ id: parsed.id, reason: parsed.reason, raw });
  }
  return page;
}

/** A 200 envelope saying `success: false` is a refusal like a 400. */
function refusal(reply: EnvokeReply, what: string, namesOneLead: boolean): EnvokeError {
  const messages = envelopeMessages(reply.body);
  const reason = namesOneLead && saysNotFound(messages) ? 'not-found' : 'validation';
  return new EnvokeError(reason, `Envoke refused ${what}`, { status: reply.status, messages });
}

export function createEnvokeClient(options: EnvokeClientOptions): EnvokeClient {
  checkOptions(options);
  const send = createTransport({
    baseUrl: options.baseUrl,
    apiId: options.apiId,
    apiKey: options.apiKey,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    fetch: options.fetch ?? globalThis.fetch,
    userAgent: options.userAgent ?? `LeadTriage/${packageJson.version} (+desktop)`,
    now: options.now ?? Date.now,
  });

  async function listLeads(query: ListQuery = {}): Promise<LeadPage> {
    const reply = await send({ method: 'GET', path: '/v1/leads', query: serializeQuery(query) });
    if (isEnvelope(reply.body) && !reply.body.success) throw refusal(reply, 'the lead list', false);
    if (!Array.isArray(reply.body)) {
      throw new EnvokeError(
        'malformed',
        `Envoke sent ${kindOf(reply.body)} where a list of leads belongs`,
        {
          status: reply.status,
        },
      );
    }
    return splitLeads(reply.body);
  }

  /**
   * Offset paging, `sort[id]=ASC` unless told otherwise so pages stay stable. Envoke's real page
   * cap is unknown: a short page may be the end or the cap. So after a short page one more page
   * is read; if it is empty the scan is over, otherwise the short size is Envoke's cap and from
   * then on a page shorter than that ends the scan. Costs one extra request per scan.
   */
  async function* pages(query: PagesQuery = {}): AsyncGenerator<LeadPage & { skip: number }> {
    const { pageSize = MAX_PAGE_SIZE, startSkip = 0, ...rest } = query;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw invalidInput(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
    }
    const base: ListQuery = { ...rest, sort: rest.sort ?? { id: 'ASC' } };
    let skip = startSkip;
    let expected = pageSize;
    let capKnown = false;
    let shortSize: number | null = null;
    let previousFirst: string | null = null;
    for (;;) {
      const page = await listLeads({ ...base, skip, limit: pageSize });
      if (page.received === 0) return;
      const first = page.leads[0]?.id ?? page.invalid[0]?.id ?? null;
      if (first !== null && first === previousFirst) {
        // A server ignoring `skip` would otherwise be paged forever.
        throw new EnvokeError('malformed', `Envoke sent the same page again for skip ${skip}`);
      }
      previousFirst = first;
      if (shortSize !== null) {
        expected = shortSize;
        capKnown = true;
        shortSize = null;
      }
      yield { ...page, skip };
      skip += page.received;
      if (page.received < expected) {
        if (capKnown) return;
        shortSize = page.received;
      }
    }
  }

  function readOneLead(body: unknown, id: string, status: number): EnvokeLead {
    let value = body;
    if (isEnvelope(value)) value = value.result_data;
    if (value === null || (Array.isArray(value) && value.length === 0)) {
      throw new EnvokeError('not-found', `Envoke has no lead ${id}`, { status });
    }
    if (Array.isArray(value)) {
      value =
        value.length === 1
          ? value[0]
          : value.find((item) => isPlainObject(item) && String(item.id) === id);
    }
    const parsed = parseLead(value);
    if (!parsed.ok) {
      throw new EnvokeError(
        'malformed',
        `Envoke's copy of lead ${id} cannot be read: ${parsed.reason}`,
        {
          status,
          messages: [parsed.reason],
        },
      );
    }
    if (parsed.lead.id !== id) {
      throw new EnvokeError(
        'malformed',
        `Envoke answered a request for lead ${id} with lead ${parsed.lead.id}`,
        {
          status,
        },
      );
    }
    return parsed.lead;
  }

  async function getLead(id: string): Promise<EnvokeLead> {
    const leadId = requireLeadId(id);
    const reply = await send({ method: 'GET', path: `/v1/leads/${leadId}`, namesOneLead: true });
    if (isEnvelope(reply.body) && !reply.body.success) throw refusal(reply, `lead ${leadId}`, true);
    return readOneLead(reply.body, leadId, reply.status);
  }

  /**
   * Every lead whose remote_id is exactly `remoteId`. Matches are checked here too, so a server that
   * ignores `filter[remote_id]` costs a full scan but never a wrong answer.
   */
  async function findByRemoteId(remoteId: string): Promise<EnvokeLead[]> {
    if (typeof remoteId !== 'string' || remoteId === '')
      throw invalidInput('A remote_id to look up is required');
    const found: EnvokeLead[] = [];
    for await (const page of pages({ filter: { remote_id: remoteId } })) {
      found.push(...page.leads.filter((lead) => lead.remote_id === remoteId));
      const unreadable = page.invalid.find(
        (item) => isPlainObject(item.raw) && item.raw.remote_id === remoteId,
      );
      if (unreadable) {
        // Answering "none" here could lead to a duplicate create.
        throw new EnvokeError(
          'malformed',
          `Lead with remote_id ${remoteId} exists but cannot be read: ${unreadable.reason}`,
          {
            messages: [unreadable.reason],
          },
        );
      }
    }
    return found;
  }

  /** The lead-like payload of a write reply, or undefined when the reply carries none. */
  function writeResult(reply: EnvokeReply, what: string, namesOneLead: boolean): unknown {
    let value = reply.body;
    if (isEnvelope(value)) {
      if (!value.success) throw refusal(reply, what, namesOneLead);
      value = value.result_data;
    }
    if (Array.isArray(value) && value.length === 1) value = value[0];
    return value;
  }

  async function createLead(input: NewLead): Promise<EnvokeLead> {
    if (!isPlainObject(input) || !isPlainObject(input.contact)) {
      throw invalidInput('A new lead needs a contact object');
    }
    if (!input.contact.email && !input.contact.id) {
      throw invalidInput("A new lead's contact needs an email or an existing contact id");
    }
    const reply = await send({ method: 'POST', path: '/v1/leads', body: withDisplayEnums(input) });
    const result = writeResult(reply, 'the new lead', false);
    const createdButUnread = (detail: string, cause?: unknown) =>
      new EnvokeError('malformed', `Envoke created the lead but ${detail}`, {
        status: reply.status,
        outcomeUnknown: true,
        ...(cause === undefined ? {} : { cause }),
      });
    // The answer must be the lead just sent: one carrying another remote_id is another lead, and
    // taking it for ours would tie this create to it. Unknown instead, so a retry looks it up.
    const ours = (lead: EnvokeLead): EnvokeLead => {
      if (
        typeof input.remote_id === 'string' &&
        input.remote_id !== '' &&
        lead.remote_id !== input.remote_id
      ) {
        throw createdButUnread(`its answer names lead ${lead.id}, which is not the lead sent`);
      }
      return lead;
    };
    if (looksLikeLead(result)) {
      const parsed = parseLead(result);
      if (parsed.ok) return ours(parsed.lead);
      throw createdButUnread(`its reply cannot be read: ${parsed.reason}`);
    }
    // Some Envoke creates answer with just the new id (as POST /v1/contacts does): read it back.
    const newId = isPlainObject(result) ? parseLead({ id: result.id }) : null;
    if (newId?.ok) {
      let readBack: EnvokeLead;
      try {
        readBack = await getLead(newId.lead.id);
      } catch (error) {
        throw createdButUnread(`reading lead ${newId.lead.id} back failed`, error);
      }
      return ours(readBack);
    }
    throw createdButUnread(`sent ${kindOf(result)} instead of the lead`);
  }

  async function updateLead(id: string, patch: Record<string, string>): Promise<EnvokeLead | null> {
    const leadId = requireLeadId(id);
    if (!isPlainObject(patch) || Object.keys(patch).length === 0) {
      throw invalidInput('An update must change at least one field');
    }
    const nonText = Object.entries(patch).find(([, value]) => typeof value !== 'string');
    if (nonText) throw invalidInput(`Field ${nonText[0]} must be text`);
    const reply = await send({
      method: 'PATCH',
      path: `/v1/leads/${leadId}`,
      body: withDisplayEnums(patch),
      namesOneLead: true,
    });
    const result = writeResult(reply, `the change to lead ${leadId}`, true);
    // The PATCH reply shape is unknown (§6.5); only a whole copy of this very lead is trusted.
    if (!looksLikeLead(result)) return null;
    const parsed = parseLead(result);
    return parsed.ok && parsed.lead.id === leadId ? parsed.lead : null;
  }

  async function probe(): Promise<void> {
    await listLeads({ limit: 1 });
  }

  return { listLeads, pages, getLead, findByRemoteId, createLead, updateLead, probe };
}
