import fc from 'fast-check';
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import {
  EnvokeError,
  serializeQuery,
  type Filter,
  type ListQuery,
} from '../../src-main/core/envoke';

function thrown(run: () => unknown): EnvokeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvokeError);
    return error as EnvokeError;
  }
  throw new Error('expected serializeQuery to throw');
}

describe('serializeQuery: the shapes envoke-lead-api.md shows', () => {
  it('writes equality and $regex on a dotted path with brackets and $ percent-encoded', () => {
    expect(
      serializeQuery({
        filter: {
          marketing_rating_status: 'PASSED_TO_SALES',
          'contact.email': { $regex: 'example\\.com' },
        },
      }),
    ).toBe(
      'filter%5Bmarketing_rating_status%5D=PASSED_TO_SALES&filter%5Bcontact.email%5D%5B%24regex%5D=example%5C.com',
    );
  });

  it('writes $in as an appended list and $or as an indexed list of filters', () => {
    expect(
      serializeQuery({
        filter: {
          email: { $in: ['a@x', 'b@x'] },
          $or: [{ first_name: 'A' }, { first_name: 'B' }],
        },
      }),
    ).toBe(
      'filter%5Bemail%5D%5B%24in%5D%5B%5D=a%40x&filter%5Bemail%5D%5B%24in%5D%5B%5D=b%40x' +
        '&filter%5B%24or%5D%5B0%5D%5Bfirst_name%5D=A&filter%5B%24or%5D%5B1%5D%5Bfirst_name%5D=B',
    );
  });

  it('writes sort, skip and limit, and numbers and booleans as text', () => {
    expect(
      serializeQuery({
        filter: { id: { $gt: 1200, $lte: 1300 }, active: true },
        sort: { id: 'ASC', 'contact.email': 'DESC' },
        skip: 200,
        limit: 100,
      }),
    ).toBe(
      'filter%5Bid%5D%5B%24gt%5D=1200&filter%5Bid%5D%5B%24lte%5D=1300&filter%5Bactive%5D=true' +
        '&sort%5Bid%5D=ASC&sort%5Bcontact.email%5D=DESC&skip=200&limit=100',
    );
  });

  it('encodes every operator and the text that would otherwise break the query string', () => {
    const text = serializeQuery({
      filter: {
        create_time: { $gte: '2024-01-01 00:00:00', $lt: '2024-02-01 00:00:00' },
        sale: { $ne: 'Yes' },
        note: 'a&b=c d+e#f%',
      },
    });
    expect(qs.parse(text)).toEqual({
      filter: {
        create_time: { $gte: '2024-01-01 00:00:00', $lt: '2024-02-01 00:00:00' },
        sale: { $ne: 'Yes' },
        note: 'a&b=c d+e#f%',
      },
    });
    expect(text).not.toMatch(/[[\]$ ]/);
  });

  it('is empty for an empty query and skips undefined conditions', () => {
    expect(serializeQuery({})).toBe('');
    expect(serializeQuery({ filter: { a: undefined, b: 'x' } })).toBe('filter%5Bb%5D=x');
  });
});

