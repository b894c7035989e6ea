/**
 * Every response of the browser host carries the renderer's CSP and headers that keep the page
 * from being framed, sniffed or leaking its URL (which holds the token) as a referrer.
 */
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../csp';

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

export function sendJson(response: ServerResponse, value: unknown, extra: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  writeHead(response, 200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}
