/**
 * The browser host: the real core behind the same contract as the desktop app, served over HTTP
 * on 127.0.0.1 together with the built renderer, for machines without an Electron binary and for
 * end-to-end tests in Chromium.
 *
 * Protocol (the renderer's client depends on it):
 * - `GET /?token=T` gives the page and sets the `lt_session` cookie; other static files and
 *   `GET /api/events` (Server-Sent Events) need that cookie or `?token=T`.
 * - `GET /api/session-token` answers `{ token: T }` to a page holding the cookie: a second tab
 *   opened from the address bar (no token in its address) learns the token for its commands.
 *   Only a page of this origin can read it (no CORS; the cookie is SameSite=Strict).
 * - `POST /api/invoke/<command>` with the input as JSON body and header `x-lead-triage-token: T`
 *   answers 200 with a `Result`.
 * - Anything for another Host than this server, or a POST from another origin, is refused with
 *   403 and a body that says nothing else. Without the current token the page gets a 403 page
 *   saying to open the URL `npm start` printed, a command a 403 `Result` saying the same, and
 *   any other path a bare 403.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
// With the attribute Node's own loader (Playwright specs import this in-process) accepts it too.
import packageJson from '../../package.json' with { type: 'json' };
import { TRUSTED, type Caller, type ChannelServer } from '#channel';
import { AccountSchema, DEFAULT_BASE_URL, describeIssues, isWebAddress } from '#contract';
import type { Logger } from '../core';
import { hostDatabaseKey, hostDatabaseKeyStorage } from '../shell-kit/database-key';
import { createConsoleLogger } from './console-logger';
import { createRedactor, redactingLogger } from '../shell-kit/log-redaction';
import { createMemoryCredentials, type SavedAccount } from '../shell-kit/credentials';
import { databaseFileName } from '../shell-kit/database-files';
import { discardDemoFiles } from '../shell-kit/demo-files';
import {
  startSession,
  type CoreIn,
  type DemoSimulator,
  type RunningCore,
  type Session,
} from '../session';
import { handleInvoke, INVOKE_PREFIX, openEventStream } from './http/channel';
import { EXPORT_PATH, handleExport } from './http/export-download';
import {
  isAllowedHost,
  isSameOrigin,
  pageToken,
  sessionCookie,
  TOKEN_HEADER,
  tokensMatch,
} from './http/guard';
import { forbidden, notFound, sendJson, sendText, staleAddressPage } from './http/respond';
import { serveStatic } from './http/static-files';
import { createJsonPreferences } from './json-preferences';

export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const EVENTS_PATH = '/api/events';
export const SESSION_TOKEN_PATH = '/api/session-token';

/** A command from a page without this run's token: answered 403 with what to do. */
const EARLIER_RUN: Caller = {
  trusted: false,
  from: "a page without this run's token",
  refusal: 'This page is from an earlier run of Lead Triage: open the URL printed by npm start.',
};

/** A browser host that could not start, said so that the person running it can fix it. */
export class BrowserHostError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BrowserHostError';
  }
}

export interface BrowserHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The database for the starting account (or the demo); other accounts get files beside it. */
  dbPath: string;
  /** A real Envoke account; demo data from the in-process simulator when absent. */
  account?: { baseUrl: string; apiId: string; apiKey: string } | null;
  demoLeads?: number;
  rendererDir?: string;
  logger?: Logger;
  heartbeatMs?: number;
  /** 'worker' (the default) runs the core in its own thread, as the desktop app does. */
  coreIn?: CoreIn;
  /**
   * Test harnesses only: the demo simulator serves its `/_sim/` controls (change a lead as a
   * colleague would, queue faults, read the journal). `npm run start:browser` never turns it on.
   */
  simulatorControl?: boolean;
  /** Start the demo afresh: its cache and its Envoke's state are discarded first. */
  freshDemo?: boolean;
}

export interface BrowserHost {
  /** The URL to open, token included. */
  url: string;
  token: string;
  port: number;
  /** The core opened at start (a later account switch replaces it inside `session`). */
  core: RunningCore;
  /** The simulator behind demo data, when the host started in demo mode (where it is now). */
  readonly simulator: DemoSimulator | null;
  session: Session;
  /** Ends event streams, closes every connection, stops the core and the simulator. */
  stop(): Promise<void>;
}

