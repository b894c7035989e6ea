/**
 * The HTTP server: reads each request whole, applies faults, checks Basic auth, routes, and
 * answers with Envoke's headers. Tracks every socket so stop() ends even hanging requests.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type Socket } from 'node:net';
import { SimConfigError } from './errors';
import { type FaultController, type InjectedFault } from './faults';
import { type Journal } from './journal';
import { type ResolvedOptions } from './options';
import {
  ENVOKE_HEADERS,
  type SimReply,
  envelope,
  notFound,
  serverError,
  tooManyRequests,
  truncated,
  unauthorized,
  validationFailed,
} from './reply';
import { type SimRequest } from './request';
import { routeApi } from './routes';
import { type SimStats, routeControl } from './routes-control';
import { type HookList } from './routes-hooks';
import { type SimLeadStore } from './lead-store';
import { httpDate } from './time';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ServerParts {
  options: ResolvedOptions;
  store: SimLeadStore;
  journal: Journal;
  faults: FaultController;
  hooks: HookList;
  /** After every request that may have written (any method but GET), before it is answered. */
  onWrite?: () => void;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  stats(): SimStats;
}

export async function startServer(parts: ServerParts): Promise<RunningServer> {
  const { options, store, journal, faults, hooks } = parts;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const byMethod: Record<string, number> = {};
  let requests = 0;
  let stopped = false;
  const credentials = `${options.apiId}:${options.apiKey}`;
  const isAuthorized = (header: string | undefined): boolean => {
    const match = /^basic\s+(\S+)\s*$/i.exec(header ?? '');
    return (
      match?.[1] !== undefined && Buffer.from(match[1], 'base64').toString('utf8') === credentials
    );
  };

  const stats = (): SimStats => ({
    leads: store.count(),
    contacts: store.contactCount(),
    requests,
    requestsByMethod: { ...byMethod },
    faultsInjected: faults.counts(),
    faultsQueued: faults.queued,
    journalEntries: journal.entries.length,
  });

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = req.url ?? '/';
    const url = new URL(target, 'http://simulator.invalid');
    const request: SimRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      pathname: url.pathname,
      search: url.search,
      body: body ?? '',
    };
    const authorized = isAuthorized(req.headers.authorization);

    const wrote = request.method !== 'GET' ? parts.onWrite : undefined;
    // The controls stay reachable whatever faults are set, so a test can always clear them.
    if (options.control && request.pathname.startsWith('/_sim/')) {
      const answer = authorized
        ? (routeControl(request, { store, journal, faults, stats }) ?? notFound())
        : unauthorized();
      if (authorized) wrote?.();
      send(res, answer);
      return;
    }
    requests += 1;
    byMethod[request.method] = (byMethod[request.method] ?? 0) + 1;
    const fault = faults.take(request.method, target);
    if (faults.latencyMs > 0) await wait(faults.latencyMs);
    if (stopped) return;
    if (fault?.kind === 'reset') return resetConnection(res);
    if (fault?.kind === 'hang') return; // never answered; stop() destroys the socket
    const early = fault === undefined ? undefined : earlyReply(fault);
    if (early !== undefined) return send(res, early);
    if (body === undefined) return send(res, envelope(413, false, 'Request body too large', []));

    const reply = authorized
      ? routeApi(request, { store, journal, hooks, options })
      : unauthorized();
    if (authorized) wrote?.();
    // The write above is applied and journalled; only its answer is lost.
    if (fault?.kind === 'drop-after-write') return resetConnection(res);
    send(res, fault?.kind === 'malformed' ? truncated(reply) : reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Envoke simulator: unexpected error', error);
      if (!res.headersSent && !res.destroyed) send(res, serverError(500));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE' ? `Port ${options.port} is already in use` : error.message;
      reject(
        new SimConfigError('port', `Cannot listen on ${options.host}:${options.port}: ${reason}`),
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url: `http://${host}:${port}`, port, stop, stats };
}

function earlyReply(fault: InjectedFault): SimReply | undefined {
  switch (fault.kind) {
    case '5xx':
      return serverError(fault.status);
    case '401':
      return unauthorized();
    case '400':
      return validationFailed([fault.message]);
    case '429':
      return tooManyRequests(
        fault.retryAfter === 'http-date'
          ? httpDate(Math.ceil((Date.now() + 1000) / 1000) * 1000)
          : String(fault.retryAfter),
      );
    default:
      return undefined;
  }
}

/** Reads the body as text; undefined when it is larger than Envoke would accept. */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Ends the connection with a TCP reset and no response, as a dropped network path looks. */
function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket !== null && !socket.destroyed) socket.resetAndDestroy();
}

function send(res: ServerResponse, reply: SimReply): void {
  if (res.destroyed) return;
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries({ ...ENVOKE_HEADERS, ...reply.headers }))
    res.setHeader(name, value);
  // Written, then ended, so the body goes out chunked as Envoke's does.
  res.write(reply.body);
  res.end();
}
