/**
 * The built renderer's files, as both shells serve them (the app:// protocol and the browser
 * host's HTTP). Paths are resolved inside the renderer folder and anything that would leave it
 * (`..`, encoded slashes, dotfiles) is simply not found.
 */
import { join, sep } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
};

/** The file under `root` a URL path names, or null when it names nothing servable. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = (decoded === '/' ? '/index.html' : decoded)
    .split('/')
    .filter((part) => part !== '');
  // `..`, `.` and dotfiles are never part of the built renderer.
  if (parts.length === 0 || parts.some((part) => part.startsWith('.'))) return null;
  const file = join(root, ...parts);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}
