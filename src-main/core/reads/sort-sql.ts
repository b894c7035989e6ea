/**
 * The orders a lead list can be sorted in, as SQL: the ORDER BY of each sort and the keyset
 * condition that reads the page after a given lead. Each sort expression is also the expression
 * of its index (the schema's baseline imports SORT_EXPRESSIONS), so every sort reads an index.
 */
import type { QuerySort, SortKey } from '#contract/lead-query';

/**
 * The rating order, hottest first; labels an account made up come after the known ones. Its
 * index (leads_by_rating_order) is of this very expression: SQLite matches it word for word.
 */
const RATING_ORDER =
  "CASE marketing_rating WHEN 'Hot' THEN 0 WHEN 'Warm' THEN 1 WHEN 'Cold' THEN 2 WHEN '' THEN 4 ELSE 3 END";

/** Each has an index of the same expression and id (the schema's leads_by_… indexes). */
export const SORT_EXPRESSIONS: Record<SortKey, string> = {
  created: 'sort_key',
  company: 'company COLLATE NOCASE',
  contact: 'contact_name COLLATE NOCASE',
  // Hottest first when ascending.
  rating: RATING_ORDER,
  'status-time': 'marketing_time',
  'sales-time': 'sales_time',
};

export function orderByOf(sort: QuerySort): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  return `${SORT_EXPRESSIONS[sort.key]} ${direction}, id ${direction}`;
}

/**
 * The condition that keeps the leads after `after` in `sort`'s order: a keyset, so page 900 of
 * a view costs what page 1 costs. The row value compares the sort expression with its own
 * collation, as the index and the ORDER BY do.
 */
export function afterCondition(sort: QuerySort): string {
  return `(${SORT_EXPRESSIONS[sort.key]}, id) ${sort.descending ? '<' : '>'} (?, ?)`;
}
