/**
 * Turns a parsed lead query (src-shared/contract/lead-query.ts) into a parameterised SQL
 * condition and order over the leads table's columns. Every value the person typed goes in as a
 * parameter; only fixed column names and operators are written into the SQL text.
 */
import type {
  DateFieldName,
  EnumFieldName,
  LeadQuery,
  QuerySort,
  QueryTerm,
  RatingFieldName,
  SortKey,
  TextFieldName,
} from '#contract/lead-query';
import { CommandError } from '#contract/errors';
import { foldText } from '#contract/fold';
import { DEFAULT_SORT } from '#contract/lead-query';
import type { FoldedColumn } from '../tables/folded-text-table';
import { facetConditions, type FacetPlan } from './facet-sql';
import { plainPlan, type SearchPlan } from './search-plan';

/** How a query's terms read their leads (see compileQuery). */
export interface QueryReading {
  matched?: ReadonlyMap<QueryTerm, readonly number[]>;
  facets?: FacetPlan | undefined;
  /** How a bare word is searched (search-plan.ts); every arm as a prefix without it. */
  search?: ((text: string) => SearchPlan | null) | undefined;
}

export interface CompiledQuery {
  /** A condition over `leads` (never empty: '1' when the query has no terms). */
  where: string;
  params: unknown[];
  /** ORDER BY clause body, ending with id for a total order. */
  orderBy: string;
}

