/**
 * What an account has set up, as Envoke's lookup routes answer it: `/v1/settings` (the account's
 * name; Envoke's Zapier app checks a connection with it), custom field definitions
 * (`/v1/customfields` as `{id: name}`, `/v2/customfields[/{id}]` as objects), interests
 * (`/v1/interests`, `/v2/interests`) and autoresponders (`/v1/autoresponders`). Read-only: the
 * app and Envoke's clients only read them.
 */
import { type SimCatalog } from './catalog';
import { keyValues, listCatalog } from './catalog-list';
import { type SimReply, json, methodNotAllowed, notFound, validationFailed } from './reply';
import { type SimRequest } from './request';

export interface AccountRoutesContext {
  catalog: SimCatalog;
  /** False answers `/v1/settings` with 404, as an Envoke without that route would. */
  serveSettings: boolean;
}

/** `/v1/x`, `/v2/x`, `/v2/x/12`, each with the optional `.json` suffix of Envoke's docs. */
const ROUTE =
  /^\/v([12])\/(settings|customfields|interests|autoresponders)(?:\/([^/]+?))?(?:\.json)?\/?$/;

export function routeAccount(
  request: SimRequest,
  context: AccountRoutesContext,
): SimReply | undefined {
  const match = ROUTE.exec(request.pathname);
  if (match === null) return undefined;
  const [, version, resource, id] = match;
  if (request.method !== 'GET') return methodNotAllowed(request.method, ['GET']);
  const { catalog } = context;
  if (version === '1' && id === undefined) {
    switch (resource) {
      case 'settings':
        return context.serveSettings ? json(200, { name: catalog.accountName }) : notFound();
      case 'customfields':
        return json(200, keyValues(catalog.customFields));
      case 'interests':
        return json(200, keyValues(catalog.interests));
      case 'autoresponders':
        return json(200, keyValues(catalog.autoresponders));
    }
  }
  if (version === '2' && resource === 'customfields') {
    if (id === undefined)
      return json(
        200,
        listCatalog(catalog.customFields, request.search, {
          filterable: ['id', 'name', 'field_type', 'description'],
          sortable: ['name', 'field_type'],
        }),
      );
    const field = catalog.customFields.find((candidate) => candidate.id === decodeURIComponent(id));
    return field === undefined
      ? validationFailed([`Item with id '${decodeURIComponent(id)}' not found`])
      : json(200, field);
  }
  if (version === '2' && resource === 'interests' && id === undefined) {
    // The docs' own example asks for `type=tag`, the word Envoke's UI uses for an interest.
    const search = request.search.replace(/([?&]type=)tag(?=&|$)/, '$1interest');
    return json(
      200,
      listCatalog(catalog.interests, search, {
        filterable: ['id', 'name', 'external_id', 'type', 'group', 'description'],
        sortable: ['name'],
        plainFilters: ['type', 'group'],
      }),
    );
  }
  return notFound();
}
