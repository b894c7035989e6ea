/** Serves the built renderer's files over HTTP (paths resolved by shell-kit/renderer-files). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { CONTENT_TYPES, resolveStaticPath } from '../../shell-kit/renderer-files';
import { notFound, writeHead } from './respond';

export async function serveStatic(
  response: ServerResponse,
  root: string,
  urlPath: string,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const file = resolveStaticPath(root, urlPath);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) {
    notFound(response);
    return;
  }
  writeHead(response, 200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    ...extraHeaders,
  });
  // Headers are out already: a read error can only cut the response short.
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}
