/**
 * Lists of the account's definitions as Envoke's v2 read routes answer them (Custom Field API -
 * Read, Tag API - Read): sorted by name by default, `limit` 10 by default and 100 at most unless
 * the answer is "shaped" (`fields=` or `result_type=kvp`: then everything, and any limit),
 * `skip`, exact `filter[field]=value` (and `filter[field][(ne)]=value`), `sort[field]=asc|desc`,
 * `fields=a,b` and `result_type=kvp` for the `{ "<id>": "<name>" }` map.
 */
import qs from 'qs';
import { SimValidationError } from './errors';

const DEFAULT_LIMIT = 10;
const HARD_CAP = 100;
const SHAPED_LIMIT = 100_000;

export interface CatalogListRules<T> {
  /** Fields `filter[...]` accepts. */
  filterable: readonly (keyof T & string)[];
  /** Fields `sort[...]` accepts. */
  sortable: readonly (keyof T & string)[];
  /** Plain parameters that filter too (`/v2/interests?type=subscription&group=Topics`). */
  plainFilters?: readonly (keyof T & string)[];
}

type Row = { id: string; name: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function wholeNumber(value: unknown, name: string, errors: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value.trim())) {
    errors.push(`'${name}' must be a whole number, not '${String(value)}'`);
    return undefined;
  }
  return Number(value);
}

/** The answer to a v2 list request: an array of (some fields of) the items, or the kvp map. */
export function listCatalog<T extends Row>(
  items: readonly T[],
  search: string,
  rules: CatalogListRules<T>,
): unknown {
  const params = qs.parse(search, { ignoreQueryPrefix: true, depth: 5, duplicates: 'last' });
  const errors: string[] = [];
  let rows = [...items];
  const filter = params.filter;
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      errors.push(`'filter' must look like filter[field]=value`);
    } else {
      for (const [field, condition] of Object.entries(filter)) {
        if (!(rules.filterable as readonly string[]).includes(field)) {
          errors.push(`Cannot filter by '${field}'; use one of: ${rules.filterable.join(', ')}`);
          continue;
        }
        const key = field as keyof T & string;
        const notEqual =
          typeof condition === 'object' && condition !== null
            ? text((condition as Record<string, unknown>)['(ne)'])
            : undefined;
        const equal = text(condition);
        if (equal !== undefined) rows = rows.filter((row) => String(row[key]) === equal);
        else if (notEqual !== undefined) rows = rows.filter((row) => String(row[key]) !== notEqual);
        else errors.push(`filter[${field}] takes one value or [(ne)]=value`);
      }
    }
  }
  for (const field of rules.plainFilters ?? []) {
    const wanted = text(params[field]);
    if (wanted !== undefined) rows = rows.filter((row) => String(row[field]) === wanted);
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const sort = params.sort;
  if (sort !== undefined && typeof sort === 'object' && sort !== null && !Array.isArray(sort)) {
    for (const [field, direction] of Object.entries(sort).reverse()) {
      const word = text(direction)?.toLowerCase();
      if (!(rules.sortable as readonly string[]).includes(field))
        errors.push(`Cannot sort by '${field}'; use one of: ${rules.sortable.join(', ')}`);
      else if (word !== 'asc' && word !== 'desc')
        errors.push(`sort[${field}] must be asc or desc, not '${String(direction)}'`);
      else {
        const key = field as keyof T & string;
        const order = word === 'asc' ? 1 : -1;
        rows.sort((a, b) => order * String(a[key]).localeCompare(String(b[key]), 'en'));
      }
    }
  }
  const kvp = text(params.result_type) === 'kvp';
  const fields = text(params.fields)
    ?.split(',')
    .map((field) => field.trim())
    .filter(Boolean);
  const shaped = kvp || fields !== undefined;
  const skip = wholeNumber(params.skip, 'skip', errors) ?? 0;
  const asked = wholeNumber(params.limit, 'limit', errors);
  if (errors.length > 0) throw new SimValidationError(errors);
  const limit = shaped ? (asked ?? SHAPED_LIMIT) : Math.min(asked ?? DEFAULT_LIMIT, HARD_CAP);
  rows = rows.slice(skip, skip + limit);
  if (kvp) return Object.fromEntries(rows.map((row) => [row.id, row.name]));
  if (fields === undefined) return rows;
  return rows.map((row) =>
    Object.fromEntries(
      fields
        .filter((field) => Object.hasOwn(row, field))
        .map((field) => [field, row[field as keyof T]]),
    ),
  );
}

/** The v1 lookup answer: every item as `{ "<id>": "<name>" }`. */
export function keyValues(items: readonly Row[]): Record<string, string> {
  return Object.fromEntries(items.map((item) => [item.id, item.name]));
}
