import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_TEXT_FIELDS,
  LEAD_ENUM_VOCABULARIES,
  LEAD_MONEY_FIELDS,
  LEAD_TEXT_FIELDS,
  parseLead,
  type EnvokeLead,
} from '../../src-main/core/envoke';
import { LeadSchema } from '../../src-main/core/envoke/lead-schema';
import { TRIAGE_FIELDS } from '#contract/lead';

/** The lead sample of envoke-lead-api.md §6.2, as Envoke documents it. */
function sampleLead(): Record<string, unknown> {
  return {
    id: '1234',
    contact: {
      id: '321654',
      email: 'jane@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
      company: 'Widgets Inc',
      custom_fields: { Region: 'East' },
      interests: ['Business Products'],
      autoresponders: [],
    },
    remote_id: '',
    business_unit: 'B2B Widgets',
    marketing_user: 'Jane Manager',
    salesperson: 'Tom Salesman',
    create_time: '2016-02-05 09:13:06',
    rule_rating: 'Hot',
    marketing_rating_status: 'Passed to sales',
    marketing_rating: 'Hot',
    sales_rating_status: 'Rated good',
    sales_rating: 'Contacted: Good',
    opportunity: 'Yes',
    sale: 'None',
    revenue: '7595.00',
    cost_of_goods_sold: '6200.00',
    visitor_id: '1454663586000',
  };
}

function parsed(raw: unknown): EnvokeLead {
  const result = parseLead(raw);
  if (!result.ok) throw new Error(`expected a readable lead, got: ${result.reason}`);
  return result.lead;
}

describe('parseLead reads what Envoke sends', () => {
  it('keeps the documented sample as it is and fills the absent fields with ""', () => {
    const lead = parsed(sampleLead());
    expect(lead).toMatchObject(sampleLead());
    expect(lead.sale_note).toBe('');
    expect(lead.contact.phone).toBe('');
    expect(lead.contact.custom_fields).toEqual({ Region: 'East' });
    for (const field of [...LEAD_TEXT_FIELDS, ...LEAD_MONEY_FIELDS, ...TRIAGE_FIELDS, 'id']) {
      expect(typeof lead[field], field).toBe('string');
    }
    for (const field of CONTACT_TEXT_FIELDS)
      expect(typeof lead.contact[field], field).toBe('string');
  });

  it('reads ids as digit strings and money as decimal strings, from numbers too', () => {
    const lead = parsed({
      ...sampleLead(),
      id: 1234,
      contact: { id: 321654, email: 'a@b.c' },
      revenue: 7595,
      cost_of_goods_sold: 12.5,
      visitor_id: 1454663586000,
    });
    expect(lead.id).toBe('1234');
    expect(lead.contact.id).toBe('321654');
    expect(lead.revenue).toBe('7595.00');
    expect(lead.cost_of_goods_sold).toBe('12.50');
    expect(lead.visitor_id).toBe('1454663586000');
    expect(parsed({ id: ' 77 ', revenue: 1.005 }).id).toBe('77');
    expect(parsed({ id: '1', revenue: 1.005 }).revenue).toBe('1.005');
  });

  it.each([
    ['PASSED_TO_SALES', 'marketing_rating_status', 'Passed to sales'],
    ['passed to sales', 'marketing_rating_status', 'Passed to sales'],
    ['  Deferred ', 'marketing_rating_status', 'Deferred'],
    ['Open', 'marketing_rating_status', 'Unprocessed'],
    ['OPEN', 'sales_rating_status', 'Unprocessed'],
    ['RATED_BAD', 'sales_rating_status', 'Rated bad'],
    ['YES', 'opportunity', 'Yes'],
    ['cancelled', 'sale', 'Cancelled'],
  ])('reads %s in %s as %s', (spelling, field, canonical) => {
    expect(parsed({ id: '1', [field]: spelling })[field]).toBe(canonical);
  });

  it('keeps an enum value it does not know verbatim instead of failing the lead', () => {
    const lead = parsed({ id: '1', marketing_rating_status: 'Nurture', opportunity: 3 });
    expect(lead.marketing_rating_status).toBe('Nurture');
    expect(lead.opportunity).toBe('3');
  });

  it('reads null, absent and "" alike as "", and a missing contact as an empty one', () => {
    const lead = parsed({
      id: '9',
      salesperson: null,
      marketing_rating_status: null,
      contact: null,
    });
    expect(lead.salesperson).toBe('');
    expect(lead.marketing_rating_status).toBe('');
    expect(lead.revenue).toBe('');
    expect(lead.contact.id).toBe('');
    expect(lead.contact.email).toBe('');
    expect(parsed({ id: '9' }).contact).toEqual(lead.contact);
  });

  it('keeps fields it does not know, on the lead and on the contact', () => {
    const lead = parsed({
      ...sampleLead(),
      score: { total: 3 },
      tags: ['a'],
      contact: { id: '5', external_id: 'ab12', loyalty: null },
    });
    expect(lead.score).toEqual({ total: 3 });
    expect(lead.tags).toEqual(['a']);
    expect(lead.contact.loyalty).toBeNull();
    expect(lead.contact.external_id).toBe('ab12');
  });
});

