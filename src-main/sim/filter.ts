/**
 * Envoke's MongoDB-like filters (`$and $or $ne $in $regex $gt $lt $gte $lte`, envoke-lead-api.md
 * §5.3) compiled into a predicate. Conditions on `id` become an id range and an equality on
 * `remote_id` a key, so paging by id and the lookup before every create never scan all leads.
 */
import { normalizeEnum } from '#contract/lead';
import { SimValidationError } from './errors';
import { type FieldReader, type LeadRow, resolveField } from './field-paths';

export type RowPredicate = (row: LeadRow) => boolean;

export interface CompiledFilter {
  /** Inclusive bounds every matching id lies within. */
  minId: number;
  maxId: number;
  /** A top-level equality on `remote_id`, answered from the store's index. */
  remoteId?: string;
  /** The remaining conditions, or undefined when the bounds and key say everything. */
  predicate?: RowPredicate;
}

export interface FilterOptions {
  /** False simulates an Envoke that rejects range operators on `id` (§12.6). */
  supportsIdGt: boolean;
}

const RANGE_OPERATORS = ['$gt', '$gte', '$lt', '$lte'] as const;
type RangeOperator = (typeof RANGE_OPERATORS)[number];
const FIELD_OPERATORS = new Set<string>(['$ne', '$in', '$regex', ...RANGE_OPERATORS]);

type Conditions = Record<string, unknown>;

function isObject(value: unknown): value is Conditions {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRangeOperator(key: string): key is RangeOperator {
  return (RANGE_OPERATORS as readonly string[]).includes(key);
}

/** PHP's bracket syntax yields lists as arrays, or as index-keyed objects past qs's limits. */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key)))
    return Object.values(value);
  return undefined;
}

function all(predicates: RowPredicate[]): RowPredicate {
  if (predicates.length === 1 && predicates[0] !== undefined) return predicates[0];
  return (row) => predicates.every((predicate) => predicate(row));
}

function anyValue(value: string | readonly string[], test: (text: string) => boolean): boolean {
  return typeof value === 'string' ? test(value) : value.some(test);
}

export function compileFilter(filter: unknown, options: FilterOptions): CompiledFilter {
  const compiler = new FilterCompiler(options);
  const compiled = compiler.compileTop(filter);
  if (compiler.errors.length > 0) throw new SimValidationError(compiler.errors);
  return compiled;
}

class FilterCompiler {
  readonly errors: string[] = [];

  constructor(private readonly options: FilterOptions) {}

