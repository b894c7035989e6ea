/**
 * Date terms of the query language (`created:2024-05-01`, `sales-time:>=2024-01-01`,
 * `created:2024-01-01..2024-03-31`) as half-open ranges over Envoke's time columns, and the day
 * arithmetic the pipeline's date ranges share with them, so a day means the same in both.
 */
import type { QueryTerm } from '#contract/lead-query';
import { columnOf, DATE_COLUMNS } from './query-columns';

/** The day after `date` (YYYY-MM-DD), as the start of a half-open range. */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export function dateCondition(
  term: Extract<QueryTerm, { kind: 'date' }>,
  params: unknown[],
): string {
  const column = columnOf(DATE_COLUMNS, term.field);
  // Times are Envoke's 'YYYY-MM-DD HH:MM:SS' text, so they compare as text; '' is "never".
  switch (term.op) {
    case '=':
      params.push(term.date, nextDay(term.date));
      return `(${column} >= ? AND ${column} < ?)`;
    case '>':
      params.push(nextDay(term.date));
      return `${column} >= ?`;
    case '>=':
      params.push(term.date);
      return `${column} >= ?`;
    case '<':
      params.push(term.date);
      return `(${column} <> '' AND ${column} < ?)`;
    case '<=':
      params.push(nextDay(term.date));
      return `(${column} <> '' AND ${column} < ?)`;
    case '..':
      params.push(term.date, nextDay(term.until ?? term.date));
      return `(${column} >= ? AND ${column} < ?)`;
  }
}