function startingAccount(account: BrowserHostOptions['account']): SavedAccount | null {
  if (!account) return null;
  const parsed = AccountSchema.safeParse(account);
  if (!parsed.success) {
    throw new BrowserHostError(describeIssues(parsed.error.issues));
  }
  if (!isWebAddress(parsed.data.baseUrl)) {
    throw new BrowserHostError(
      `"${parsed.data.baseUrl}" is not a valid URL such as ${DEFAULT_BASE_URL}`,
    );
  }
  if (account.apiKey.trim() === '') throw new BrowserHostError('The Envoke API key is empty');
  return { account: parsed.data, apiKey: account.apiKey };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new BrowserHostError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use; pick another with --port`
            : error.message,
          { cause: error },
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

interface Router {
  port: number;
  token: string;
  rendererDir: string;
  channel: ChannelServer;
  openStream(response: ServerResponse): void;
  session: Session;
}

async function route(
  request: IncomingMessage,
  response: ServerResponse,
  router: Router,
): Promise<void> {
  const { host } = request.headers;
  if (!isAllowedHost(host, router.port)) return forbidden(response);
  const url = new URL(request.url ?? '/', `http://${host}`);

  if (url.pathname.startsWith(INVOKE_PREFIX)) {
    const header = request.headers[TOKEN_HEADER];
    if (request.method !== 'POST' || !isSameOrigin(request.headers.origin, host))
      return forbidden(response);
    if (!tokensMatch(router.token, typeof header === 'string' ? header : undefined))
      return handleInvoke(request, response, url.pathname, router.channel, EARLIER_RUN);
    return handleInvoke(request, response, url.pathname, router.channel, TRUSTED);
  }

  if (!tokensMatch(router.token, pageToken(request, url))) {
    // The page itself gets a sentence saying where the right address is; everything else nothing.
    const isPage =
      request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html');
    return isPage ? staleAddressPage(response) : forbidden(response);
  }
  if (request.method !== 'GET') return sendText(response, 405, 'Method not allowed');
  if (url.pathname === EVENTS_PATH) return router.openStream(response);
  if (url.pathname === SESSION_TOKEN_PATH) return sendJson(response, { token: router.token });
  if (url.pathname === EXPORT_PATH)
    return handleExport(response, url.searchParams, router.session.core, Date.now());
  if (url.pathname.startsWith('/api/')) return notFound(response);
  if (url.pathname === '/' || url.pathname === '/index.html') {
    return serveStatic(response, router.rendererDir, '/index.html', {
      'Set-Cookie': sessionCookie(router.token),
      'Cache-Control': 'no-store',
    });
  }
  return serveStatic(response, router.rendererDir, url.pathname);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  // The console log never shows the API key or this host's token (added once it exists).
  const redact = createRedactor();
  const logger = options.logger ?? redactingLogger(createConsoleLogger(), redact);
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new BrowserHostError(
      `The renderer is not built (${rendererDir}); run npm run build:renderer`,
    );
  }
  const initial = startingAccount(options.account);
  redact.addSecret(initial?.apiKey);
  const dbPath = resolve(options.dbPath);
  const startingFile = databaseFileName(initial?.account ?? null);
  // The given file serves the starting account; any other account (or the demo) gets its own.
  const dbPathFor = (target: SavedAccount | null): string => {
    const file = databaseFileName(target?.account ?? null);
    return file === startingFile ? dbPath : join(dirname(dbPath), file);
  };

  if (options.freshDemo === true) discardDemoFiles(dbPathFor(null));

  const { dir, name } = parse(dbPath);
  const { session, channel } = await startSession({
    host: 'browser',
    version: packageJson.version,
    logger,
    initial,
    dbPathFor,
    databaseKey: (path) => {
      const { key, notice } = hostDatabaseKey(path, process.env);
      if (notice !== null) logger.warn(notice);
      return key;
    },
    databaseKeyStorage: () => hostDatabaseKeyStorage(process.env),
    preferences: createJsonPreferences(join(dir, `${name}.settings.json`), logger),
    credentials: createMemoryCredentials(initial),
    demoLeads: options.demoLeads,
    coreIn: options.coreIn,
    simulatorControl: options.simulatorControl,
    checkOutput: process.env.NODE_ENV !== 'production',
  });
  const started = await session.current();

  const streams = new Set<() => void>();
  const token = randomBytes(32).toString('base64url');
  redact.addSecret(token);
  const router: Router = {
    port: 0,
    token,
    rendererDir,
    channel,
    session,
    openStream(response) {
      const close = openEventStream(response, {
        channel,
        logger,
        heartbeatMs: options.heartbeatMs,
      });
      streams.add(close);
      response.on('close', () => streams.delete(close));
    },
  };
  const server = createServer((request, response) => {
    route(request, response, router).catch((error: unknown) => {
      logger.error('The browser host failed to answer a request', { error: String(error) });
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  });

  try {
    router.port = await listen(server, options.port ?? 0);
  } catch (error) {
    await session.close();
    throw error;
  }

  let stopping: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${router.port}/?token=${token}`,
    token,
    port: router.port,
    core: started,
    get simulator() {
      return started.simulator;
    },
    session,
    stop() {
      stopping ??= (async () => {
        for (const close of streams) close();
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeAllConnections();
        await closed;
        await session.close();
      })();
      return stopping;
    },
  };
}
