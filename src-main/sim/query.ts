/**
 * Reads a `GET /v1/leads` query string the way Envoke's PHP backend does (bracket nesting, the
 * last of repeated keys wins) into a validated list query.
 */
import qs from 'qs';
import { SimValidationError } from './errors';
import { type FieldReader, resolveField } from './field-paths';
import { type CompiledFilter, compileFilter } from './filter';

const DEFAULT_LIMIT = 10;

export interface SortKey {
  reader: FieldReader;
  descending: boolean;
}

export interface ListQuery {
  filter: CompiledFilter;
  sort: SortKey[];
  skip: number;
  limit: number;
}

export interface ListQueryOptions {
  pageCap: number;
  supportsIdGt: boolean;
  /**
   * The Contacts API's lists: fields are the contact's own (`filter[email]` is a lead list's
   * `filter[contact.email]`), so paths are read below `contact.`.
   */
  contactFields?: boolean;
}

/** PHP's parse_str: nested brackets, `[]` appends, a repeated plain key keeps its last value. */
function parsePhpQuery(search: string): Record<string, unknown> {
  return qs.parse(search, {
    ignoreQueryPrefix: true,
    depth: 20,
    arrayLimit: 1000,
    parameterLimit: 1000,
    duplicates: 'last',
  });
}

export function parseListQuery(search: string, options: ListQueryOptions): ListQuery {
  const params = parsePhpQuery(search);
  const errors: string[] = [];
  const skip = wholeNumber(params.skip, 'skip', 0, errors);
  const limit = wholeNumber(params.limit, 'limit', DEFAULT_LIMIT, errors);
  if (limit < 1) errors.push(`'limit' must be at least 1`);
  const prefix = options.contactFields === true ? 'contact.' : '';
  const sort = parseSort(params.sort, errors, prefix);
  let filter: CompiledFilter = { minId: 0, maxId: Number.MAX_SAFE_INTEGER };
  try {
    filter = compileFilter(prefix === '' ? params.filter : underContact(params.filter), options);
  } catch (error) {
    if (!(error instanceof SimValidationError)) throw error;
    errors.push(...error.errors);
  }
  if (errors.length > 0) throw new SimValidationError(errors);
  // Envoke caps page size silently (10 by default, 100 at most for contacts, §5.1).
  return { filter, sort, skip, limit: Math.min(limit, options.pageCap) };
}

function wholeNumber(value: unknown, name: string, fallback: number, errors: string[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value.trim())) {
    errors.push(`'${name}' must be a whole number, not '${String(value)}'`);
    return fallback;
  }
  return Number(value);
}

/** A contact filter as a lead filter: `{email: x}` is `{"contact.email": x}`, in `$or` lists too. */
function underContact(filter: unknown): unknown {
  if (typeof filter !== 'object' || filter === null) return filter;
  if (Array.isArray(filter)) return filter.map(underContact);
  return Object.fromEntries(
    Object.entries(filter).map(([key, value]) =>
      key === '$and' || key === '$or'
        ? [key, typeof value === 'object' && value !== null ? mapEach(value) : value]
        : [key.startsWith('$') ? key : `contact.${key}`, value],
    ),
  );
}

/** `$or` lists arrive as arrays or as index-keyed objects (past qs's limits). */
function mapEach(list: object): unknown {
  if (Array.isArray(list)) return list.map(underContact);
  return Object.fromEntries(Object.entries(list).map(([key, value]) => [key, underContact(value)]));
}

function parseSort(value: unknown, errors: string[], prefix: string): SortKey[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`'sort' must look like sort[field]=ASC or sort[field]=DESC`);
    return [];
  }
  const keys: SortKey[] = [];
  for (const [path, direction] of Object.entries(value)) {
    const reader = resolveField(`${prefix}${path}`);
    const word = typeof direction === 'string' ? direction.trim().toUpperCase() : '';
    if (reader === undefined) errors.push(`Cannot sort by unknown field '${path}'`);
    else if (word !== 'ASC' && word !== 'DESC')
      errors.push(`sort[${path}] must be ASC or DESC, not '${String(direction)}'`);
    else keys.push({ reader, descending: word === 'DESC' });
  }
  return keys;
}
