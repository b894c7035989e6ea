/**
 * `/v1/hooks` and `/v1/hooks/{id}` (Hooks API: read, create, delete). Lead Triage itself needs no
 * hooks (a laptop cannot receive them); they are served so that Envoke's own clients, which
 * subscribe and unsubscribe as they start and stop, run against the simulator. Subscriptions are
 * kept, never delivered.
 *
 * Envoke's shapes: the list is a bare array of every subscription (no default limit); one
 * subscription is the bare object, or `null` for an unknown id; a create answers HTTP 201 with
 * just `{"id": "<32 hex>"}`, a second one with the same type and URL 400 with the first one's id;
 * a delete answers success whether or not the id existed.
 */
import qs from 'qs';
import { SimValidationError } from './errors';
import { Prng, hex32, mixSeed } from './prng';
import { type SimReply, envelope, json, methodNotAllowed, validationFailed } from './reply';
import { type SimRequest, parseJsonBody } from './request';

export const HOOK_TYPES = [
  'new_contact',
  'consent_change',
  'submission',
  'form_submission',
  'preference_page_submission',
  'api_submission',
  'import_submission',
  'ui_submission',
  'email_send',
  'email_open',
  'email_click',
  'email_autoresponder_send',
  'new_lead',
  'passed_to_sales',
  'lead_update',
  'new_opportunity',
  'new_sale',
] as const;

export interface Hook {
  id: string;
  type: string;
  url: string;
  filter: Record<string, unknown>;
}

export class HookList {
  private hooks: Hook[] = [];
  private readonly ids: Prng;

  constructor(seed: number) {
    this.ids = new Prng(mixSeed(seed, 0x400c));
  }

  all(): Hook[] {
    return [...this.hooks];
  }

  get(id: string): Hook | undefined {
    return this.hooks.find((hook) => hook.id === id);
  }

  /** The new subscription, or the one that already has this type and URL. */
  add(
    type: string,
    url: string,
    filter: Record<string, unknown>,
  ): { hook: Hook; existed: boolean } {
    const same = this.hooks.find((hook) => hook.type === type && hook.url === url);
    if (same !== undefined) return { hook: same, existed: true };
    const hook = { id: hex32(this.ids), type, url, filter };
    this.hooks.push(hook);
    return { hook, existed: false };
  }

  delete(id: string): void {
    this.hooks = this.hooks.filter((hook) => hook.id !== id);
  }

  restore(hooks: readonly Hook[]): void {
    this.hooks = [...hooks];
  }
}

const HOOKS_PATH = /^\/v1\/hooks(?:\/([^/]+?))?(?:\.json)?\/?$/;

export function routeHooks(request: SimRequest, hooks: HookList): SimReply | undefined {
  const match = HOOKS_PATH.exec(request.pathname);
  if (match === null) return undefined;
  const id = match[1] === undefined ? undefined : decodeURIComponent(match[1]);
  if (id === undefined) {
    if (request.method === 'GET') return json(200, list(hooks, request.search));
    if (request.method === 'POST') return create(hooks, parseJsonBody(request.body));
    return methodNotAllowed(request.method, ['GET', 'POST']);
  }
  if (request.method === 'GET') return json(200, hooks.get(id) ?? null);
  if (request.method === 'DELETE') {
    hooks.delete(id);
    return envelope(200, true, 'Deleted', []);
  }
  return methodNotAllowed(request.method, ['GET', 'DELETE']);
}

function list(hooks: HookList, search: string): unknown[] {
  const params = qs.parse(search, { ignoreQueryPrefix: true, depth: 2, duplicates: 'last' });
  const number = (name: string): number | undefined => {
    const value = params[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !/^\d{1,9}$/.test(value))
      throw new SimValidationError([`'${name}' must be a whole number, not '${String(value)}'`]);
    return Number(value);
  };
  const skip = number('skip') ?? 0;
  const limit = number('limit');
  const type = typeof params.type === 'string' ? params.type : undefined;
  const fields = typeof params.fields === 'string' ? params.fields.split(',') : undefined;
  const rows = hooks
    .all()
    .filter((hook) => type === undefined || hook.type === type)
    .slice(skip, limit === undefined ? undefined : skip + limit);
  if (fields === undefined) return rows;
  return rows.map((hook) =>
    Object.fromEntries(
      fields
        .map((field) => field.trim())
        .filter((field) => Object.hasOwn(hook, field))
        .map((field) => [field, hook[field as keyof Hook]]),
    ),
  );
}

function create(hooks: HookList, body: unknown): SimReply {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return validationFailed(['Request body may not be empty']);
  const { type, url, filter, ...rest } = body as Record<string, unknown>;
  const errors: string[] = Object.keys(rest).map((key) => `'${key}' is not a hook field`);
  if (typeof type !== 'string' || type.trim() === '') errors.push(`'type' is required`);
  else if (!(HOOK_TYPES as readonly string[]).includes(type))
    errors.push(`Invalid webhook type '${type}'; use one of: ${HOOK_TYPES.join(', ')}`);
  if (typeof url !== 'string' || url.trim() === '') errors.push(`'url' is required`);
  else if (!/^https?:\/\/\S+$/i.test(url))
    errors.push(`'url' must start with http:// or https://, not '${url}'`);
  const conditions = filter ?? {};
  if (typeof conditions !== 'object' || conditions === null || Array.isArray(conditions))
    errors.push(`'filter' must be an object such as {"form_id": "abc123"}`);
  if (errors.length > 0) return validationFailed(errors);
  const { hook, existed } = hooks.add(
    type as string,
    url as string,
    conditions as Record<string, unknown>,
  );
  if (existed)
    return envelope(400, false, 'A webhook subscription with this type and URL already exists', {
      id: hook.id,
    });
  return json(201, { id: hook.id });
}
