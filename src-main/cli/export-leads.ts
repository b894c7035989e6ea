/**
 * `export`: every lead of a view (and search) on stdout, as one JSON array or as CSV, with the
 * columns of `list`. Read page by page by keyset and written one page at a time, each write
 * awaited, so any number of leads streams in constant memory at the pace of the reader.
 */
import type { Writable } from 'node:stream';
import { LeadSummarySchema, type LeadSummary, type ViewId } from '../../src-preload/contract/dto';
import type { Core } from '../core/api';
import type { ExportFormat } from './args';
import { csvRow } from './csv';
import { writeChunk } from './output';

const PAGE = 500;

/** The columns of a `list` row, in its order. */
export const EXPORT_COLUMNS = Object.keys(LeadSummarySchema.shape) as (keyof LeadSummary)[];

export interface ExportQuery {
  view: ViewId;
  search: string | undefined;
  format: ExportFormat;
}

/** Writes the export to `out`; resolves with the number of leads written. */
export async function exportLeads(core: Core, query: ExportQuery, out: Writable): Promise<number> {
  const json = query.format === 'json';
  await writeChunk(out, json ? '[' : csvRow(EXPORT_COLUMNS));
  let after: { sortKey: string; id: number } | undefined;
  let count = 0;
  do {
    const page = await core['leads:list']({
      view: query.view,
      ...(query.search === undefined ? {} : { search: query.search }),
      ...(after === undefined ? {} : { after }),
      limit: PAGE,
    });
    if (page.rows.length > 0) {
      const chunk = json
        ? page.rows.map((row, index) => `${count + index === 0 ? '' : ','}\n${JSON.stringify(row)}`)
        : page.rows.map((row) => csvRow(EXPORT_COLUMNS.map((column) => row[column])));
      await writeChunk(out, chunk.join(''));
      count += page.rows.length;
    }
    after = page.next ?? undefined;
  } while (after !== undefined);
  if (json) await writeChunk(out, count === 0 ? ']\n' : '\n]\n');
  return count;
}
