/**
 * `/_sim/...`: the test and demo controls, served only when the `control` option is on. They let
 * a test running in another process inject faults, read the write journal, read a lead and
 * change one as a colleague in Envoke's UI would.
 */
import { SimConfigError, SimValidationError } from './errors';
import { type FaultController, type FaultSpec, type SteadyFaults } from './faults';
import { type Journal } from './journal';
import {
  type SimReply,
  envelope,
  json,
  methodNotAllowed,
  notFound,
  validationFailed,
} from './reply';
import { type SimRequest, parseJsonBody } from './request';
import { type SimLeadStore } from './lead-store';

export interface SimStats {
  leads: number;
  contacts: number;
  requests: number;
  requestsByMethod: Record<string, number>;
  faultsInjected: Record<string, number>;
  faultsQueued: number;
  journalEntries: number;
}

export interface ControlRoutesContext {
  store: SimLeadStore;
  journal: Journal;
  faults: FaultController;
  stats(): SimStats;
}

const SPEC_KEYS = new Set(['kind', 'match', 'times', 'retryAfter', 'status', 'message']);
const STEADY_KEYS = new Set(['latencyMs', 'failRate', 'offline']);

export function routeControl(
  request: SimRequest,
  context: ControlRoutesContext,
): SimReply | undefined {
  const { method, pathname } = request;
  if (!pathname.startsWith('/_sim/')) return undefined;
  try {
    if (pathname === '/_sim/journal') {
      if (method !== 'GET') return methodNotAllowed(method, ['GET']);
      const since = Number(new URLSearchParams(request.search).get('since') ?? '0');
      return json(200, context.journal.since(Number.isInteger(since) ? since : 0));
    }
    if (pathname === '/_sim/stats') {
      return method === 'GET' ? json(200, context.stats()) : methodNotAllowed(method, ['GET']);
    }
    if (pathname === '/_sim/faults') {
      if (method === 'DELETE') {
        context.faults.clear();
        return envelope(200, true, 'Faults cleared', []);
      }
      if (method === 'POST') return postFault(parseJsonBody(request.body), context.faults);
      return methodNotAllowed(method, ['POST', 'DELETE']);
    }
    if (pathname === '/_sim/leads') {
      if (method !== 'POST') return methodNotAllowed(method, ['POST']);
      // A lead as Envoke holds it: read-only fields (business unit, times, ...) are kept.
      return envelope(200, true, 'Created', context.store.seedLead(parseJsonBody(request.body)));
    }
    const lead = /^\/_sim\/leads\/(\d{1,10})$/.exec(pathname);
    if (lead?.[1] !== undefined) {
      if (method === 'GET') {
        // The lead as the simulator holds it, for a test in another process to compare with.
        const found = context.store.get(lead[1]);
        return found === undefined ? notFound(`Lead ${lead[1]} does not exist`) : json(200, found);
      }
      if (method !== 'PATCH') return methodNotAllowed(method, ['GET', 'PATCH']);
      return envelope(
        200,
        true,
        'Updated',
        context.store.edit(lead[1], parseJsonBody(request.body)),
      );
    }
    return undefined;
  } catch (error) {
    if (error instanceof SimValidationError) return validationFailed(error.errors);
    if (error instanceof SimConfigError) return validationFailed([error.message]);
    throw error;
  }
}

/** A body with `kind` queues a fault; one without sets the steady faults. */
function postFault(body: unknown, faults: FaultController): SimReply {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return validationFailed(['The request body must be a JSON object']);
  }
  const fields = body as Record<string, unknown>;
  const allowed = 'kind' in fields ? SPEC_KEYS : STEADY_KEYS;
  const unknown = Object.keys(fields).filter((key) => !allowed.has(key));
  if (unknown.length > 0)
    return validationFailed(unknown.map((key) => `'${key}' is not a fault setting here`));
  if (!('kind' in fields)) {
    faults.set(fields as SteadyFaults);
    return envelope(200, true, 'Faults set', { faultsQueued: faults.queued });
  }
  faults.enqueue({ ...(fields as unknown as FaultSpec), ...matchFromJson(fields.match) });
  return envelope(200, true, 'Fault queued', { faultsQueued: faults.queued });
}

/** JSON has no RegExp: `match.pathRegex` carries one as a string. */
function matchFromJson(match: unknown): Pick<FaultSpec, 'match'> {
  if (match === undefined) return {};
  if (typeof match !== 'object' || match === null)
    throw new SimConfigError('match', 'match must be an object');
  const { method, path, pathRegex, ...rest } = match as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0)
    throw new SimConfigError(
      'match',
      `match accepts method, path and pathRegex, not ${extra.join(', ')}`,
    );
  if (pathRegex !== undefined && path !== undefined)
    throw new SimConfigError('match', 'Give match.path or match.pathRegex, not both');
  let pattern: RegExp | undefined;
  if (pathRegex !== undefined) {
    try {
      pattern = new RegExp(String(pathRegex));
    } catch {
      throw new SimConfigError(
        'match.pathRegex',
        `'${String(pathRegex)}' is not a valid regular expression`,
      );
    }
  }
  const resolved = pattern ?? path;
  return {
    match: {
      ...(method === undefined ? {} : { method: method as string }),
      ...(resolved === undefined ? {} : { path: resolved as string | RegExp }),
    },
  };
}