  compileTop(filter: unknown): CompiledFilter {
    const compiled: CompiledFilter = { minId: 0, maxId: Number.MAX_SAFE_INTEGER };
    if (filter === undefined) return compiled;
    if (!isObject(filter)) {
      this.errors.push(`'filter' must look like filter[field]=value`);
      return compiled;
    }
    const predicates: RowPredicate[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === 'id' && this.foldIdBounds(value, compiled)) continue;
      if (key === 'remote_id' && typeof value === 'string' && compiled.remoteId === undefined) {
        compiled.remoteId = value;
        continue;
      }
      const predicate = this.compileClause(key, value);
      if (predicate !== undefined) predicates.push(predicate);
    }
    if (predicates.length > 0) compiled.predicate = all(predicates);
    return compiled;
  }

  /** Narrows the id range when the condition is plain equality or range operators on numbers. */
  private foldIdBounds(value: unknown, bounds: CompiledFilter): boolean {
    if (typeof value === 'string') {
      const id = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
      bounds.minId = Number.isNaN(id) ? 1 : Math.max(bounds.minId, id);
      bounds.maxId = Number.isNaN(id) ? 0 : Math.min(bounds.maxId, id);
      return true;
    }
    if (!isObject(value)) return false;
    const entries = Object.entries(value);
    if (
      entries.length === 0 ||
      !entries.every(([op, operand]) => isRangeOperator(op) && typeof operand === 'string')
    ) {
      return false;
    }
    for (const [op, operand] of entries) {
      const n = this.rangeNumber('id', op as RangeOperator, operand as string);
      if (n === undefined) continue;
      if (op === '$gt') bounds.minId = Math.max(bounds.minId, Math.floor(n) + 1);
      if (op === '$gte') bounds.minId = Math.max(bounds.minId, Math.ceil(n));
      if (op === '$lt') bounds.maxId = Math.min(bounds.maxId, Math.ceil(n) - 1);
      if (op === '$lte') bounds.maxId = Math.min(bounds.maxId, Math.floor(n));
    }
    return true;
  }

  private rangeNumber(path: string, op: RangeOperator, operand: string): number | undefined {
    if (path === 'id' && !this.options.supportsIdGt) {
      this.errors.push(`Operator '${op}' is not supported for field 'id'`);
      return undefined;
    }
    const n = operand.trim() === '' ? Number.NaN : Number(operand);
    if (Number.isNaN(n)) {
      this.errors.push(`Operator '${op}' on '${path}' needs a number, not '${operand}'`);
      return undefined;
    }
    return n;
  }

  private compileObject(filter: unknown, where: string): RowPredicate | undefined {
    if (!isObject(filter)) {
      this.errors.push(
        `Each entry of '${where}' must be a filter such as ${where}[0][field]=value`,
      );
      return undefined;
    }
    const predicates: RowPredicate[] = [];
    for (const [key, value] of Object.entries(filter)) {
      const predicate = this.compileClause(key, value);
      if (predicate !== undefined) predicates.push(predicate);
    }
    return predicates.length === 0 ? () => true : all(predicates);
  }

  private compileClause(key: string, value: unknown): RowPredicate | undefined {
    if (key === '$and' || key === '$or') {
      const list = asList(value);
      if (list === undefined || list.length === 0) {
        this.errors.push(`'${key}' needs a list of filters such as filter[${key}][0][field]=value`);
        return undefined;
      }
      const parts = list
        .map((entry) => this.compileObject(entry, key))
        .filter((part): part is RowPredicate => part !== undefined);
      return key === '$and' ? all(parts) : (row) => parts.some((part) => part(row));
    }
    if (key.startsWith('$')) {
      this.errors.push(`Operator '${key}' is not supported`);
      return undefined;
    }
    return this.compileCondition(key, value);
  }

  private compileCondition(path: string, condition: unknown): RowPredicate | undefined {
    const keys = isObject(condition) ? Object.keys(condition) : [];
    // filter[contact][email]=x reads as filter[contact.email]=x: PHP nests what a dot would name.
    if (isObject(condition) && keys.length > 0 && keys.every((key) => !key.startsWith('$'))) {
      const parts = keys
        .map((key) => this.compileCondition(`${path}.${key}`, condition[key]))
        .filter((part): part is RowPredicate => part !== undefined);
      return all(parts);
    }
    const reader = resolveField(path);
    if (reader === undefined) {
      this.errors.push(`Unknown field '${path}' in filter`);
      return undefined;
    }
    if (typeof condition === 'string') {
      const matches = equality(reader, condition);
      return (row) => anyValue(reader.read(row), matches);
    }
    if (!isObject(condition) || keys.length === 0) {
      this.errors.push(
        `filter[${path}] takes one value; use filter[${path}][$in][]=... for a list`,
      );
      return undefined;
    }
    const parts: RowPredicate[] = [];
    for (const [op, operand] of Object.entries(condition)) {
      const part = this.compileOperator(reader, op, operand);
      if (part !== undefined) parts.push(part);
    }
    return all(parts);
  }

  private compileOperator(
    reader: FieldReader,
    op: string,
    operand: unknown,
  ): RowPredicate | undefined {
    const path = reader.path;
    if (!FIELD_OPERATORS.has(op)) {
      this.errors.push(`Operator '${op}' is not supported for field '${path}'`);
      return undefined;
    }
    if (op === '$in') {
      const list = asList(operand);
      if (list === undefined || !list.every((item) => typeof item === 'string')) {
        this.errors.push(
          `'$in' on '${path}' needs a list: filter[${path}][$in][]=a&filter[${path}][$in][]=b`,
        );
        return undefined;
      }
      const tests = (list as string[]).map((item) => equality(reader, item));
      return (row) => anyValue(reader.read(row), (text) => tests.some((test) => test(text)));
    }
    if (typeof operand !== 'string') {
      this.errors.push(`Operator '${op}' on '${path}' takes one value`);
      return undefined;
    }
    if (op === '$ne') {
      const matches = equality(reader, operand);
      return (row) => !anyValue(reader.read(row), matches);
    }
    if (op === '$regex') {
      // Envoke runs on PHP and MySQL, whose REGEXP ignores case under the default collation.
      let pattern: RegExp;
      try {
        pattern = new RegExp(operand, 'i');
      } catch {
        this.errors.push(`'${operand}' is not a valid regular expression for '${path}'`);
        return undefined;
      }
      return (row) => anyValue(reader.read(row), (text) => pattern.test(text));
    }
    return this.compileRange(reader, op as RangeOperator, operand);
  }

  private compileRange(
    reader: FieldReader,
    op: RangeOperator,
    operand: string,
  ): RowPredicate | undefined {
    const compare = COMPARATORS[op];
    if (reader.numeric) {
      const n = this.rangeNumber(reader.path, op, operand);
      if (n === undefined) return undefined;
      // An unset amount ("") is no number and never in range.
      return (row) => anyValue(reader.read(row), (text) => text !== '' && compare(Number(text), n));
    }
    // Times are "YYYY-MM-DD HH:MM:SS", which order correctly as text.
    return (row) => anyValue(reader.read(row), (text) => text !== '' && compare(text, operand));
  }
}

const COMPARATORS: Record<RangeOperator, <T extends number | string>(a: T, b: T) => boolean> = {
  $gt: (a, b) => a > b,
  $gte: (a, b) => a >= b,
  $lt: (a, b) => a < b,
  $lte: (a, b) => a <= b,
};

/**
 * Equality as Envoke's MySQL-backed filters behave: enum values in any spelling, numbers by value,
 * text without regard to case.
 */
function equality(reader: FieldReader, value: string): (text: string) => boolean {
  if (reader.vocabulary !== undefined) {
    const canonical = normalizeEnum(value, reader.vocabulary);
    return canonical === undefined ? () => false : (text) => text === canonical;
  }
  if (reader.numeric && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    const n = Number(value);
    return (text) => text !== '' && Number(text) === n;
  }
  const folded = value.toLowerCase();
  return (text) => text.toLowerCase() === folded;
}
