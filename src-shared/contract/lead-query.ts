/**
 * The lead query language, shared by the renderer (typing, completion, messages) and the core
 * (turning a query into SQL): `status:passed rating:hot company:acme created:>2026-09-01
 * salesperson:"Jane Roe" has:note sync:pending -sale:yes sort:company`.
 *
 * A query is a list of terms, all of which must hold. A term is `field:value`, `-field:value`
 * (negated) or a bare word searched in names, companies, emails and notes. Values with spaces go
 * in double quotes (`\"` and `\\` inside). Enum values are matched leniently (case, prefix:
 * `status:passed` is "Passed to sales") and printed in Envoke's spelling, so parse → print →
 * parse gives the same query. Pure TypeScript: no SQL here, the core owns that.
 */
import {
  controlCharacterSentence,
  findControlCharacter,
  isControlCharacter,
  isSpacingControl,
} from './control-characters';
import { CONSENT_STATUSES } from './consent';
import { foldText } from './fold';
import { MARKETING_STATUSES, OUTCOMES, RATINGS, SALES_STATUSES } from './lead';

export type FieldKind = 'enum' | 'rating' | 'text' | 'date';

interface FieldSpec {
  kind: FieldKind;
  /** What the field means, for completion. */
  help: string;
  /** An enum field's values, in Envoke's spelling (or the query's own words for has/sync/is). */
  values?: readonly string[];
  /** Other words people use for an enum value, lower case. */
  aliases?: Readonly<Record<string, string>>;
}

/**
 * Every field of the query language, one entry each: adding a field is adding its line here (and,
 * in the core, the column its kind reads). Looked up through FIELDS below, never with `in` or an
 * index on this object, whose prototype would make `constructor:` a field.
 */
const FIELD_TABLE = {
  status: {
    kind: 'enum',
    help: 'Marketing status',
    values: MARKETING_STATUSES,
    aliases: { new: 'Unprocessed', passed: 'Passed to sales', 'n/a': 'Not applicable' },
  },
  'sales-status': {
    kind: 'enum',
    help: 'Sales status',
    values: SALES_STATUSES,
    aliases: { new: 'Unprocessed', good: 'Rated good', bad: 'Rated bad', 'n/a': 'Not applicable' },
  },
  opportunity: { kind: 'enum', help: 'Opportunity (Yes, None, Cancelled)', values: OUTCOMES },
  sale: { kind: 'enum', help: 'Sale (Yes, None, Cancelled)', values: OUTCOMES },
  has: {
    kind: 'enum',
    help: 'Has a note, salesperson, email or rating',
    values: ['note', 'salesperson', 'email', 'rating'],
  },
  sync: {
    kind: 'enum',
    help: 'Sync state with Envoke',
    values: ['synced', 'pending', 'failed', 'conflict'],
  },
  is: { kind: 'enum', help: 'is:duplicate — possible duplicates', values: ['duplicate'] },
  rating: { kind: 'rating', help: 'Marketing rating' },
  'sales-rating': { kind: 'rating', help: 'Sales rating' },
  salesperson: { kind: 'text', help: 'Salesperson (contains; ="Jane Roe" for the whole name)' },
  company: { kind: 'text', help: 'Company (contains)' },
  contact: { kind: 'text', help: 'Contact name (contains)' },
  email: { kind: 'text', help: 'Email (contains)' },
  source: { kind: 'text', help: 'Marketing source (contains)' },
  medium: { kind: 'text', help: 'Marketing medium (contains)' },
  campaign: { kind: 'text', help: 'Marketing campaign (contains)' },
  created: {
    kind: 'date',
    help: 'Created on a date: 2026-09-01, >2026-09-01, 2026-09-01..2026-09-30',
  },
  'marketing-time': { kind: 'date', help: 'Marketing status set on a date' },
  'sales-time': { kind: 'date', help: 'Sales status set on a date' },
  'opportunity-time': { kind: 'date', help: 'Opportunity set on a date' },
  'sale-time': { kind: 'date', help: 'Sale set on a date' },
  said: { kind: 'text', help: 'What the contact wrote (contains)' },
  interest: {
    kind: 'text',
    help: 'An interest of the contact (contains; ="Events" for the whole name)',
  },
  unit: { kind: 'text', help: 'Business unit (contains)' },
  consent: {
    kind: 'enum',
    help: 'Consent: express, implied, "not provided", revoked, expired …',
    // "Implied" is every kind of implied consent.
    values: [...CONSENT_STATUSES.slice(0, 1), 'Implied', ...CONSENT_STATUSES.slice(1)],
    aliases: { none: 'Not provided', 'no consent': 'Not provided' },
  },
} as const satisfies Record<string, FieldSpec>;

