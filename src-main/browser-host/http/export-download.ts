/**
 * `GET /api/export?format=csv|json&query=…&sort=…&search=…` (or `view=…` for a built-in view):
 * the leads as a file download, streamed a page at a time with the writes paced by the
 * connection, so any size goes out in constant memory. Behind the same token guard as the page.
 * `X-Lead-Count` says up front how many leads follow, for progress.
 */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import { CommandError, type CoreHandlers, VIEW_IDS, type ViewId } from '#contract';
import { EXPORT_FORMATS, exportChunks, exportFileName, type ExportFormat } from '../../core';
import { parseCommandInput } from '#channel';
import { sendText, writeHead } from './respond';

export const EXPORT_PATH = '/api/export';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The ids to export; the address's words are parsed at the gate like any command's input. */
async function idsFor(handlers: CoreHandlers, params: URLSearchParams): Promise<number[]> {
  const search = params.get('search') ?? undefined;
  const view = params.get('view');
  if (view !== null) {
    if (!(VIEW_IDS as readonly string[]).includes(view))
      throw new CommandError('invalid-input', `There is no view "${view.slice(0, 40)}".`);
    const input = { view: view as ViewId, ...(search ? { search } : {}) };
    return (await handlers['leads:ids'](parseCommandInput('leads:ids', input))).ids;
  }
  const sort = params.get('sort') ?? undefined;
  const input = {
    query: params.get('query') ?? '',
    ...(sort ? { sort } : {}),
    ...(search ? { search } : {}),
  };
  return (await handlers['query:ids'](parseCommandInput('query:ids', input))).ids;
}

export async function handleExport(
  response: ServerResponse,
  params: URLSearchParams,
  handlers: CoreHandlers,
  now: number,
): Promise<void> {
  const format = (params.get('format') ?? 'csv').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    return sendText(response, 400, 'The format is csv or json.');
  let ids: number[];
  try {
    ids = await idsFor(handlers, params);
  } catch (error) {
    return sendText(
      response,
      400,
      error instanceof CommandError ? error.message : 'The export could not start.',
    );
  }
  const name = exportFileName(format as ExportFormat, now, params.get('name') ?? 'leads');
  writeHead(response, 200, {
    'Content-Type': CONTENT_TYPES[format as ExportFormat],
    // The ASCII name for old agents; filename* keeps a view's own name in any script.
    'Content-Disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
    'X-Lead-Count': ids.length,
  });
  const rowsOf = async (batch: number[]) => (await handlers['leads:rows']({ ids: batch })).rows;
  try {
    for await (const chunk of exportChunks(ids, format as ExportFormat, rowsOf)) {
      if (response.destroyed) return;
      if (!response.write(chunk)) await once(response, 'drain');
    }
    response.end();
  } catch {
    // Headers are out: the only honest signal left is a cut connection, not a complete-looking file.
    response.destroy();
  }
}
