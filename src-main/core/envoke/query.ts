/**
 * Lead list queries and their wire form. Envoke's PHP backend parses query strings the way jQuery's
 * `$.param` writes them: `filter[field][$op]=v`, `filter[f][$in][]=a`, `filter[$or][0][f]=v`,
 * brackets and `$` percent-encoded. A malformed filter is refused here with a typed error rather
 * than sent, because PHP would silently drop or reinterpret parts of it (an empty `$in` vanishes
 * and the query then matches every lead).
 */
import { EnvokeError } from './errors';

export type Scalar = string | number | boolean;

export interface FieldOperators {
  $ne?: Scalar;
  $in?: readonly Scalar[];
  $regex?: string;
  $gt?: Scalar;
  $lt?: Scalar;
  $gte?: Scalar;
  $lte?: Scalar;
}
export type FieldCondition = Scalar | FieldOperators;

/** Conditions on fields (dotted paths such as `contact.email` allowed) are ANDed. */
export interface Filter {
  $and?: readonly Filter[];
  $or?: readonly Filter[];
  [field: string]: FieldCondition | readonly Filter[] | undefined;
}

export type SortDirection = 'ASC' | 'DESC';

export interface ListQuery {
  filter?: Filter;
  sort?: Record<string, SortDirection>;
  skip?: number;
  limit?: number;
}

/** Envoke's largest page ([INFERRED] from the contacts API; larger limits are capped). */
export const MAX_PAGE_SIZE = 100;

const FIELD_OPERATORS = ['$ne', '$in', '$regex', '$gt', '$lt', '$gte', '$lte'] as const;
const LOGICAL_OPERATORS = ['$and', '$or'] as const;

function invalid(problem: string): EnvokeError {
  return new EnvokeError('validation', `Invalid lead query: ${problem}`, { messages: [problem] });
}

/** Percent-encodes `[`, `]` and `$` as Envoke's docs ask; PHP reads `%20` like `+`. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // Only a lone UTF-16 surrogate cannot be encoded: such text is corrupt, not a filter.
    throw invalid(`"${text}" contains a broken character and cannot be sent`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`${where} must be a finite number`);
    return String(value);
  }
  throw invalid(`${where} must be text, a number or true/false`);
}

function checkFieldName(field: string, where: string): void {
  if (field === '' || /[[\]]/.test(field)) {
    throw invalid(`${where}: field name "${field}" must be non-empty and contain no brackets`);
  }
  if (field.startsWith('$')) {
    throw invalid(`${where}: "${field}" is not an operator here; use $and or $or`);
  }
}

type Pair = [key: string, value: string];

function operatorPairs(prefix: string, ops: Record<string, unknown>, where: string): Pair[] {
  const pairs: Pair[] = [];
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined) continue;
    if (!(FIELD_OPERATORS as readonly string[]).includes(op)) {
      throw invalid(`${where}: unknown operator "${op}" (use ${FIELD_OPERATORS.join(', ')})`);
    }
    if (op === '$in') {
      if (!Array.isArray(value) || value.length === 0) {
        throw invalid(`${where}.$in needs a non-empty list of values`);
      }
      for (const item of value) pairs.push([`${prefix}[$in][]`, scalarText(item, `${where}.$in`)]);
    } else if (op === '$regex') {
      if (typeof value !== 'string') throw invalid(`${where}.$regex must be text`);
      pairs.push([`${prefix}[$regex]`, value]);
    } else {
      pairs.push([`${prefix}[${op}]`, scalarText(value, `${where}.${op}`)]);
    }
  }
  if (pairs.length === 0) throw invalid(`${where} has no operator`);
  return pairs;
}

function filterPairs(prefix: string, filter: unknown, where: string): Pair[] {
  if (!isPlainObject(filter)) throw invalid(`${where} must be an object of conditions`);
  const pairs: Pair[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if ((LOGICAL_OPERATORS as readonly string[]).includes(key)) {
      if (!Array.isArray(value)) throw invalid(`${where}.${key} must be a list of filters`);
      // An empty $or would match nothing, but PHP never sees an empty list: refuse it.
      if (value.length === 0 && key === '$or')
        throw invalid(`${where}.$or needs at least one filter`);
      value.forEach((branch: unknown, index) => {
        const branchPairs = filterPairs(
          `${prefix}[${key}][${index}]`,
          branch,
          `${where}.${key}[${index}]`,
        );
        if (branchPairs.length === 0) throw invalid(`${where}.${key}[${index}] has no condition`);
        pairs.push(...branchPairs);
      });
      continue;
    }
    checkFieldName(key, where);
    if (isPlainObject(value))
      pairs.push(...operatorPairs(`${prefix}[${key}]`, value, `${where}.${key}`));
    else pairs.push([`${prefix}[${key}]`, scalarText(value, `${where}.${key}`)]);
  }
  return pairs;
}

function sortPairs(sort: unknown): Pair[] {
  if (!isPlainObject(sort)) throw invalid('sort must be an object of field: ASC|DESC');
  return Object.entries(sort).map(([field, direction]): Pair => {
    checkFieldName(field, 'sort');
    if (direction !== 'ASC' && direction !== 'DESC') {
      throw invalid(`sort.${field} must be ASC or DESC`);
    }
    return [`sort[${field}]`, direction];
  });
}

function integerPair(name: 'skip' | 'limit', value: unknown, min: number, max: number): Pair {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}`);
  }
  return [name, String(value)];
}

/**
 * The query string (without `?`) for `GET /v1/leads`. Throws EnvokeError('validation') for a
 * query Envoke could not read as meant.
 */
export function serializeQuery(query: ListQuery): string {
  const pairs: Pair[] = [];
  if (query.filter !== undefined) pairs.push(...filterPairs('filter', query.filter, 'filter'));
  if (query.sort !== undefined) pairs.push(...sortPairs(query.sort));
  if (query.skip !== undefined)
    pairs.push(integerPair('skip', query.skip, 0, Number.MAX_SAFE_INTEGER));
  if (query.limit !== undefined) pairs.push(integerPair('limit', query.limit, 1, MAX_PAGE_SIZE));
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}