export type QueryFieldName = keyof typeof FIELD_TABLE;
type FieldsOfKind<K extends FieldKind> = {
  [F in QueryFieldName]: (typeof FIELD_TABLE)[F]['kind'] extends K ? F : never;
}[QueryFieldName];
export type EnumFieldName = FieldsOfKind<'enum'>;
export type RatingFieldName = FieldsOfKind<'rating'>;
export type TextFieldName = FieldsOfKind<'text'>;
export type DateFieldName = FieldsOfKind<'date'>;

/** The fields by name. A Map: any text may be asked for, and only the fields are in it. */
const FIELDS: ReadonlyMap<string, FieldSpec> = new Map(Object.entries(FIELD_TABLE));

/** The field `name` names, or null when the language has no such field. */
export function queryField(name: string): QueryFieldName | null {
  return FIELDS.has(name) ? (name as QueryFieldName) : null;
}

const SORT_HELP =
  'Order: created, company, contact, rating, status-time, sales-time; - for descending';

/** `FIELD_TABLE` reduced to one property, on an object without a prototype to fall back on. */
function column<T>(
  read: (spec: FieldSpec) => T | undefined,
  extra: Record<string, T> = {},
): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [name, spec] of FIELDS) {
    const value = read(spec);
    if (value !== undefined) out[name] = value;
  }
  return Object.freeze(Object.assign(out, extra));
}

export const QUERY_FIELDS = [...FIELDS.keys()] as QueryFieldName[];
export const FIELD_KINDS = column((spec) => spec.kind) as Readonly<
  Record<QueryFieldName, FieldKind>
>;
/** Values of the enum fields. */
export const ENUM_VALUES = column((spec) => spec.values) as Readonly<
  Record<EnumFieldName, readonly string[]>
>;
/** What each field means, for completion. */
export const FIELD_HELP = column((spec) => spec.help, { sort: SORT_HELP }) as Readonly<
  Record<QueryFieldName | 'sort', string>
>;

/** Completion's line for a field or `sort`, '' for anything else. */
function helpOf(name: string): string {
  return name === 'sort' ? SORT_HELP : (FIELDS.get(name)?.help ?? '');
}

