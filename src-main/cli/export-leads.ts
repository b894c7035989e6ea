/**
 * `export`: every lead of a view (and search), or of a query, on stdout as one JSON array or as
 * CSV, with the columns of `list`. Each chunk's write is awaited, so any number of leads streams
 * in constant memory at the pace of the reader.
 */
import type { Writable } from 'node:stream';
import type { ViewId } from '#contract/dto';
import { type Core, EXPORT_COLUMNS, exportChunks, type ExportFormat } from '../core';
import { call } from './core-call';
import { writeChunk } from './output';

export { EXPORT_COLUMNS };

export interface ExportQuery {
  view: ViewId;
  search: string | undefined;
  format: ExportFormat;
  /** A lead query; replaces the view when given. */
  query?: string | undefined;
  sort?: string | undefined;
}

/** The lead ids `list` and `export` show, in order: a query's, or a view's. */
export async function idsToShow(core: Core, query: Omit<ExportQuery, 'format'>): Promise<number[]> {
  const search = query.search === undefined ? {} : { search: query.search };
  if (query.query !== undefined || query.sort !== undefined)
    return (
      await call(core, 'query:ids', {
        query: query.query ?? '',
        ...(query.sort === undefined ? {} : { sort: query.sort }),
        ...search,
      })
    ).ids;
  return (await call(core, 'leads:ids', { view: query.view, ...search })).ids;
}

/** Writes the export to `out`; resolves with the number of leads written. */
export async function exportLeads(core: Core, query: ExportQuery, out: Writable): Promise<number> {
  const ids = await idsToShow(core, query);
  let count = 0;
  const rowsOf = async (batch: number[]) => {
    const { rows } = await call(core, 'leads:rows', { ids: batch });
    count += rows.length;
    return rows;
  };
  for await (const chunk of exportChunks(ids, query.format, rowsOf)) await writeChunk(out, chunk);
  return count;
}
