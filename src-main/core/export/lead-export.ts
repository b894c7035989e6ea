/**
 * Export of leads as CSV or JSON, shared by the CLI, the browser host's download and the desktop
 * app's save dialog. Rows are read by id, a page at a time, and handed out as text chunks, so any
 * number of leads streams in constant memory at the pace of whoever writes them.
 *
 * CSV starts with a UTF-8 byte order mark: spreadsheet apps otherwise read "Zoë" as "ZoÃ«".
 */
import { LeadSummarySchema, type LeadSummary } from '#contract/dto';
import { csvRow } from './csv';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The columns of a `list` row, in its order. */
export const EXPORT_COLUMNS = Object.keys(LeadSummarySchema.shape) as (keyof LeadSummary)[];

export const CSV_BOM = '\uFEFF';
const PAGE = 500;

export interface ExportProgress {
  done: number;
  total: number;
}

/** The chunks of an export of `ids`, in their order; ids gone meanwhile are left out. */
export async function* exportChunks(
  ids: readonly number[],
  format: ExportFormat,
  rowsOf: (ids: number[]) => Promise<LeadSummary[]>,
  onProgress: (progress: ExportProgress) => void = () => undefined,
): AsyncGenerator<string> {
  const json = format === 'json';
  yield json ? '[' : CSV_BOM + csvRow(EXPORT_COLUMNS);
  let written = 0;
  for (let start = 0; start < ids.length; start += PAGE) {
    const rows = await rowsOf(ids.slice(start, start + PAGE));
    if (rows.length > 0) {
      yield json
        ? rows
            .map((row, index) => `${written + index === 0 ? '' : ','}\n${JSON.stringify(row)}`)
            .join('')
        : rows.map((row) => csvRow(EXPORT_COLUMNS.map((column) => row[column]))).join('');
      written += rows.length;
    }
    onProgress({ done: Math.min(start + PAGE, ids.length), total: ids.length });
  }
  if (json) yield written === 0 ? ']\n' : '\n]\n';
}

/** A file name for an export made now: `leads-2026-11-27.csv`. */
export function exportFileName(format: ExportFormat, now: number, name = 'leads'): string {
  const safe = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'leads';
  return `${safe}-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}