export const SORT_KEYS = [
  'created',
  'company',
  'contact',
  'rating',
  'status-time',
  'sales-time',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface QuerySort {
  key: SortKey;
  descending: boolean;
}
/** Newest first, as every built-in view. */
export const DEFAULT_SORT: QuerySort = { key: 'created', descending: true };

export type DateOp = '=' | '>' | '>=' | '<' | '<=' | '..';

export type QueryTerm =
  | { kind: 'enum'; field: EnumFieldName; value: string; negated: boolean }
  | { kind: 'rating'; field: RatingFieldName; value: string; negated: boolean }
  /** `exact`: the whole value, in any case (`salesperson:="Jane Roe"`); else contained in it. */
  | { kind: 'text'; field: TextFieldName; value: string; exact: boolean; negated: boolean }
  | {
      kind: 'date';
      field: DateFieldName;
      op: DateOp;
      date: string;
      until?: string;
      negated: boolean;
    }
  | { kind: 'word'; value: string; negated: boolean }
  /** `custom.<key>:value`: a custom field's value, contained or (`exact`) whole. */
  | { kind: 'custom'; key: string; value: string; exact: boolean; negated: boolean };

/** Envoke's custom field names: letters, digits and `_` (Custom Field API). */
export const CUSTOM_FIELD_KEY = /^[A-Za-z0-9_]+$/;
const CUSTOM_PREFIX = 'custom.';

export interface LeadQuery {
  terms: QueryTerm[];
  /** Present only when the query names one (`sort:…`). */
  sort?: QuerySort;
}

/** A query that cannot be read: `message` is one sentence; `start`/`end` locate the term. */
export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

export type ParseResult = { ok: true; query: LeadQuery } | { ok: false; error: QuerySyntaxError };

interface Token {
  text: string;
  start: number;
  end: number;
  /** Field name before the colon, when the token has one. */
  name: string | null;
  value: string;
  /** True when the value was written in quotes (so it is never a field or an operator). */
  quoted: boolean;
  /** `=` written right before a quoted value (`salesperson:="Jane Roe"`). */
  exact: boolean;
  negated: boolean;
}

const FIELD_NAME = /^[A-Za-z][A-Za-z-]*$/;
/** `custom.<key>`, the key as the account spells it. */
const CUSTOM_FIELD_NAME = /^custom\.[A-Za-z0-9_]+$/i;

function controlError(input: string, char: string, index: number): QuerySyntaxError {
  return new QuerySyntaxError(controlCharacterSentence('A query', char, index), index, index + 1);
}

/** Reads a quoted run starting at `i` (on the quote); returns its text and the index after it. */
function readQuoted(input: string, i: number): { text: string; next: number } {
  let text = '';
  let j = i + 1;
  while (j < input.length) {
    const c = input[j]!;
    // A tab or line break between terms separates them; inside quotes it would be searched for.
    if (isControlCharacter(c)) throw controlError(input, c, j);
    if (c === '\\' && j + 1 < input.length) {
      if (isControlCharacter(input[j + 1]!)) throw controlError(input, input[j + 1]!, j + 1);
      text += input[j + 1];
      j += 2;
    } else if (c === '"') {
      return { text, next: j + 1 };
    } else {
      text += c;
      j += 1;
    }
  }
  throw new QuerySyntaxError(
    'A quote is not closed: add " at the end of the value.',
    i,
    input.length,
  );
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i += 1;
      continue;
    }
    const start = i;
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true;
      i += 1;
    }
    let name: string | null = null;
    let value = '';
    let quoted = false;
    let exact = false;
    if (input[i] === '"') {
      const read = readQuoted(input, i);
      value = read.text;
      quoted = true;
      i = read.next;
    } else {
      let j = i;
      while (j < input.length && !/\s/.test(input[j]!) && input[j] !== ':' && input[j] !== '"') j++;
      const head = input.slice(i, j);
      if (input[j] === ':' && (FIELD_NAME.test(head) || CUSTOM_FIELD_NAME.test(head))) {
        // A custom field's key keeps its case: it is the key Envoke keeps the value under.
        name = CUSTOM_FIELD_NAME.test(head)
          ? `${CUSTOM_PREFIX}${head.slice(CUSTOM_PREFIX.length)}`
          : head.toLowerCase();
        j += 1;
        if (input[j] === '=' && input[j + 1] === '"') {
          exact = true;
          j += 1;
        }
        if (input[j] === '"') {
          const read = readQuoted(input, j);
          value = read.text;
          quoted = true;
          j = read.next;
        } else {
          const from = j;
          while (j < input.length && !/\s/.test(input[j]!)) j++;
          value = input.slice(from, j);
        }
      } else {
        while (j < input.length && !/\s/.test(input[j]!)) j++;
        value = input.slice(i, j);
      }
      i = j;
    }
    tokens.push({
      text: input.slice(start, i),
      start,
      end: i,
      name,
      value,
      quoted,
      exact,
      negated,
    });
  }
  return tokens;
}

/** Damerau-free edit distance, enough to suggest "status" for "staus". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** A value as matching compares it: folded as the core folds text, `_` and `-` read as spaces. */
const fold = (text: string) =>
  foldText(text)
    .replace(/[_\s-]+/g, ' ')
    .trim();

