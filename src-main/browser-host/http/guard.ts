/**
 * Who may talk to the browser host. It listens on loopback only, but any web page the person
 * opens can still send requests to 127.0.0.1, and a hostile domain can be re-pointed at it (DNS
 * rebinding). So every request must name this host exactly, carry the per-run token, and commands
 * must carry it in a header, which a cross-site form or image cannot set.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'lt_session';
export const TOKEN_HEADER = 'x-lead-triage-token';

export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator !== -1 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return undefined;
}

/** The Host header must be this server by IP or by `localhost`, with its port; nothing else. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return value === `127.0.0.1:${port}` || value === `localhost:${port}`;
}

/** Browsers send Origin on cross-site POSTs; a request without one comes from no page at all. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || (host !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`);
}

/** The token from the session cookie or the `token` query parameter (the printed URL). */
export function pageToken(request: IncomingMessage, url: URL): string | undefined {
  return url.searchParams.get('token') ?? readCookie(request.headers.cookie, SESSION_COOKIE);
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
