/**
 * Every response of the browser host carries the renderer's CSP and headers that keep the page
 * from being framed, sniffed or leaking its URL (which holds the token) as a referrer.
 */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shell-kit/csp';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function writeHead(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers });
}

/** Plain refusals say nothing about what is here: no file names, no product name. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  const body = Buffer.from(`${text}\n`);
  writeHead(response, status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

export const forbidden = (response: ServerResponse): void => sendText(response, 403, 'Forbidden');
export const notFound = (response: ServerResponse): void => sendText(response, 404, 'Not found');

export function sendJson(
  response: ServerResponse,
  value: unknown,
  extra: Record<string, string> = {},
  status = 200,
): void {
  const body = Buffer.from(JSON.stringify(value));
  writeHead(response, status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

/**
 * A page request without the current token: the person opened an old address (a bookmark, the
 * history, a previous run's URL). Tell them what to do; no data, no file names, no token.
 */
export function staleAddressPage(response: ServerResponse): void {
  const body = Buffer.from(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Open Lead Triage from its new address</title></head>
<body>
<main>
<h1>This address is out of date</h1>
<p>Each time Lead Triage starts it prints a new address with a key in it. Open the URL printed by
<code>npm start</code> (or <code>npm run start:browser</code>) in the terminal, such as
<code>http://127.0.0.1:PORT/?token=…</code>.</p>
</main>
</body>
</html>
`);
  writeHead(response, 403, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
