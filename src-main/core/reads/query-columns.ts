/**
 * Which column of `leads` each field of the lead query language (src-shared/contract/lead-query.ts)
 * reads, and the one way to look a field up. Shared by the compiled conditions, the value
 * suggestions (query-views.ts) and the pipeline's date ranges, so a field never reads one column
 * in a query and another in a suggestion.
 */
import type { DateFieldName, RatingFieldName, TextFieldName } from '#contract/lead-query';
import { CommandError } from '#contract/errors';
import type { FoldedColumn } from '../tables/folded-text-table';

export const ENUM_COLUMNS: Record<'status' | 'sales-status' | 'opportunity' | 'sale', string> = {
  status: 'marketing_rating_status',
  'sales-status': 'sales_rating_status',
  opportunity: 'opportunity',
  sale: 'sale',
};
export const RATING_COLUMNS: Record<RatingFieldName, string> = {
  rating: 'marketing_rating',
  'sales-rating': 'sales_rating',
};
/** Text fields with a column; `said`, `interest` and `unit` are facets (facet-sql.ts). */
export type ColumnTextField = Exclude<TextFieldName, 'said' | 'interest' | 'unit'>;
/** The column each text field reads; lead_folded_text has its folded copy (folded-text-table.ts). */
export const TEXT_COLUMNS: Record<ColumnTextField, FoldedColumn> = {
  salesperson: 'salesperson',
  company: 'company',
  contact: 'contact_name',
  email: 'email',
  source: 'marketing_source',
  medium: 'marketing_medium',
  campaign: 'marketing_campaign',
};
export const DATE_COLUMNS: Record<DateFieldName, string> = {
  created: 'sort_key',
  'marketing-time': 'marketing_time',
  'sales-time': 'sales_time',
  'opportunity-time': 'opportunity_time',
  'sale-time': 'sale_time',
};

/**
 * The column of `field`, by the table's own entries only: a term built outside the parser with a
 * name such as "constructor" is refused by name, never read off Object.prototype.
 */
export function columnOf<C extends string>(columns: Readonly<Record<string, C>>, field: string): C {
  if (!Object.hasOwn(columns, field))
    throw new CommandError('invalid-input', `Unknown field '${String(field).slice(0, 40)}'.`);
  return columns[field]!;
}