describe('parseLead reports what it cannot read', () => {
  it.each([
    [null, null, /lead must be an object, got null/],
    [[{ id: '1' }], null, /lead must be an object, got a list/],
    ['1234', null, /lead must be an object, got "1234"/],
    [{ contact: {} }, null, /^id is missing\.$/],
    [{ id: 'L-7' }, 'L-7', /^id must be a whole number, got "L-7"\.$/],
    [{ id: 1.5 }, '1.5', /^id must be a whole number/],
    [
      { id: '3', contact: 'jane@example.com' },
      '3',
      /^contact must be an object, got "jane@example.com"\.$/,
    ],
    [{ id: '3', contact: [] }, '3', /^contact must be an object, got a list\.$/],
    [{ id: '4', contact: { id: 'abc' } }, '4', /^contact\.id must be a whole number/],
    [{ id: '5', salesperson: { name: 'Tom' } }, '5', /^salesperson must be text, got an object\.$/],
    [{ id: '6', contact: { email: ['a@b'] } }, '6', /^contact\.email must be text, got a list\.$/],
  ])('reports %j with id %j and a reason', (raw, id, reason) => {
    const result = parseLead(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.id).toBe(id);
    expect(result.reason).toMatch(reason);
  });

  it('refuses a lead nested deeper than 32 levels or larger than 256 KB, and keeps one at the bounds', () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 'end';
      for (let level = 0; level < levels; level += 1) value = { a: value };
      return value;
    };
    // The lead is level 1: an extra field of 31 object levels reaches level 32.
    expect(parseLead({ id: '9', extra: nested(31) }).ok).toBe(true);
    expect(parseLead({ id: '9', extra: nested(32) })).toEqual({
      ok: false,
      id: '9',
      reason: 'lead nests its fields deeper than 32 levels.',
    });
    expect(parseLead({ id: '9', extra: [nested(100_000)] })).toMatchObject({ ok: false, id: '9' });
    expect(parseLead({ id: '9', create_note: 'x'.repeat(250 * 1024) }).ok).toBe(true);
    expect(parseLead({ id: '9', create_note: 'x'.repeat(257 * 1024) })).toEqual({
      ok: false,
      id: '9',
      reason: 'lead is larger than the 256 KB a lead may hold.',
    });
    expect(parseLead({ id: 'x'.repeat(1e6) })).toMatchObject({
      ok: false,
      id: `${'x'.repeat(37)}...`,
    });
  });

  it('names every problem of one lead, not just the first', () => {
    const result = parseLead({ id: '8', sale_note: [], contact: { id: 'x' } });
    expect(result).toMatchObject({ ok: false, id: '8' });
    if (!result.ok) {
      expect(result.reason).toContain('sale_note must be text');
      expect(result.reason).toContain('contact.id must be a whole number');
    }
  });
});

// ---- properties ------------------------------------------------------------------------------

const fieldNames = [
  'id',
  ...LEAD_TEXT_FIELDS,
  ...LEAD_MONEY_FIELDS,
  ...Object.keys(LEAD_ENUM_VOCABULARIES),
  'contact',
  'extra_field',
];
const wildValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, 'PASSED_TO_SALES', 'open', '12', 12, -1, 1e21, '', '  '),
);
/** A documented lead with some fields replaced by anything JSON can hold, or removed. */
const mutatedLead = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...fieldNames), wildValue, { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom('id', 'email', 'first_name', 'custom_fields', 'x'), wildValue, {
      maxKeys: 3,
    }),
  )
  .map(([leadChanges, contactChanges]) => {
    const lead = { ...sampleLead(), ...leadChanges };
    if (typeof lead.contact === 'object' && lead.contact !== null && !Array.isArray(lead.contact)) {
      lead.contact = { ...lead.contact, ...contactChanges };
    }
    return lead;
  });

describe('parseLead properties', () => {
  it('never throws: any input is either a lead with every field a string, or a reported problem', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedLead, fc.anything()), (raw) => {
        const result = parseLead(raw);
        if (result.ok) {
          for (const field of [...LEAD_TEXT_FIELDS, ...LEAD_MONEY_FIELDS, ...TRIAGE_FIELDS]) {
            expect(typeof result.lead[field]).toBe('string');
          }
          expect(result.lead.id).toMatch(/^\d+$/);
          expect(result.lead.contact.id).toMatch(/^\d*$/);
        } else {
          expect(result.reason.length).toBeGreaterThan(0);
          expect(result.id === null || typeof result.id === 'string').toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips: a parsed lead stored as JSON and read again is unchanged, unknown fields included', () => {
    fc.assert(
      fc.property(mutatedLead, (raw) => {
        const first = parseLead(raw);
        if (!first.ok) return;
        const second = parseLead(JSON.parse(JSON.stringify(first.lead)));
        expect(second).toEqual(first);
        for (const [key, value] of Object.entries(raw)) {
          if (!fieldNames.includes(key) && value !== undefined)
            expect(first.lead[key]).toEqual(value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads every lead exactly as the full schema does, field order included', () => {
    // Stored copies are compared as JSON text to tell a changed lead from an unchanged one: a
    // reading that differed in any way (even key order) would rewrite every lead once.
    fc.assert(
      fc.property(fc.oneof(mutatedLead, fc.anything()), (raw) => {
        const result = parseLead(raw);
        const schema = LeadSchema.safeParse(raw);
        expect(result.ok).toBe(schema.success && typeof raw === 'object' && !Array.isArray(raw));
        if (result.ok) {
          expect(result.lead).toEqual(schema.data);
          expect(JSON.stringify(result.lead)).toBe(JSON.stringify(schema.data));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
