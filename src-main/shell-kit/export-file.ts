/**
 * Writes an export (a query's or a view's leads, as CSV or JSON) to a file, chunk by chunk with
 * each write awaited, reporting progress. A failed export removes its partial file, so a file
 * that exists is a whole one. Used by the desktop app's save dialog.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { CommandArgs, CoreHandlers } from '#contract';
import { exportChunks, type ExportProgress } from '../core';

export type ExportRequest = CommandArgs<'export:save'>;

export async function exportIds(handlers: CoreHandlers, request: ExportRequest): Promise<number[]> {
  const search = request.search ? { search: request.search } : {};
  if (request.query === undefined && request.view !== undefined)
    return (await handlers['leads:ids']({ view: request.view, ...search })).ids;
  return (
    await handlers['query:ids']({
      query: request.query ?? '',
      ...(request.sort ? { sort: request.sort } : {}),
      ...search,
    })
  ).ids;
}

export async function writeExportFile(
  handlers: CoreHandlers,
  request: ExportRequest,
  path: string,
  onProgress: (progress: ExportProgress) => void,
): Promise<number> {
  const ids = await exportIds(handlers, request);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  const rowsOf = async (batch: number[]) => {
    const { rows } = await handlers['leads:rows']({ ids: batch });
    count += rows.length;
    return rows;
  };
  try {
    for await (const chunk of exportChunks(ids, request.format, rowsOf, onProgress)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    return count;
  } catch (error) {
    out.destroy();
    await rm(path, { force: true });
    throw error;
  }
}
