/**
 * Any text as a field name or an enum value: the parser answers with a query or a sentence naming
 * the field, never a crash (a name such as `constructor` is on every object's prototype, so a
 * lookup with `in` or an index once took it for a field). Completion answers the same way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldBeingTyped,
  FIELD_HELP,
  FIELD_KINDS,
  matchEnum,
  parseQuery,
  printQuery,
  QUERY_FIELDS,
  queryField,
  QuerySyntaxError,
  suggest,
  tryParseQuery,
  type EnumFieldName,
} from '#contract/lead-query';

/** Every name an object inherits, as typed and in other cases. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).flatMap((name) => [
  name,
  name.toLowerCase(),
  name.toUpperCase(),
  name[0]!.toUpperCase() + name.slice(1),
]);
const FIELD_SHAPE = /^[A-Za-z][A-Za-z-]*$/;

/** A query or a QuerySyntaxError; anything else thrown fails the test. */
function outcome(text: string): { ok: true } | { ok: false; message: string } {
  const result = tryParseQuery(text);
  return result.ok ? { ok: true } : { ok: false, message: result.error.message };
}

describe('a field name that is a name of every object', () => {
  it.each(PROTOTYPE_NAMES)('%s:x is an unknown field, named', (name) => {
    const result = outcome(`${name}:x`);
    if (FIELD_SHAPE.test(name)) {
      expect(result).toEqual({
        ok: false,
        message: expect.stringMatching(new RegExp(`^Unknown field '${name.toLowerCase()}'`)),
      });
    } else {
      // `__proto__:x` is not written like a field: it is a word searched for.
      expect(parseQuery(`${name}:x`).terms).toEqual([
        { kind: 'word', value: `${name}:x`, negated: false },
      ]);
    }
    expect(queryField(name)).toBeNull();
  });

  it.each(PROTOTYPE_NAMES)('-%s:x and %s:"a b" are unknown fields too', (name) => {
    for (const text of [`-${name}:x`, `${name}:"a b"`, `${name}:=x`])
      if (FIELD_SHAPE.test(name)) expect(outcome(text)).toMatchObject({ ok: false });
  });

  it.each(PROTOTYPE_NAMES)('status:%s and the other enum fields refuse it as a value', (name) => {
    const enumFields = QUERY_FIELDS.filter((field) => FIELD_KINDS[field] === 'enum');
    for (const field of enumFields) {
      const result = outcome(`${field}:${name}`);
      if (result.ok) {
        // A real value that begins the same (sync:constructor… is nothing; has:c… is nothing).
        const term = parseQuery(`${field}:${name}`).terms[0]!;
        expect(typeof (term as { value: unknown }).value).toBe('string');
      } else {
        expect(result.message).toMatch(/is not a value of/);
      }
      expect(matchEnum(field as EnumFieldName, name)).not.toBeTypeOf('function');
    }
  });

  it('completion offers nothing for it and never a function as a description', () => {
    for (const name of PROTOTYPE_NAMES) {
      for (const suggestion of [...suggest(`${name}:`), ...suggest(`${name}:x`), ...suggest(name)])
        expect(typeof suggestion.detail).toBe('string');
      expect(suggest(`${name.toLowerCase()}:`)).toEqual([]);
      expect(fieldBeingTyped(`${name}:x`)).toBeNull();
    }
    expect(suggest('sort:').every((s) => s.detail === FIELD_HELP.sort)).toBe(true);
  });
});

describe('any text as a field name', () => {
  it('gives a query, or a sentence that names the field', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 24 }),
          fc.constantFrom(...PROTOTYPE_NAMES),
          fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,15}$/),
        ),
        fc.constantFrom('x', '"a b"', '=x', '>2026-01-01', ''),
        fc.boolean(),
        (name, value, negated) => {
          const text = `${negated ? '-' : ''}${name}:${value}`;
          let query;
          try {
            query = parseQuery(text);
          } catch (error) {
            expect(error).toBeInstanceOf(QuerySyntaxError);
            const lower = name.toLowerCase();
            if (FIELD_SHAPE.test(name) && queryField(lower) === null && lower !== 'sort')
              expect((error as Error).message).toMatch(
                new RegExp(`^Unknown field '${lower.replace(/[-]/g, '\\-')}'`),
              );
            return;
          }
          // Whatever was read prints and reads back the same.
          for (const term of query.terms) expect(term).toHaveProperty('kind');
          expect(parseQuery(printQuery(query))).toEqual(query);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('any text as an enum value gives a value of the field or none', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...(QUERY_FIELDS.filter((field) => FIELD_KINDS[field] === 'enum') as EnumFieldName[]),
        ),
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...PROTOTYPE_NAMES)),
        (field, typed) => {
          const value = matchEnum(field, typed);
          expect(value === null || typeof value === 'string').toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
