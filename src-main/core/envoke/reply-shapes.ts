/**
 * The shapes Envoke's replies come in: a bare lead or list, or the `{success, result_text,
 * result_data}` envelope around them, a refusal inside a 200, a write answered with only an id.
 * Each is read here into leads or an EnvokeError; the client only asks.
 */
import { normalizeEnum } from '#contract/lead';
import { EnvokeError } from './errors';
import { envelopeMessages, saysNotFound, type EnvokeReply } from './http';
import { LEAD_ENUM_VOCABULARIES, type EnvokeLead } from './lead-fields';
import { parseLead } from './lead-schema';

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

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a reply held, in words, for an error that says what was expected instead. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'an empty reply';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Is this Envoke's `{success, result_text, result_data}` envelope rather than a lead? */
export function isEnvelope(body: unknown): body is { success: boolean; result_data?: unknown } {
  return isPlainObject(body) && typeof body.success === 'boolean';
}

/** A reply object carries a whole lead only if it has both an id and its contact. */
export function looksLikeLead(value: unknown): value is Record<string, unknown> {
  return (
    isPlainObject(value) &&
    value.id !== undefined &&
    value.id !== null &&
    isPlainObject(value.contact)
  );
}

/** Envoke sends status words in display form; bodies carry the same (envoke-lead-api.md §6.3). */
export function withDisplayEnums<T extends Record<string, unknown>>(fields: T): T {
  const out: Record<string, unknown> = { ...fields };
  for (const [field, vocabulary] of Object.entries(LEAD_ENUM_VOCABULARIES)) {
    const value = out[field];
    if (typeof value === 'string') out[field] = normalizeEnum(value, vocabulary) ?? value;
  }
  return out as T;
}

export function splitLeads(items: unknown[]): LeadPage {
  const page: LeadPage = { leads: [], invalid: [], received: items.length };
  for (const raw of items) {
    const parsed = parseLead(raw);
    if (parsed.ok) page.leads.push(parsed.lead);
    else page.invalid.push({ id: parsed.id, reason: parsed.reason, raw });
  }
  return page;
}

/** A 200 envelope saying `success: false` is a refusal like a 400. */
export function refusal(reply: EnvokeReply, what: string, namesOneLead: boolean): EnvokeError {
  const messages = envelopeMessages(reply.body);
  const reason = namesOneLead && saysNotFound(messages) ? 'not-found' : 'validation';
  return new EnvokeError(reason, `Envoke refused ${what}`, { status: reply.status, messages });
}

/** The one lead a GET of lead `id` answered with; anything else is an EnvokeError. */
export function readOneLead(body: unknown, id: string, status: number): EnvokeLead {
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

/** The lead-like payload of a write reply, or undefined when the reply carries none. */
export function writeResult(reply: EnvokeReply, what: string, namesOneLead: boolean): unknown {
  let value = reply.body;
  if (isEnvelope(value)) {
    if (!value.success) throw refusal(reply, what, namesOneLead);
    value = value.result_data;
  }
  if (Array.isArray(value) && value.length === 1) value = value[0];
  return value;
}
