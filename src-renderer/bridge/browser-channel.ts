/**
 * The channel over HTTP and Server-Sent Events, its client end in the page (the browser host's
 * src-main/browser-host/http/channel.ts is the server end): a command is `POST
 * /api/invoke/<name>` with this run's token in a header, events arrive on one EventSource at
 * `/api/events`, opened with the first listener and reopened when it drops.
 *
 * Over HTTP the host can stop while the page stays open (the host was ended, the laptop slept),
 * so this end also says whether Lead Triage's own process answers: the window must not go on
 * saying "Online" when it does not.
 */
import { createEmitter, type Channel } from '#channel';
import { EVENT_NAMES, type EventName, type Result } from '#contract';

const TOKEN_HEADER = 'x-lead-triage-token';
const TOKEN_KEY = 'lead-triage-token';
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

const reportListenerFailure = (event: string, error: unknown): void =>
  console.error(`A listener of ${event} failed`, error);

let hostReachable = true;
const reachability = createEmitter<{ reachable: boolean }>(reportListenerFailure);

function setHostReachable(reachable: boolean): void {
  if (reachable === hostReachable) return;
  hostReachable = reachable;
  reachability.emit('reachable', reachable);
}

/** Calls back whenever the host stops or starts answering; returns the unsubscribe. */
export function onHostReachability(callback: (reachable: boolean) => void): () => void {
  return reachability.on('reachable', callback);
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

async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
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
}

export function browserChannel(): Channel {
  adoptTokenFromAddress();
  const events = createEmitter<Record<EventName, unknown>>(reportListenerFailure);
  let source: EventSource | null = null;
  let retryMs = RECONNECT_MIN_MS;
  let hadError = false;

  const connect = () => {
    const next = new EventSource('/api/events');
    source = next;
    for (const name of EVENT_NAMES) {
      next.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          // A malformed event is dropped; the next one, or the refresh after a reconnect, repairs.
          return;
        }
        events.emit(name, payload);
      });
    }
    next.onopen = () => {
      retryMs = RECONNECT_MIN_MS;
      setHostReachable(true);
      if (!hadError) return;
      hadError = false;
      // Events sent while disconnected are lost: ask every view to refetch what it shows.
      events.emit('leads:changed', { ids: null });
      void invoke('sync:status', {}).then((result) => {
        if (result.ok) events.emit('sync:status', result.value);
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

  return {
    invoke,
    on(event, listener) {
      const stop = events.on(event as EventName, listener);
      if (!source) connect();
      return stop;
    },
  };
}
