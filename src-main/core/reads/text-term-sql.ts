/**
 * Text terms of the query language (`company:acme`, `email:=x@y.z`) as SQL over their column,
 * folded as the person's text is folded (contract/fold.ts): SQLite folds ASCII letters itself,
 * and the leads whose text it cannot fold have a folded copy (folded-text-table.ts), matched too.
 * Also which text terms their column's index can answer alone, for reading rare terms first.
 */
import type { LeadQuery, QueryTerm, TextFieldName } from '#contract/lead-query';
import { foldText } from '#contract/fold';
import type { FoldedColumn } from '../tables/folded-text-table';
import { columnOf, TEXT_COLUMNS } from './query-columns';

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

/** LIKE with the person's % and _ taken literally. */
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
