/**
 * The Envoke Lead API client: list, page, read, find by remote_id, create, update, probe.
 * A thin layer: it never retries (the sync engine owns retries and backoff) but it reads every
 * reply shape Envoke is known or suspected to use (reply-shapes.ts) and turns everything else
 * into an EnvokeError.
 */
import packageJson from '../../../package.json' with { type: 'json' };
import type { CustomFieldDefinition } from '#contract/envoke-account';
import { readAccountName, readCustomFields } from './account-reads';
import {
  checkOptions,
  DEFAULT_TIMEOUT_MS,
  invalidInput,
  type EnvokeClientOptions,
} from './client-options';
import { EnvokeError } from './errors';
import { createTransport } from './http';
import type { EnvokeLead } from './lead-fields';
import { parseLead } from './lead-schema';
import { pageThrough, type PagesQuery } from './paging';
import { serializeQuery, type ListQuery } from './query';
import {
  isEnvelope,
  isPlainObject,
  kindOf,
  looksLikeLead,
  readOneLead,
  refusal,
  splitLeads,
  withDisplayEnums,
  writeResult,
  type LeadPage,
} from './reply-shapes';

export {
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  isWebAddress,
  type EnvokeAccount,
  type EnvokeClientOptions,
} from './client-options';
export type { PagesQuery } from './paging';
export type { InvalidLead, LeadPage } from './reply-shapes';

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
  /** The account's name (`GET /v1/settings`); null when this Envoke does not say. */
  accountName(): Promise<string | null>;
  /** The account's custom field definitions; null when this Envoke does not say. */
  customFields(): Promise<CustomFieldDefinition[] | null>;
}

function requireLeadId(id: unknown): string {
  if (typeof id !== 'string' || !/^\d+$/.test(id)) {
    throw invalidInput(`A lead id is a whole number such as "1234", not ${JSON.stringify(id)}`);
  }
  return id;
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

  function pages(query: PagesQuery = {}): AsyncGenerator<LeadPage & { skip: number }> {
    return pageThrough(listLeads, query);
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

  return {
    listLeads,
    pages,
    getLead,
    findByRemoteId,
    createLead,
    updateLead,
    probe,
    accountName: () => readAccountName(send),
    customFields: () => readCustomFields(send),
  };
}