/** The enum value `typed` means: an alias, the value itself, or the one value it begins. */
export function matchEnum(field: EnumFieldName, typed: string): string | null {
  const spec = FIELDS.get(field);
  const values = spec?.values ?? [];
  const want = fold(typed);
  if (want === '') return null;
  // Own words only: `status:constructor` is not an alias.
  const aliases = spec?.aliases ?? {};
  if (Object.hasOwn(aliases, want)) return aliases[want]!;
  const exact = values.find((value) => fold(value) === want);
  if (exact !== undefined) return exact;
  const prefixed = values.filter((value) => fold(value).startsWith(want));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function dateTerm(token: Token, field: DateFieldName): QueryTerm {
  const value = token.value;
  const bad = (why: string) =>
    new QuerySyntaxError(`${field}:${value} ${why}`, token.start, token.end);
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    const [, from, until] = range as unknown as [string, string, string];
    if (!isDate(from) || !isDate(until))
      throw bad('is not a date range: write it as 2026-09-01..2026-09-30.');
    if (until < from) throw bad('ends before it starts: put the earlier date first.');
    return { kind: 'date', field, op: '..', date: from, until, negated: token.negated };
  }
  const match = /^(>=|<=|>|<|=)?(.*)$/.exec(value)!;
  const op = (match[1] ?? '=') as DateOp;
  const date = match[2] ?? '';
  if (!isDate(date))
    throw bad('is not a date: write YYYY-MM-DD, with >, >=, < or <= before it, or a range a..b.');
  return { kind: 'date', field, op, date, negated: token.negated };
}

function sortOf(token: Token): QuerySort {
  const descending = token.value.startsWith('-');
  const key = (descending ? token.value.slice(1) : token.value).toLowerCase();
  if (!(SORT_KEYS as readonly string[]).includes(key)) {
    const hint = closest(key, SORT_KEYS);
    throw new QuerySyntaxError(
      `Unknown sort '${token.value}'${hint ? ` — did you mean ${hint}?` : '.'} Sorts: ${SORT_KEYS.join(', ')}.`,
      token.start,
      token.end,
    );
  }
  return { key: key as SortKey, descending };
}

/**
 * `OR`, `AND` and `NOT` written as in other search boxes: said at once rather than searched for
 * as words (which finds nothing). A quoted "OR" is the word.
 */
const OPERATORS = new Map([
  [
    'OR',
    'OR is not supported: every term must hold. Save a view for each value instead, or write "OR" in quotes to search for the word.',
  ],
  [
    'AND',
    'AND is not needed: every term must hold already. Remove it, or write "AND" in quotes to search for the word.',
  ],
  [
    'NOT',
    'NOT is written as - before a term: -rating:hot, -status:passed. Write "NOT" in quotes to search for the word.',
  ],
]);

function refuseOperator(token: Token): void {
  const why = token.negated ? undefined : OPERATORS.get(token.value);
  if (why !== undefined) throw new QuerySyntaxError(why, token.start, token.end);
}

function termOf(token: Token): QueryTerm {
  if (token.name === null) {
    if (token.value === '')
      throw new QuerySyntaxError(
        'An empty quoted word matches nothing: remove "".',
        token.start,
        token.end,
      );
    if (!token.quoted) refuseOperator(token);
    return { kind: 'word', value: token.value, negated: token.negated };
  }
  const name = token.name;
  if (name.startsWith(CUSTOM_PREFIX)) return customTerm(token, name.slice(CUSTOM_PREFIX.length));
  const field = queryField(name);
  if (field === null) {
    const hint = closest(name, [...QUERY_FIELDS, 'sort']);
    throw new QuerySyntaxError(
      `Unknown field '${name}'${hint ? ` — did you mean ${hint}?` : '.'}`,
      token.start,
      token.end,
    );
  }
  if (token.value === '')
    throw new QuerySyntaxError(
      `${field}: needs a value, such as ${example(field)}.`,
      token.start,
      token.end,
    );
  switch (FIELD_KINDS[field]) {
    case 'enum': {
      const enumField = field as EnumFieldName;
      const value = matchEnum(enumField, token.value);
      if (value === null)
        throw new QuerySyntaxError(
          `'${token.value}' is not a value of ${field}: use ${ENUM_VALUES[enumField].map(printValue).join(', ')}.`,
          token.start,
          token.end,
        );
      return { kind: 'enum', field: enumField, value, negated: token.negated };
    }
    case 'rating': {
      // Ratings are labels each account sets up: the known ones get their spelling, others pass.
      const known = RATINGS.find((rating) => rating.toLowerCase() === token.value.toLowerCase());
      return {
        kind: 'rating',
        field: field as RatingFieldName,
        value: known ?? token.value,
        negated: token.negated,
      };
    }
    case 'text': {
      // `=` before the value asks for the whole value; a quoted "=x" is searched for as text.
      const exact = token.exact || (!token.quoted && token.value.startsWith('='));
      const value = exact && !token.quoted ? token.value.slice(1) : token.value;
      if (value === '')
        throw new QuerySyntaxError(
          `${field}: needs a value, such as ${example(field)}.`,
          token.start,
          token.end,
        );
      return { kind: 'text', field: field as TextFieldName, value, exact, negated: token.negated };
    }
    case 'date':
      return dateTerm(token, field as DateFieldName);
  }
}