describe('serializeQuery refuses filters Envoke would misread', () => {
  const cases: Array<[string, ListQuery, RegExp]> = [
    [
      'an empty $in (PHP drops it, matching every lead)',
      { filter: { a: { $in: [] } } },
      /\$in needs/,
    ],
    ['an empty $or', { filter: { $or: [] } }, /\$or needs/],
    ['an $or branch with no condition', { filter: { $or: [{}] } }, /has no condition/],
    [
      'an unknown operator',
      { filter: { a: { $exists: true } as never } },
      /unknown operator "\$exists"/,
    ],
    ['an operator object with no operator', { filter: { a: {} } }, /has no operator/],
    ['a bracket in a field name', { filter: { 'a[b]': 'x' } }, /no brackets/],
    [
      'an operator where a field belongs',
      { filter: { $nor: 'x' } as Filter },
      /not an operator here/,
    ],
    ['a non-finite number', { filter: { a: { $gt: Number.NaN } } }, /finite number/],
    ['a non-text $regex', { filter: { a: { $regex: 5 as never } } }, /\$regex must be text/],
    ['a nested object as a value', { filter: { a: { $ne: { b: 1 } as never } } }, /must be text/],
    ['a limit above 100', { limit: 101 }, /limit must be a whole number from 1 to 100/],
    ['a zero limit', { limit: 0 }, /limit/],
    ['a negative skip', { skip: -1 }, /skip/],
    ['a fractional skip', { skip: 1.5 }, /skip/],
    ['a lowercase sort direction', { sort: { id: 'asc' as never } }, /ASC or DESC/],
    ['a broken character', { filter: { a: '\uD800' } }, /broken character/],
  ];
  it.each(cases)('refuses %s with a validation error naming the problem', (_, query, message) => {
    const error = thrown(() => serializeQuery(query));
    expect(error.reason).toBe('validation');
    expect(error.message).toMatch(message);
    expect(error.messages.join(' ')).toMatch(message);
    expect(error.retryable).toBe(false);
  });
});

// ---- property: PHP-style parsing of the output gives back the filter --------------------------

const fieldName = fc
  .tuple(
    fc.constantFrom('a', 'id', 'contact', 'x', 'é'),
    fc.string({
      unit: fc.constantFrom('a', 'z', '0', '_', '.', ' ', '&', '=', '%', '+', '#', '?', 'é', '✓'),
      maxLength: 8,
    }),
  )
  .map(([head, tail]) => head + tail)
  .filter((name) => !(name in Object.prototype));
const scalar = fc.oneof(
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);
const operators = fc
  .record(
    {
      $ne: scalar,
      $in: fc.array(scalar, { minLength: 1, maxLength: 4 }),
      $regex: fc.string(),
      $gt: scalar,
      $lt: scalar,
      $gte: scalar,
      $lte: scalar,
    },
    { requiredKeys: [] },
  )
  .filter((ops) => Object.keys(ops).length > 0);

const fields = fc.dictionary(fieldName, fc.oneof(scalar, operators), { minKeys: 1, maxKeys: 3 });
const { filter } = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'filter' },
    fields,
    fc
      .tuple(
        fc.option(fields, { nil: undefined }),
        fc.constantFrom('$and', '$or'),
        fc.array(tie('filter'), { minLength: 1, maxLength: 3 }),
      )
      .map(([conditions, logic, branches]) => ({ ...conditions, [logic]: branches })),
  ),
}));

/** What PHP (and qs) hand the server: every scalar becomes its text. */
function asParsed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asParsed);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asParsed(v)]));
  }
  return String(value);
}

describe('serializeQuery properties', () => {
  it('parses back with qs (PHP bracket rules) to the same filter, sort, skip and limit', () => {
    fc.assert(
      fc.property(
        filter,
        fc.dictionary(fieldName, fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC'), { maxKeys: 2 }),
        fc.nat(),
        fc.integer({ min: 1, max: 100 }),
        (f, sort, skip, limit) => {
          const text = serializeQuery({ filter: f, sort, skip, limit });
          expect(text).not.toMatch(/[[\]$]/);
          const parsed = qs.parse(text, { depth: 100, arrayLimit: 1000, parameterLimit: 100_000 });
          expect(parsed).toEqual({
            filter: asParsed(f),
            ...(Object.keys(sort).length > 0 ? { sort } : {}),
            skip: String(skip),
            limit: String(limit),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws anything but a validation EnvokeError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false }), (junk) => {
        try {
          serializeQuery({ filter: junk as Filter });
        } catch (error) {
          expect(error).toBeInstanceOf(EnvokeError);
          expect((error as EnvokeError).reason).toBe('validation');
        }
      }),
      { numRuns: 300 },
    );
  });
});
