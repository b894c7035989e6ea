/**
 * Terms of the query language with a fixed list of values (`status:`, `sync:`, `has:`, `is:`,
 * `opportunity:`, `sale:`) as SQL. Their values are written into the SQL text, never passed as
 * parameters, so SQLite can use the partial indexes of the views and pipeline steps.
 */
import type { EnumFieldName } from '#contract/lead-query';
import { POSSIBLE_DUPLICATE } from './duplicate-sql';
import { columnOf, ENUM_COLUMNS } from './query-columns';

const NOTE_PATHS = [
  'create_note',
  'marketing_rating_note',
  'sales_rating_note',
  'opportunity_note',
  'sale_note',
];
const HAS_NOTE = `(${NOTE_PATHS.map(
  (name) => `coalesce(json_extract(coalesce(local_json, server_json), '$.${name}'), '') <> ''`,
).join(' OR ')})`;

/**
 * An enum value as an SQL literal. Safe: the parser only lets through values of fixed lists
 * (ENUM_VALUES), never the person's text. Literal, not a parameter, because SQLite uses a partial
 * index (a view's, or a pipeline step's) only when the query states its condition outright.
 */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function enumCondition(field: EnumFieldName, value: string): string {
  switch (field) {
    case 'has':
      if (value === 'note') return HAS_NOTE;
      if (value === 'salesperson') return "salesperson <> ''";
      if (value === 'email') return "email <> ''";
      return "(marketing_rating <> '' OR sales_rating <> '')";
    case 'sync':
      // The first term repeats the partial index's condition (leads_view_unsynced).
      return value === 'synced'
        ? "sync_state = 'synced'"
        : `(sync_state <> 'synced' AND sync_state = ${literal(value)})`;
    case 'is':
      return POSSIBLE_DUPLICATE;
    case 'status':
      // A lead Envoke sent without a status is new to marketing, as the built-in view counts it.
      if (value === 'Unprocessed') return "marketing_rating_status IN ('Unprocessed', '')";
      return `marketing_rating_status = ${literal(value)}`;
    default:
      return `${columnOf(ENUM_COLUMNS, field)} = ${literal(value)}`;
  }
}
