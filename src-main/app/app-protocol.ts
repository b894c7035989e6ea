/**
 * The renderer is served on a privileged custom scheme, app://lead-triage/, instead of file://
 * (Electron security checklist item 18): the page gets an origin of its own, file:// keeps no
 * extra privileges (its fuse is off), and nothing outside the built renderer folder can be
 * reached. This module is the request → response part, plain web Request/Response so it runs
 * under Node; index.ts registers the scheme and hands `protocol.handle` this function.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shell-kit/csp';
import { CONTENT_TYPES, resolveStaticPath } from '../shell-kit/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lead-triage';
/** The page the window loads; navigation anywhere else is refused (web-security.ts). */
export const APP_PAGE_URL = new URL(`${APP_SCHEME}://${APP_HOST}/index.html`);

/** What `protocol.registerSchemesAsPrivileged` is given, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    // A real origin (relative URLs, localStorage) treated as secure like https.
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // The CSP is honoured on this scheme like on https.
    bypassCSP: false,
  },
} as const;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

function refuse(status: 404 | 405): Response {
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });
}

export async function appProtocolResponse(
  request: Request,
  rendererDir: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(404);
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
  // The raw path, before URL normalisation: a `..` or encoded separator is refused, not resolved.
  const rawPath = request.url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] ?? '/';
  const file = resolveStaticPath(rendererDir, rawPath === '' ? '/' : rawPath);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) return refuse(404);
  const headers = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    ...SECURITY_HEADERS,
  };
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(await readFile(file), { status: 200, headers });
}