/** `custom.widget_name:"Gold Deluxe"`: contained, or the whole value after `=`, any case. */
function customTerm(token: Token, key: string): QueryTerm {
  const exact = token.exact || (!token.quoted && token.value.startsWith('='));
  const value = exact && !token.quoted ? token.value.slice(1) : token.value;
  if (value === '')
    throw new QuerySyntaxError(
      `custom.${key}: needs a value, such as custom.${key}:gold.`,
      token.start,
      token.end,
    );
  return { kind: 'custom', key, value, exact, negated: token.negated };
}

function example(field: QueryFieldName): string {
  switch (FIELD_KINDS[field]) {
    case 'enum':
      return `${field}:${printValue(ENUM_VALUES[field as EnumFieldName][0]!)}`;
    case 'rating':
      return `${field}:hot`;
    case 'text':
      return `${field}:acme`;
    case 'date':
      return `${field}:>2026-09-01`;
  }
}

/** Reads a query; throws QuerySyntaxError with a sentence naming the wrong term. */
export function parseQuery(input: string): LeadQuery {
  const control = findControlCharacter(input, isSpacingControl);
  if (control !== null) throw controlError(input, control.char, control.index);
  const terms: QueryTerm[] = [];
  let sort: QuerySort | undefined;
  for (const token of tokenize(input)) {
    if (token.name === 'sort') {
      if (token.negated)
        throw new QuerySyntaxError(
          'sort cannot be negated: write sort:-created for newest first.',
          token.start,
          token.end,
        );
      if (sort !== undefined)
        throw new QuerySyntaxError(
          'Only one sort: remove one of the sort: terms.',
          token.start,
          token.end,
        );
      sort = sortOf(token);
    } else {
      terms.push(termOf(token));
    }
  }
  return sort === undefined ? { terms } : { terms, sort };
}

export function tryParseQuery(input: string): ParseResult {
  try {
    return { ok: true, query: parseQuery(input) };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error };
    throw error;
  }
}

function quoteValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A value as the query writes it: bare when it reads back the same, quoted otherwise. */
export function printValue(value: string): string {
  if (value !== '' && /^[^\s"\\:]+$/.test(value) && !value.startsWith('-')) return value;
  return quoteValue(value);
}

function printTerm(term: QueryTerm): string {
  const sign = term.negated ? '-' : '';
  switch (term.kind) {
    case 'word':
      // A bare word that looks like field:value or starts with - must be quoted to stay a word.
      return `${sign}${/^[^\s"\\:]+$/.test(term.value) && !term.value.startsWith('-') && !OPERATORS.has(term.value) ? term.value : quoteValue(term.value)}`;
    case 'date': {
      const value =
        term.op === '..'
          ? `${term.date}..${term.until}`
          : `${term.op === '=' ? '' : term.op}${term.date}`;
      return `${sign}${term.field}:${value}`;
    }
    case 'custom': {
      const name = `${CUSTOM_PREFIX}${term.key}`;
      if (term.exact) return `${sign}${name}:=${printValue(term.value)}`;
      return `${sign}${name}:${term.value.startsWith('=') ? quoteValue(term.value) : printValue(term.value)}`;
    }
    case 'text':
      if (term.exact) return `${sign}${term.field}:=${printValue(term.value)}`;
      // A contained value starting with = is quoted, or it would read back as exact.
      return `${sign}${term.field}:${term.value.startsWith('=') ? quoteValue(term.value) : printValue(term.value)}`;
    default:
      return `${sign}${term.field}:${printValue(term.value)}`;
  }
}

export function printSort(sort: QuerySort): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

/** The query as text, in its canonical spelling; parseQuery(printQuery(q)) equals q. */
export function printQuery(query: LeadQuery): string {
  const parts = query.terms.map(printTerm);
  if (query.sort !== undefined) parts.push(`sort:${printSort(query.sort)}`);
  return parts.join(' ');
}

/** Reads a sort as `sort:` writes it (`company`, `-created`). */
export function parseSort(text: string): QuerySort {
  return sortOf({
    text,
    start: 0,
    end: text.length,
    name: 'sort',
    value: text,
    quoted: false,
    exact: false,
    negated: false,
  });
}

export interface QuerySuggestion {
  /** The whole query with the last word completed. */
  text: string;
  label: string;
  detail: string;
}

/**
 * Completions for the word being typed at the end of `input`: field names, then the values of
 * the field (enum values, sort keys, and `known` values the caller looked up, such as the
 * salespeople on this laptop).
 */
export function suggest(
  input: string,
  known: readonly string[] = [],
  limit = 8,
  customFields: readonly { name: string; label: string }[] = [],
): QuerySuggestion[] {
  const cut = input.search(/\S*$/);
  const before = input.slice(0, cut);
  let word = input.slice(cut);
  const sign = word.startsWith('-') ? '-' : '';
  if (sign) word = word.slice(1);
  const colon = word.indexOf(':');
  if (colon < 0) {
    const typed = word.toLowerCase();
    // The account's custom fields, as `custom.<key>`, after the language's own fields.
    const custom = customFields
      .filter((field) => CUSTOM_FIELD_KEY.test(field.name))
      .map((field) => ({
        name: `${CUSTOM_PREFIX}${field.name}`,
        detail: `Custom field: ${field.label} (contains)`,
      }));
    return [
      ...[...QUERY_FIELDS, 'sort' as const].map((field) => ({
        name: field as string,
        detail: FIELD_HELP[field],
      })),
      ...custom,
    ]
      .filter((field) => field.name.toLowerCase().startsWith(typed))
      .slice(0, limit)
      .map((field) => ({
        text: `${before}${sign}${field.name}:`,
        label: `${field.name}:`,
        detail: field.detail,
      }));
  }
  const name = word.slice(0, colon).toLowerCase();
  const typed = word.slice(colon + 1).replace(/^"/, '');
  let values: readonly string[] = [];
  const spec = FIELDS.get(name);
  if (name === 'sort') values = SORT_KEYS;
  else if (spec?.kind === 'enum') values = spec.values ?? [];
  else if (spec?.kind === 'rating') values = [...new Set([...RATINGS, ...known])];
  else if (spec?.kind === 'text') values = known;
  // Values that begin with what was typed come first, then those that contain it.
  const starting = values.filter((value) => foldText(value).startsWith(foldText(typed)));
  const containing = values.filter(
    (value) => !starting.includes(value) && fold(value).includes(fold(typed)),
  );
  return [...starting, ...containing].slice(0, limit).map((value) => ({
    text: `${before}${sign}${name}:${printValue(value)} `,
    label: `${name}:${printValue(value)}`,
    detail: helpOf(name),
  }));
}

/** The field of the word being typed at the end of `input`, when it is a text or rating field. */
export function fieldBeingTyped(
  input: string,
): { field: TextFieldName | RatingFieldName; prefix: string } | null {
  const word = input.slice(input.search(/\S*$/)).replace(/^-/, '');
  const colon = word.indexOf(':');
  if (colon < 0) return null;
  const name = word.slice(0, colon).toLowerCase();
  const kind = FIELDS.get(name)?.kind;
  if (kind !== 'text' && kind !== 'rating') return null;
  return {
    field: name as TextFieldName | RatingFieldName,
    prefix: word.slice(colon + 1).replace(/^"/, ''),
  };
}
