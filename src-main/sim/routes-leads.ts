/** `/v1/leads` and `/v1/leads/{id}`: Envoke's Lead API (envoke-lead-api.md §6). */
import { SimValidationError } from './errors';
import { type Journal } from './journal';
import { listLeads } from './list';
import { type SimLead } from './lead-model';
import { type ResolvedOptions } from './options';
import { parseListQuery } from './query';
import {
  type SimReply,
  envelope,
  json,
  methodNotAllowed,
  notFound,
  validationFailed,
} from './reply';
import { type SimRequest, parseJsonBody } from './request';
import { spellLead } from './spelling';
import { type SimLeadStore } from './lead-store';

export interface LeadRoutesContext {
  store: SimLeadStore;
  journal: Journal;
  options: Pick<ResolvedOptions, 'pageCap' | 'supportsIdGt' | 'notFound' | 'enumSpelling'>;
}

/** `/v1/leads`, `/v1/leads/123`, with the optional `.json` suffix Envoke's docs show on hooks. */
const LEADS_PATH = /^\/v1\/leads(?:\/([^/]+?))?(?:\.json)?\/?$/;

/** Answers a Lead API request, or returns undefined when the path is not a Lead API path. */
export function routeLeads(request: SimRequest, context: LeadRoutesContext): SimReply | undefined {
  const match = LEADS_PATH.exec(request.pathname);
  if (match === null) return undefined;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  try {
    if (id === undefined) {
      if (request.method === 'GET') return list(request, context);
      if (request.method === 'POST') return create(request, context);
      if (request.method === 'PATCH') return updateWithIdInBody(request, context);
      return methodNotAllowed(request.method, ['GET', 'POST', 'PATCH']);
    }
    if (!/^\d{1,10}$/.test(id)) return validationFailed([`'${id}' is not a valid lead id`]);
    if (request.method === 'GET') return getOne(id, context);
    if (request.method === 'PATCH') return update(id, request, context);
    return methodNotAllowed(request.method, ['GET', 'PATCH']);
  } catch (error) {
    if (error instanceof SimValidationError) return validationFailed(error.errors);
    throw error;
  }
}

function wire(lead: SimLead, context: LeadRoutesContext): SimLead {
  return spellLead(lead, context.options.enumSpelling);
}

function list(request: SimRequest, context: LeadRoutesContext): SimReply {
  const query = parseListQuery(request.search, context.options);
  return json(
    200,
    listLeads(context.store, query).map((lead) => wire(lead, context)),
  );
}

function getOne(id: string, context: LeadRoutesContext): SimReply {
  const lead = context.store.get(id);
  if (lead !== undefined) return json(200, wire(lead, context));
  const message = `Item with id '${id}' not found`;
  switch (context.options.notFound) {
    case 'null':
      return json(200, null);
    case 'empty-array':
      return json(200, []);
    case 'http-404':
      return notFound(message);
    case 'validation-400':
      return validationFailed([message]);
  }
}

function create(request: SimRequest, context: LeadRoutesContext): SimReply {
  const body = parseJsonBody(request.body);
  // Envoke does not deduplicate on remote_id (§10): a repeated POST creates another lead.
  const lead = context.store.insert(body);
  journal('POST', request, lead, body, context);
  return envelope(200, true, 'Created', wire(lead, context));
}

function updateWithIdInBody(request: SimRequest, context: LeadRoutesContext): SimReply {
  const body = parseJsonBody(request.body);
  const id =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as { id?: unknown }).id
      : undefined;
  if (id === undefined) return validationFailed([`'id' is required to update a lead`]);
  if (!(typeof id === 'string' || typeof id === 'number') || !/^\d{1,10}$/.test(String(id))) {
    return validationFailed([`'${String(id)}' is not a valid lead id`]);
  }
  return applyUpdate(String(id), body, request, context);
}

function update(id: string, request: SimRequest, context: LeadRoutesContext): SimReply {
  return applyUpdate(id, parseJsonBody(request.body), request, context);
}

function applyUpdate(
  id: string,
  body: unknown,
  request: SimRequest,
  context: LeadRoutesContext,
): SimReply {
  const lead = context.store.edit(id, body);
  journal('PATCH', request, lead, body, context);
  return envelope(200, true, 'Updated', wire(lead, context));
}

function journal(
  method: 'POST' | 'PATCH',
  request: SimRequest,
  lead: SimLead,
  body: unknown,
  context: LeadRoutesContext,
): void {
  context.journal.record({
    method,
    path: request.pathname,
    leadId: lead.id,
    remoteId: lead.remote_id,
    body,
  });
}
