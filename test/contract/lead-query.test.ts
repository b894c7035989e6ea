/**
 * The lead query language: every field reads and prints back the same, quoting and negation,
 * every error names the wrong term in one sentence, completion offers fields and values, and
 * parse → print → parse is the identity for any query (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENUM_VALUES,
  FIELD_KINDS,
  parseQuery,
  printQuery,
  QUERY_FIELDS,
  QuerySyntaxError,
  SORT_KEYS,
  suggest,
  type DateFieldName,
  type EnumFieldName,
  type LeadQuery,
  type QueryTerm,
  type RatingFieldName,
  type TextFieldName,
} from '#contract/lead-query';

function errorOf(text: string): QuerySyntaxError {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed without an error`);
}

describe('reading a query', () => {
  it('reads the example of the issue', () => {
    const query = parseQuery(
      'status:passed rating:hot company:acme created:>2026-09-01 salesperson:"Jane Roe" has:note sync:pending',
    );
    expect(query.terms).toEqual([
      { kind: 'enum', field: 'status', value: 'Passed to sales', negated: false },
      { kind: 'rating', field: 'rating', value: 'Hot', negated: false },
      { kind: 'text', field: 'company', value: 'acme', exact: false, negated: false },
      { kind: 'date', field: 'created', op: '>', date: '2026-09-01', negated: false },
      { kind: 'text', field: 'salesperson', value: 'Jane Roe', exact: false, negated: false },
      { kind: 'enum', field: 'has', value: 'note', negated: false },
      { kind: 'enum', field: 'sync', value: 'pending', negated: false },
    ]);
    expect(printQuery(query)).toBe(
      'status:"Passed to sales" rating:Hot company:acme created:>2026-09-01 salesperson:"Jane Roe" has:note sync:pending',
    );
  });

  it.each([
    ['status:new', { kind: 'enum', field: 'status', value: 'Unprocessed', negated: false }],
    ['status:deferred', { kind: 'enum', field: 'status', value: 'Deferred', negated: false }],
    ['status:n/a', { kind: 'enum', field: 'status', value: 'Not applicable', negated: false }],
    [
      'sales-status:good',
      { kind: 'enum', field: 'sales-status', value: 'Rated good', negated: false },
    ],
    [
      'sales-status:"contact attempted"',
      { kind: 'enum', field: 'sales-status', value: 'Contact attempted', negated: false },
    ],
    ['opportunity:yes', { kind: 'enum', field: 'opportunity', value: 'Yes', negated: false }],
    ['sale:cancelled', { kind: 'enum', field: 'sale', value: 'Cancelled', negated: false }],
    ['has:salesperson', { kind: 'enum', field: 'has', value: 'salesperson', negated: false }],
    ['sync:conflict', { kind: 'enum', field: 'sync', value: 'conflict', negated: false }],
    ['is:duplicate', { kind: 'enum', field: 'is', value: 'duplicate', negated: false }],
    ['sales-rating:warm', { kind: 'rating', field: 'sales-rating', value: 'Warm', negated: false }],
    ['rating:A+', { kind: 'rating', field: 'rating', value: 'A+', negated: false }],
    [
      'contact:jane',
      { kind: 'text', field: 'contact', value: 'jane', exact: false, negated: false },
    ],
    [
      'email:@acme.example',
      { kind: 'text', field: 'email', value: '@acme.example', exact: false, negated: false },
    ],
    [
      'source:google',
      { kind: 'text', field: 'source', value: 'google', exact: false, negated: false },
    ],
    ['medium:cpc', { kind: 'text', field: 'medium', value: 'cpc', exact: false, negated: false }],
    [
      'campaign:"spring fair"',
      { kind: 'text', field: 'campaign', value: 'spring fair', exact: false, negated: false },
    ],
    [
      'created:2026-09-01',
      { kind: 'date', field: 'created', op: '=', date: '2026-09-01', negated: false },
    ],
    [
      'marketing-time:>=2026-09-01',
      { kind: 'date', field: 'marketing-time', op: '>=', date: '2026-09-01', negated: false },
    ],
    [
      'sales-time:<2026-09-01',
      { kind: 'date', field: 'sales-time', op: '<', date: '2026-09-01', negated: false },
    ],
    [
      'opportunity-time:<=2026-09-01',
      { kind: 'date', field: 'opportunity-time', op: '<=', date: '2026-09-01', negated: false },
    ],
    [
      'sale-time:2026-09-01..2026-09-30',
      {
        kind: 'date',
        field: 'sale-time',
        op: '..',
        date: '2026-09-01',
        until: '2026-09-30',
        negated: false,
      },
    ],
    [
      '-company:acme',
      { kind: 'text', field: 'company', value: 'acme', exact: false, negated: true },
    ],
    ['pallets', { kind: 'word', value: 'pallets', negated: false }],
    ['-"fork lift"', { kind: 'word', value: 'fork lift', negated: true }],
    ['10:30', { kind: 'word', value: '10:30', negated: false }],
    [
      'salesperson:="Jane Roe"',
      { kind: 'text', field: 'salesperson', value: 'Jane Roe', exact: true, negated: false },
    ],
    [
      'company:=Acme',
      { kind: 'text', field: 'company', value: 'Acme', exact: true, negated: false },
    ],
    ['company:"=x"', { kind: 'text', field: 'company', value: '=x', exact: false, negated: false }],
    [
      'Company:Acme',
      { kind: 'text', field: 'company', value: 'Acme', exact: false, negated: false },
    ],
    [
      'company:"say \\"hi\\" \\\\ bye"',
      { kind: 'text', field: 'company', value: 'say "hi" \\ bye', exact: false, negated: false },
    ],
  ])('%s', (text, term) => {
    const query = parseQuery(text);
    expect(query.terms).toEqual([term]);
    expect(parseQuery(printQuery(query))).toEqual(query);
  });

  it('every field of the language has a case above', () => {
    // Guards the table: a field added later must come with its own reading test.
    const covered = new Set([
      'status',
      'sales-status',
      'opportunity',
      'sale',
      'has',
      'sync',
      'is',
      'rating',
      'sales-rating',
      'salesperson',
      'contact',
      'email',
      'source',
      'medium',
      'campaign',
      'company',
      'created',
      'marketing-time',
      'sales-time',
      'opportunity-time',
      'sale-time',
      // Read in "terms of the whole lead" below.
      'said',
      'interest',
      'unit',
      'consent',
    ]);
    expect(QUERY_FIELDS.filter((field) => !covered.has(field))).toEqual([]);
  });

  it('reads a sort, ascending or descending, and prints it last', () => {
    expect(parseQuery('sort:company status:new').sort).toEqual({
      key: 'company',
      descending: false,
    });
    expect(parseQuery('sort:-created').sort).toEqual({ key: 'created', descending: true });
    expect(printQuery(parseQuery('sort:-rating company:a'))).toBe('company:a sort:-rating');
    for (const key of SORT_KEYS) expect(parseQuery(`sort:${key}`).sort?.key).toBe(key);
  });

  it('an empty query has no terms', () => {
    expect(parseQuery('   ')).toEqual({ terms: [] });
  });
});

describe('a wrong term gets one clear sentence', () => {
  it.each([
    ['staus:passed', "Unknown field 'staus' — did you mean status?"],
    ['compnay:acme', "Unknown field 'compnay' — did you mean company?"],
    ['zzzzzzzz:1', "Unknown field 'zzzzzzzz'."],
    [
      'status:pased',
      '\'pased\' is not a value of status: use "Not applicable", Unprocessed, "Passed to sales", Deferred, "Lead updated".',
    ],
    ['has:nothing', "'nothing' is not a value of has: use note, salesperson, email, rating."],
    ['company:', 'company: needs a value, such as company:acme.'],
    ['company:=', 'company: needs a value, such as company:acme.'],
    [
      'created:yesterday',
      'created:yesterday is not a date: write YYYY-MM-DD, with >, >=, < or <= before it, or a range a..b.',
    ],
    [
      'created:2026-02-30',
      'created:2026-02-30 is not a date: write YYYY-MM-DD, with >, >=, < or <= before it, or a range a..b.',
    ],
    [
      'created:2026-09-30..2026-09-01',
      'created:2026-09-30..2026-09-01 ends before it starts: put the earlier date first.',
    ],
    [
      'created:2026-09-01..soon',
      'created:2026-09-01..soon is not a date range: write it as 2026-09-01..2026-09-30.',
    ],
    ['company:"acme', 'A quote is not closed: add " at the end of the value.'],
    [
      'sort:compny',
      "Unknown sort 'compny' — did you mean company? Sorts: created, company, contact, rating, status-time, sales-time.",
    ],
    [
      'sort:a sort:b',
      "Unknown sort 'a'. Sorts: created, company, contact, rating, status-time, sales-time.",
    ],
    ['sort:company sort:created', 'Only one sort: remove one of the sort: terms.'],
    ['-sort:company', 'sort cannot be negated: write sort:-created for newest first.'],
    ['""', 'An empty quoted word matches nothing: remove "".'],
    [
      'rating:hot OR rating:warm',
      'OR is not supported: every term must hold. Save a view for each value instead, or write "OR" in quotes to search for the word.',
    ],
    [
      'NOT rating:hot',
      'NOT is written as - before a term: -rating:hot, -status:passed. Write "NOT" in quotes to search for the word.',
    ],
    [
      'status:passed AND rating:hot',
      'AND is not needed: every term must hold already. Remove it, or write "AND" in quotes to search for the word.',
    ],
  ])('%s', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });

  it('reads a quoted "OR" as the word, and prints it quoted so it reads back the same', () => {
    const query = parseQuery('"OR" portland -rating:hot');
    expect(query.terms[0]).toEqual({ kind: 'word', value: 'OR', negated: false });
    expect(printQuery(query)).toBe('"OR" portland -rating:Hot');
    expect(parseQuery(printQuery(query))).toEqual(query);
  });

  it('locates the wrong term', () => {
    const error = errorOf('status:new staus:passed');
    expect([error.start, error.end]).toEqual([11, 23]);
  });
});

describe('completion', () => {
  it('offers field names for a word being typed', () => {
    expect(suggest('status:new sa').map((s) => s.label)).toEqual([
      'sales-status:',
      'sale:',
      'sales-rating:',
      'salesperson:',
      'sales-time:',
      'sale-time:',
      'said:',
    ]);
    expect(suggest('st')[0]?.text).toBe('status:');
  });

  it('offers the values of a field, known ones included', () => {
    expect(suggest('status:pa').map((s) => s.text)).toEqual(['status:"Passed to sales" ']);
    expect(suggest('salesperson:ja', ['Jane Roe', 'Sam Lee']).map((s) => s.text)).toEqual([
      'salesperson:"Jane Roe" ',
    ]);
    expect(suggest('-sort:').map((s) => s.label)).toContain('sort:company');
    // Those that begin with what was typed come before those that merely contain it.
    expect(suggest('has:n').map((s) => s.label)).toEqual([
      'has:note',
      'has:salesperson',
      'has:rating',
    ]);
  });
});

const enumTerm = fc
  .constantFrom(...(QUERY_FIELDS.filter((f) => FIELD_KINDS[f] === 'enum') as EnumFieldName[]))
  .chain((field) =>
    fc.record({
      kind: fc.constant('enum' as const),
      field: fc.constant(field),
      value: fc.constantFrom(...ENUM_VALUES[field]),
      negated: fc.boolean(),
    }),
  );
const someText = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', ':', '-', 'é', '=', '1', '.', '>'),
});
const textTerm = fc.record({
  kind: fc.constant('text' as const),
  exact: fc.boolean(),
  field: fc.constantFrom(
    ...(QUERY_FIELDS.filter((f) => FIELD_KINDS[f] === 'text') as TextFieldName[]),
  ),
  value: someText,
  negated: fc.boolean(),
});
const ratingTerm = fc.record({
  kind: fc.constant('rating' as const),
  field: fc.constantFrom<RatingFieldName>('rating', 'sales-rating'),
  value: fc.oneof(
    fc.constantFrom('Hot', 'Warm', 'Cold'),
    someText.filter((t) => !['hot', 'warm', 'cold'].includes(t.toLowerCase())),
  ),
  negated: fc.boolean(),
});
const day = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const dateTerm = fc.oneof(
  fc.record({
    kind: fc.constant('date' as const),
    field: fc.constantFrom(
      ...(QUERY_FIELDS.filter((f) => FIELD_KINDS[f] === 'date') as DateFieldName[]),
    ),
    op: fc.constantFrom('=' as const, '>' as const, '>=' as const, '<' as const, '<=' as const),
    date: day,
    negated: fc.boolean(),
  }),
  fc
    .record({
      kind: fc.constant('date' as const),
      field: fc.constantFrom<DateFieldName>('created', 'sale-time'),
      op: fc.constant('..' as const),
      dates: fc.tuple(day, day),
      negated: fc.boolean(),
    })
    .map(({ dates, ...rest }) => {
      const [a, b] = [...dates].sort();
      return { ...rest, date: a!, until: b! };
    }),
);
const wordTerm = fc.record({
  kind: fc.constant('word' as const),
  value: someText,
  negated: fc.boolean(),
});
const customTerm = fc.record({
  kind: fc.constant('custom' as const),
  key: fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/),
  value: someText,
  exact: fc.boolean(),
  negated: fc.boolean(),
});
const queryArbitrary: fc.Arbitrary<LeadQuery> = fc
  .tuple(
    fc.array(
      fc.oneof(
        enumTerm,
        textTerm,
        ratingTerm,
        dateTerm,
        wordTerm,
        customTerm,
      ) as fc.Arbitrary<QueryTerm>,
      { maxLength: 6 },
    ),
    fc.option(fc.record({ key: fc.constantFrom(...SORT_KEYS), descending: fc.boolean() }), {
      nil: undefined,
    }),
  )
  .map(([terms, sort]) => (sort === undefined ? { terms } : { terms, sort }));

describe('round trip', () => {
  it('parse(print(query)) is the query, and printing is stable', () => {
    fc.assert(
      fc.property(queryArbitrary, (query) => {
        const printed = printQuery(query);
        const again = parseQuery(printed);
        expect(again).toEqual(query);
        expect(printQuery(again)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('terms of the whole lead', () => {
  it('reads said:, custom.<key>:, consent:, interest: and unit:, and prints them back', () => {
    const query = parseQuery(
      'said:widgets custom.widget_name:"Gold Deluxe" custom.Region_2:=East consent:express consent:implied consent:none interest:"Business Products" -unit:"B2B Widgets"',
    );
    expect(query.terms).toEqual([
      { kind: 'text', field: 'said', value: 'widgets', exact: false, negated: false },
      { kind: 'custom', key: 'widget_name', value: 'Gold Deluxe', exact: false, negated: false },
      { kind: 'custom', key: 'Region_2', value: 'East', exact: true, negated: false },
      { kind: 'enum', field: 'consent', value: 'Express', negated: false },
      { kind: 'enum', field: 'consent', value: 'Implied', negated: false },
      { kind: 'enum', field: 'consent', value: 'Not provided', negated: false },
      { kind: 'text', field: 'interest', value: 'Business Products', exact: false, negated: false },
      { kind: 'text', field: 'unit', value: 'B2B Widgets', exact: false, negated: true },
    ]);
    expect(printQuery(query)).toBe(
      'said:widgets custom.widget_name:"Gold Deluxe" custom.Region_2:=East consent:Express consent:Implied consent:"Not provided" interest:"Business Products" -unit:"B2B Widgets"',
    );
    expect(parseQuery('CUSTOM.widget_name:gold').terms[0]).toMatchObject({ key: 'widget_name' });
  });

  it('names a wrong consent, an empty custom value and a key Envoke would not have', () => {
    expect(errorOf('consent:maybe').message).toMatch(/^'maybe' is not a value of consent: use /);
    expect(errorOf('custom.widget_name:').message).toBe(
      'custom.widget_name: needs a value, such as custom.widget_name:gold.',
    );
    // A key with other characters is no custom field: the term is a word of its own.
    expect(parseQuery('custom.widget-name:gold').terms[0]).toMatchObject({ kind: 'word' });
  });

  it("completes the account's custom field keys with their labels, after the language's own fields", () => {
    const fields = [
      { name: 'widget_name', label: 'Widget of interest' },
      { name: 'Preferred contact time', label: 'not a legal key' },
    ];
    expect(suggest('cu', [], 8, fields)).toEqual([
      {
        text: 'custom.widget_name:',
        label: 'custom.widget_name:',
        detail: 'Custom field: Widget of interest (contains)',
      },
    ]);
    expect(suggest('status:passed custom.w', [], 8, fields).map((s) => s.text)).toEqual([
      'status:passed custom.widget_name:',
    ]);
    expect(suggest('co', [], 8, fields).map((s) => s.label)).toEqual([
      'company:',
      'contact:',
      'consent:',
    ]);
    expect(suggest('c', [], 8, fields).at(-1)?.label).toBe('custom.widget_name:');
    expect(suggest('consent:imp').map((s) => s.label)).toEqual([
      'consent:Implied',
      'consent:"Implied - Inquiry"',
      'consent:"Implied - Transaction"',
      'consent:"Implied: No Expiry"',
    ]);
  });
});