const ENUM_COLUMNS: Record<'status' | 'sales-status' | 'opportunity' | 'sale', string> = {
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

const notDismissed = (lead: string) => `NOT EXISTS (SELECT 1 FROM duplicate_dismissals d
         WHERE d.low_id = min(${lead}.id, other.id) AND d.high_id = max(${lead}.id, other.id))`;

/**
 * Another lead with the same email (any case), or the same name at the same company, and the
 * pair not dismissed by the person. The keys shared by several leads are found first, in one
 * pass over each of the duplicate indexes (leads_by_email_nocase, leads_by_name_company); the leads with those keys are then looked up by
 * the same indexes and checked against their dismissed pairs. Those indexes hold the columns
 * themselves (compared with NOCASE, which folds case as SQLite's lower() does: ASCII only), so
 * none of this reads a lead's row. A million leads cost two index scans, not a million lookups.
 */
export const POSSIBLE_DUPLICATE = `id IN (
  SELECT dup.id FROM (SELECT email AS shared FROM leads WHERE email <> ''
       GROUP BY email COLLATE NOCASE HAVING count(*) > 1) emails
  JOIN leads dup ON dup.email = emails.shared COLLATE NOCASE AND dup.email <> ''
    AND EXISTS (SELECT 1 FROM leads other
       WHERE other.email = dup.email COLLATE NOCASE AND other.email <> '' AND other.id <> dup.id
         AND ${notDismissed('dup')})
  UNION
  SELECT dup.id FROM (SELECT contact_name AS name, company AS firm FROM leads
       WHERE contact_name <> '' AND company <> ''
       GROUP BY contact_name COLLATE NOCASE, company COLLATE NOCASE HAVING count(*) > 1) shared
  JOIN leads dup ON dup.contact_name = shared.name COLLATE NOCASE
    AND dup.company = shared.firm COLLATE NOCASE
    AND dup.contact_name <> '' AND dup.company <> ''
    AND EXISTS (SELECT 1 FROM leads other
       WHERE other.contact_name = dup.contact_name COLLATE NOCASE
         AND other.company = dup.company COLLATE NOCASE
         AND other.contact_name <> '' AND other.company <> '' AND other.id <> dup.id
         AND ${notDismissed('dup')}))`;

/**
 * The column of `field`, by the table's own entries only: a term built outside the parser with a
 * name such as "constructor" is refused by name, never read off Object.prototype.
 */
export function columnOf<C extends string>(columns: Readonly<Record<string, C>>, field: string): C {
  if (!Object.hasOwn(columns, field))
    throw new CommandError('invalid-input', `Unknown field '${String(field).slice(0, 40)}'.`);
  return columns[field]!;
}

/**
 * `column` compared with `test` (`LIKE ? ESCAPE '\\'`, `= ? COLLATE NOCASE`), `value` being
 * folded text: the column itself, which SQLite folds as foldText folds ASCII letters, or the
 * lead's folded copy where it has one (lead_folded_text). The first half reads
 * the column's index alone where it has one; the second is a list of ids made once per query.
 */
export function foldedMatch(
  column: FoldedColumn,
  test: string,
  value: string,
  params: unknown[],
): string {
  params.push(value, value);
  return `(${column} ${test} OR id IN (SELECT id FROM lead_folded_text WHERE ${column} ${test}))`;
}

/** The day after `date` (YYYY-MM-DD), as the start of a half-open range. */
export function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** LIKE with the person's % and _ taken literally. */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * An enum value as an SQL literal. Safe: the parser only lets through values of fixed lists
 * (ENUM_VALUES), never the person's text. Literal, not a parameter, because SQLite uses a partial
 * index (a view's, or a pipeline step's) only when the query states its condition outright.
 */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function enumCondition(field: EnumFieldName, value: string): string {
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

function dateCondition(term: Extract<QueryTerm, { kind: 'date' }>, params: unknown[]): string {
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

/** Text fields whose column has an index holding the column and the id (leads_by_…). */
const INDEXED_TEXT_FIELDS: ReadonlySet<TextFieldName> = new Set(['company', 'contact']);
export type TextTerm = Extract<QueryTerm, { kind: 'text' }>;

/** The terms of `query` its index can answer alone: what QueryViews may read through it first. */
export function indexedTextTerms(query: LeadQuery): TextTerm[] {
  return query.terms.filter(
    (term): term is TextTerm =>
      term.kind === 'text' && !term.negated && INDEXED_TEXT_FIELDS.has(term.field),
  );
}

/**
 * A text term on its column's text, folded as the value is. Without `copies` the folded copies
 * are left out: a quick look at how many leads the term matches (rare-terms.ts), not an answer.
 */
export function textCondition(term: TextTerm, params: unknown[], copies = true): string {
  const column = columnOf(TEXT_COLUMNS, term.field);
  const value = foldText(term.value);
  const [test, argument] = term.exact
    ? ['= ? COLLATE NOCASE', value]
    : ["LIKE ? ESCAPE '\\'", containsPattern(value)];
  if (copies) return foldedMatch(column, test, argument, params);
  params.push(argument);
  return `${column} ${test}`;
}

/** A bare word: the leads its search plan finds, in any of the plan's indexes. */
function wordCondition(plan: SearchPlan | null, params: unknown[]): string | null {
  // Punctuation alone has nothing to search for: the word narrows nothing.
  if (plan === null) return null;
  const arms: string[] = [];
  if (plan.words !== null) {
    params.push(plan.words);
    arms.push('id IN (SELECT rowid FROM lead_search WHERE lead_search MATCH ?)');
  }
  if (plan.contact !== null) {
    params.push(plan.contact);
    arms.push('id IN (SELECT rowid FROM lead_contact_keys WHERE lead_contact_keys MATCH ?)');
  }
  if (arms.length === 0) return '0';
  return arms.length === 1 ? arms[0]! : `(${arms.join(' OR ')})`;
}

function termCondition(
  term: QueryTerm,
  params: unknown[],
  matched: ReadonlyMap<QueryTerm, readonly number[]>,
  search: (text: string) => SearchPlan | null,
): string | null {
  switch (term.kind) {
    case 'enum':
      return enumCondition(term.field, term.value);
    case 'rating':
      params.push(term.value);
      return `${columnOf(RATING_COLUMNS, term.field)} = ? COLLATE NOCASE`;
    case 'text': {
      const ids = matched.get(term);
      if (ids === undefined) return textCondition(term, params);
      // Its leads read from the column's index already: only their rows are read.
      params.push(JSON.stringify(ids));
      return 'id IN (SELECT value FROM json_each(?))';
    }
    case 'date':
      return dateCondition(term, params);
    case 'word':
      return wordCondition(search(term.value), params);
    case 'custom':
      return null; // Answered with the other facet terms (facet-sql.ts).
  }
}

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

/**
 * The query's condition, parameters and order; `sort` wins over the query's own sort term.
 * `reading` says how some terms read their leads: `matched` gives the leads of some text terms,
 * found beforehand (QueryViews reads a rare term's leads from its column's index), which the
 * condition then names by id; `facets` how facet terms read their candidates (facet-sql.ts).
 */
export function compileQuery(
  query: LeadQuery,
  sort?: QuerySort,
  reading: QueryReading = {},
): CompiledQuery {
  const matched = reading.matched ?? new Map<QueryTerm, readonly number[]>();
  const params: unknown[] = [];
  const conditions: string[] = [];
  const facets = facetConditions(query.terms, params, reading.facets);
  if (facets !== null) conditions.push(facets.condition);
  for (const term of query.terms) {
    if (facets?.answered.has(term)) continue;
    const condition = termCondition(term, params, matched, reading.search ?? plainPlan);
    if (condition === null) continue;
    conditions.push(term.negated ? `NOT (${condition})` : condition);
  }
  return {
    where: conditions.length === 0 ? '1' : conditions.join(' AND '),
    params,
    orderBy: orderByOf(sort ?? query.sort ?? DEFAULT_SORT),
  };
}
