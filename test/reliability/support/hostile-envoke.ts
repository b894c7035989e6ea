/**
 * A small Envoke on 127.0.0.1 that answers faithfully (list with skip/limit and remote_id,
 * read, create, update) unless a run has queued hostile replies for a route: those are sent
 * instead, in order, and then it is faithful again (so every run can end). A hostile write reply
 * may come after the write was applied, as when Envoke saves a change and its answer is broken.
 * It records what a check needs: every create and lookup by remote_id, every update, every body
 * served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = 'list' | 'get' | 'create' | 'update';

export interface HostileReply {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** For create and update: apply the write first, then send this instead of the answer. */
  afterWrite?: boolean;
}

export interface Served {
  route: Route;
  status: number;
  body: string;
}

export interface HostileEnvoke {
  url: string;
  /** Envoke's leads as it holds them, by id. */
  leads: Map<string, Record<string, unknown>>;
  /** In order: the requests that matter to exactly-once (creates, lookups, updates). */
  events: {
    kind: 'create' | 'lookup' | 'update';
    remoteId?: string;
    leadId?: string;
    body?: unknown;
    /** An update Envoke applied and answered faithfully with the lead. */
    acknowledged?: boolean;
  }[];
  served: Served[];
  queue(route: Route, replies: readonly HostileReply[]): void;
  clearQueues(): void;
  stop(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function wireLead(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: String(id),
    remote_id: '',
    marketing_rating_status: 'Unprocessed',
    sales_rating_status: 'Not applicable',
    opportunity: 'None',
    sale: 'None',
    sale_note: '',
    contact: { id: String(1000 + id), email: `lead${id}@example.com` },
    ...extra,
  };
}

export async function startHostileEnvoke(initialLeads: number): Promise<HostileEnvoke> {
  const leads = new Map<string, Record<string, unknown>>();
  for (let id = 1; id <= initialLeads; id += 1) leads.set(String(id), wireLead(id));
  let nextId = 10_000;
  const queues = new Map<Route, HostileReply[]>();
  const events: HostileEnvoke['events'] = [];
  const served: Served[] = [];

  const send = (
    res: ServerResponse,
    route: Route,
    status: number,
    body: string,
    headers: Record<string, string> = JSON_HEADERS,
  ) => {
    served.push({ route, status, body });
    res.writeHead(status, headers);
    res.end(body);
  };
  const notFound = (res: ServerResponse, id: string) =>
    send(
      res,
      'get',
      400,
      JSON.stringify({
        success: false,
        result_text: 'Validation failed',
        result_data: { errors: [`Item with id '${id}' not found`] },
      }),
    );

  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', 'http://envoke.invalid');
    const one = /^\/v1\/leads\/(\d+)$/.exec(url.pathname)?.[1];
    const route: Route | undefined =
      url.pathname === '/v1/leads'
        ? req.method === 'POST'
          ? 'create'
          : 'list'
        : one === undefined
          ? undefined
          : req.method === 'PATCH'
            ? 'update'
            : 'get';
    if (route === undefined) return send(res, 'list', 404, '{}');
    let body: Record<string, unknown> = {};
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = {};
    }
    const remoteId = url.searchParams.get('filter[remote_id]');
    if (route === 'list' && remoteId !== null) events.push({ kind: 'lookup', remoteId });
    if (route === 'create') events.push({ kind: 'create', remoteId: String(body.remote_id ?? '') });
    const event =
      route === 'update'
        ? { kind: 'update' as const, leadId: one!, body, acknowledged: false }
        : undefined;
    if (event !== undefined) events.push(event);

    // A listing's hostile replies go to its first page (pages asked for ahead stay faithful), so
    // every hostile page sent is one the core reads.
    const firstPage = route !== 'list' || Number(url.searchParams.get('skip') ?? 0) === 0;
    const hostile = firstPage ? queues.get(route)?.shift() : undefined;
    if (hostile !== undefined && !hostile.afterWrite) {
      return send(res, route, hostile.status, hostile.body, {
        ...JSON_HEADERS,
        ...hostile.headers,
      });
    }
    const status = 200;
    let answer: unknown;
    switch (route) {
      case 'list': {
        const skip = Number(url.searchParams.get('skip') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 100);
        const all = [...leads.values()]
          .filter((lead) => remoteId === null || lead.remote_id === remoteId)
          .sort((a, b) => Number(a.id) - Number(b.id));
        answer = all.slice(skip, skip + limit);
        break;
      }
      case 'get': {
        const lead = leads.get(one!);
        if (lead === undefined) return notFound(res, one!);
        answer = lead;
        break;
      }
      case 'create': {
        const id = String(nextId++);
        const { contact, ...fields } = body;
        const lead = {
          ...wireLead(Number(id)),
          ...fields,
          id,
          contact: { ...(contact as object), id: String(50_000 + Number(id)) },
        };
        leads.set(id, lead);
        answer = lead;
        break;
      }
      case 'update': {
        const lead = leads.get(one!);
        if (lead === undefined) return notFound(res, one!);
        Object.assign(lead, body);
        answer = lead;
        break;
      }
    }
    if (hostile !== undefined)
      return send(res, route, hostile.status, hostile.body, {
        ...JSON_HEADERS,
        ...hostile.headers,
      });
    if (event !== undefined) event.acknowledged = true;
    send(res, route, status, JSON.stringify(answer));
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    leads,
    events,
    served,
    queue: (route, replies) => queues.set(route, [...(queues.get(route) ?? []), ...replies]),
    clearQueues: () => queues.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
