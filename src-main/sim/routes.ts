/**
 * Every Envoke API route the simulator serves, in one place: leads, contacts, what the account
 * has set up (settings, custom fields, interests, autoresponders) and hooks. A path none of them
 * knows is a 404, as an unknown route on Envoke's nginx would be.
 */
import { SimValidationError } from './errors';
import { type Journal } from './journal';
import { type ResolvedOptions } from './options';
import { type SimReply, notFound, validationFailed } from './reply';
import { type SimRequest } from './request';
import { routeAccount } from './routes-account';
import { routeContacts } from './routes-contacts';
import { type HookList, routeHooks } from './routes-hooks';
import { routeLeads } from './routes-leads';
import { type SimLeadStore } from './lead-store';

export interface ApiContext {
  store: SimLeadStore;
  journal: Journal;
  hooks: HookList;
  options: ResolvedOptions;
}

export function routeApi(request: SimRequest, context: ApiContext): SimReply {
  const { store, options } = context;
  try {
    return (
      routeLeads(request, context) ??
      routeContacts(request, { store, pageCap: options.pageCap }) ??
      routeAccount(request, { catalog: store.catalog, serveSettings: options.serveSettings }) ??
      routeHooks(request, context.hooks) ??
      notFound()
    );
  } catch (error) {
    if (error instanceof SimValidationError) return validationFailed(error.errors);
    throw error;
  }
}
