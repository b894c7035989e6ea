/**
 * `export`: every lead of a view (and search), or of a query, on stdout as one JSON array or as
 * CSV, with the columns of `list`. The ids are read a page at a time (lead-ids.ts), the rows in
 * chunks; each chunk's write is awaited, so the rows stream at the pace of the reader.
 */
import type { Writable } from 'node:stream';
import { type Core, EXPORT_COLUMNS, exportChunks, type ExportFormat } from '../core';
import { everyId, rowsOf, type LeadSelection } from './lead-ids';
import { writeChunk } from './output';

export { EXPORT_COLUMNS };

export interface ExportQuery extends LeadSelection {
  format: ExportFormat;
}

/** Writes the export to `out`; resolves with the number of leads written. */
export async function exportLeads(core: Core, query: ExportQuery, out: Writable): Promise<number> {
  const ids = await everyId(core, query);
  let count = 0;
  const counted = async (batch: number[]) => {
    const rows = await rowsOf(core, batch);
    count += rows.length;
    return rows;
  };
  for await (const chunk of exportChunks(ids, query.format, counted)) await writeChunk(out, chunk);
  return count;
}
