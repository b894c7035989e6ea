/**
 * The renderer's one way to the core. Everything else in the renderer calls `invoke` and `on` from
 * here and never learns whether the answer came over Electron IPC (the preload's
 * `window.leadTriage`) or over HTTP from the browser host (`/api/invoke/<name>` and Server-Sent
 * Events on `/api/events`).
 *
 * Inputs are checked against the contract before they leave, so a bad value is reported at once
 * with the contract's own sentence; outputs are parsed with the contract's schemas, so the rest of
 * the renderer can trust their types.
 */
import {
  BridgeErrorSchema,
  commands,
  describeIssues,
  events,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type ErrorCode,
  type EventName,
  type EventPayload,
  type Result,
} from '#contract';

/** What the preload exposes in Electron. */
export interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    leadTriage?: PreloadBridge;
  }
}

/** A command that answered with an error, or could not be asked at all. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

const TOKEN_HEADER = 'x-lead-triage-token';
const TOKEN_KEY = 'lead-triage-token';
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

interface Transport {
  invoke(name: CommandName, input: unknown): Promise<Result<unknown>>;
  on(event: EventName, callback: (payload: unknown) => void): () => void;
}

/**
 * Whether Lead Triage's own process answers this window. Over HTTP it can stop while the page
 * stays open (the host was ended, the laptop slept): the window must not go on saying "Online".
 */
let hostReachable = true;
const reachabilityListeners = new Set<(reachable: boolean) => void>();

function setHostReachable(reachable: boolean): void {
  if (reachable === hostReachable) return;
  hostReachable = reachable;
  for (const listener of reachabilityListeners) listener(reachable);
}

/** Calls back whenever the host stops or starts answering; returns the unsubscribe. */
export function onHostReachability(callback: (reachable: boolean) => void): () => void {
  reachabilityListeners.add(callback);
  return () => reachabilityListeners.delete(callback);
}

/**
 * The browser host's token arrives in the page address. Once the page is here the host has set
 * its cookie and this tab keeps the token for commands, so it leaves the address bar (and with
 * it the browser's history); a reload still works from the cookie and this tab's session.
 */
function adoptTokenFromAddress(): void {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (!fromUrl) return;
  window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

let askedForToken: Promise<string> | null = null;

/**
 * The browser host's token: from the page address on first load, then from this tab's session.
 * A second tab opened from the address bar has neither: the host gives the token to a page that
 * holds its cookie, so that tab works as the first does.
 */
async function hostToken(): Promise<string> {
  const kept = window.sessionStorage.getItem(TOKEN_KEY);
  if (kept) return kept;
  askedForToken ??= fetch('/api/session-token', { cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) return '';
      const { token } = (await response.json()) as { token?: unknown };
      if (typeof token !== 'string') return '';
      window.sessionStorage.setItem(TOKEN_KEY, token);
      return token;
    })
    .catch(() => '')
    .finally(() => {
      askedForToken = null;
    });
  return askedForToken;
}

function browserTransport(): Transport {
  adoptTokenFromAddress();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  let retryMs = RECONNECT_MIN_MS;
  let hadError = false;

  const emit = (event: EventName, payload: unknown) => {
    for (const callback of listeners.get(event) ?? []) callback(payload);
  };

  const connect = () => {
    const next = new EventSource('/api/events');
    source = next;
    for (const name of Object.keys(events) as EventName[]) {
      next.addEventListener(name, (message) => {
        try {
          emit(name, JSON.parse((message as MessageEvent<string>).data));
        } catch {
          // A malformed event is dropped; the next one, or the refresh after a reconnect, repairs.
        }
      });
    }
    next.onopen = () => {
      retryMs = RECONNECT_MIN_MS;
      setHostReachable(true);
      if (!hadError) return;
      hadError = false;
      // Events sent while disconnected are lost: ask every view to refetch what it shows.
      emit('leads:changed', { ids: null });
      void transport.invoke('sync:status', {}).then((result) => {
        if (result.ok) emit('sync:status', result.value);
      });
    };
    next.onerror = () => {
      hadError = true;
      setHostReachable(false);
      // EventSource retries by itself unless the server refused the stream outright.
      if (next.readyState !== EventSource.CLOSED) return;
      source = null;
      window.setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
    };
  };

  const transport: Transport = {
    async invoke(name, input) {
      let response: Response;
      try {
        const token = await hostToken();
        response = await fetch(`/api/invoke/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        setHostReachable(false);
        return {
          ok: false,
          error: { code: 'offline', message: 'Lead Triage is not reachable. Is it still running?' },
        };
      }
      setHostReachable(true);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `Lead Triage answered ${response.status} without a readable reply.`,
          },
        };
      }
      return body as Result<unknown>;
    },
    on(event, callback) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(callback);
      if (!source) connect();
      return () => set.delete(callback);
    },
  };
  return transport;
}

function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, input) => bridge.invoke(name, input),
    on: (event, cb) => bridge.on(event, cb),
  };
}

let chosen: Transport | null = null;
function transport(): Transport {
  chosen ??= window.leadTriage ? preloadTransport(window.leadTriage) : browserTransport();
  return chosen;
}

/** Calls one command of the contract. Resolves with its parsed output; rejects with a ClientError. */
export async function invoke<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const command = commands[name];
  const checked = command.input.safeParse(input);
  if (!checked.success)
    throw new ClientError('invalid-input', describeIssues(checked.error.issues));
  const result = await transport().invoke(name, input);
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new ClientError('internal', `The answer to ${name} was not understood.`);
  }
  if (!result.ok) {
    const error = BridgeErrorSchema.safeParse(result.error);
    if (error.success) throw new ClientError(error.data.code, error.data.message);
    throw new ClientError('internal', `${name} failed without saying why.`);
  }
  const output = command.output.safeParse(result.value);
  if (!output.success) {
    throw new ClientError(
      'internal',
      `The answer to ${name} did not have the expected shape (${describeIssues(output.error.issues)}).`,
    );
  }
  return output.data as CommandOutput<N>;
}

/** Subscribes to a core event; payloads that do not match the contract are ignored. */
export function on<E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
): () => void {
  return transport().on(event, (raw) => {
    const parsed = events[event].safeParse(raw);
    if (parsed.success) callback(parsed.data as EventPayload<E>);
  });
}

/** The message to show a person for anything a command threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ClientError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
