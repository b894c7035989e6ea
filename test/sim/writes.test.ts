import { describe, expect, it } from 'vitest';
import { type SimLead } from '../../src-main/sim/index';
import {
  type Envelope,
  type ErrorEnvelope,
  VALIDATION_TEXT,
  call,
  fixedClock,
  getLeads,
  q,
  startSim,
} from './helpers';

const NOW = '2026-03-04T05:06:07Z';
const NOW_TEXT = '2026-03-04 05:06:07';

describe('POST /v1/leads', () => {
  it('creates a lead and its contact, answering the envelope with both', async () => {
    const sim = await startSim({ leads: 100, now: fixedClock(NOW) });
    const lastId = Number(sim.store.all().at(-1)!.id);
    const reply = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      remote_id: 'CRM-42',
      rule_rating: 'Hot',
      contact: {
        email: 'a@example.com',
        consent_status: 'Express',
        consent_description: 'Web form',
        first_name: 'Ada',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.json.success).toBe(true);
    expect(typeof reply.json.result_text).toBe('string');
    const lead = reply.json.result_data;
    expect(Number(lead.id)).toBe(lastId + 1);
    expect(lead).toMatchObject({
      remote_id: 'CRM-42',
      rule_rating: 'Hot',
      create_time: NOW_TEXT,
      marketing_rating_status: 'Unprocessed',
      marketing_rating_time: '',
      sales_rating_status: 'Not applicable',
      opportunity: 'None',
      sale: 'None',
      revenue: '',
    });
    expect(lead.contact).toMatchObject({
      email: 'a@example.com',
      first_name: 'Ada',
      consent_status: 'Express',
      date_created: NOW_TEXT,
    });
    expect(lead.contact.id).toMatch(/^\d+$/);
    expect((await call<SimLead>(sim, 'GET', `/v1/leads/${lead.id}`)).json).toEqual(lead);
  });

  it('reuses the contact found by email (any case) or by id', async () => {
    const sim = await startSim({ leads: 100 });
    const existing = sim.store.all()[5]!;
    const byEmail = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      contact: { email: existing.contact.email.toUpperCase() },
    });
    expect(byEmail.json.result_data.contact).toEqual(existing.contact);
    const byId = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      contact: { id: existing.contact.id },
    });
    expect(byId.json.result_data.contact.id).toBe(existing.contact.id);
    expect(sim.store.contactCount()).toBe(80);
  });

  it('follows a contact whose email changed, and refuses an email another contact has', async () => {
    const sim = await startSim({ leads: 100 });
    const [a, b] = [sim.store.all()[10]!, sim.store.all()[40]!];
    const moved = await call<Envelope<SimLead>>(sim, 'PATCH', `/v1/leads/${a.id}`, {
      contact: { email: 'moved@x.example' },
    });
    expect(moved.json.result_data.contact.email).toBe('moved@x.example');
    const byNew = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      contact: { email: 'MOVED@x.example' },
    });
    expect(byNew.json.result_data.contact.id).toBe(a.contact.id);
    const byOld = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      contact: { email: a.contact.email },
    });
    expect(byOld.json.result_data.contact.id).not.toBe(a.contact.id);
    const taken = await call<ErrorEnvelope>(sim, 'PATCH', `/v1/leads/${a.id}`, {
      contact: { email: b.contact.email },
    });
    expect([taken.status, taken.json.result_data.errors]).toEqual([
      400,
      [`A contact with email '${b.contact.email}' already exists`],
    ]);
    const changeContact = await call<ErrorEnvelope>(sim, 'PATCH', `/v1/leads/${a.id}`, {
      contact: { id: b.contact.id },
    });
    expect(changeContact.json.result_data.errors).toEqual([
      "'contact.id' is read-only: a lead keeps its contact",
    ]);
  });

  it('starts ids at 1001 in an empty account', async () => {
    const sim = await startSim({ leads: 0 });
    expect((await getLeads(sim, '')).json).toEqual([]);
    const reply = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      contact: { email: 'first@x.example' },
    });
    expect(reply.json.result_data.id).toBe('1001');
  });

  it('creates a second lead for a repeated POST: Envoke does not deduplicate remote_id', async () => {
    const sim = await startSim({ leads: 10 });
    const body = { remote_id: 'uuid-7', contact: { email: 'twice@x.example' } };
    const first = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', body);
    const second = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', body);
    expect(second.json.result_data.id).not.toBe(first.json.result_data.id);
    expect(second.json.result_data.contact.id).toBe(first.json.result_data.contact.id);
    expect(ids((await getLeads(sim, q({ 'filter[remote_id]': 'uuid-7' }))).json)).toEqual([
      first.json.result_data.id,
      second.json.result_data.id,
    ]);
    expect(sim.journal.map((entry) => [entry.method, entry.remoteId])).toEqual([
      ['POST', 'uuid-7'],
      ['POST', 'uuid-7'],
    ]);
  });

  it('stamps the stage time of a status given on create, stores enums in display form', async () => {
    const sim = await startSim({ leads: 10, now: fixedClock(NOW) });
    const reply = await call<Envelope<SimLead>>(sim, 'POST', '/v1/leads', {
      marketing_rating_status: 'PASSED_TO_SALES',
      sales_rating_status: 'unprocessed',
      revenue: '7595',
      contact: { email: 'c@x.example' },
    });
    expect(reply.json.result_data).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      marketing_rating_time: NOW_TEXT,
      sales_rating_status: 'Unprocessed',
      sales_rating_time: NOW_TEXT,
      opportunity_time: '',
      revenue: '7595.00',
    });
  });

  it('rejects a body without a contact, a bad email, or consent without its description', async () => {
    const sim = await startSim({ leads: 10 });
    const cases: [unknown, RegExp][] = [
      [{ rule_rating: 'Hot' }, /'contact' is required/],
      [{ contact: { first_name: 'A' } }, /'contact.email' or 'contact.id' is required/],
      [{ contact: { email: 'not-an-email' } }, /not a valid email address/],
      [{ contact: { id: '999999' } }, /Contact with id '999999' not found/],
      [
        { contact: { email: 'x@y.example', consent_status: 'Express' } },
        /consent_description' is required/,
      ],
      [
        { contact: { email: 'x@y.example', external_id: 'abc' } },
        /'contact.external_id' is read-only/,
      ],
      [{ contact: { email: 'x@y.example', first_name: 'A'.repeat(21) } }, /longer than 20/],
      [{ id: '5', contact: { email: 'x@y.example' } }, /'id' is read-only/],
      [{ business_unit: 'B2B', contact: { email: 'x@y.example' } }, /'business_unit' is read-only/],
    ];
    for (const [body, message] of cases) {
      const reply = await call<ErrorEnvelope>(sim, 'POST', '/v1/leads', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.json.result_text).toBe(VALIDATION_TEXT);
      expect(reply.json.result_data.errors.join('\n')).toMatch(message);
    }
    expect(sim.store.count()).toBe(10);
    expect(sim.journal).toEqual([]);
  });
});

describe('PATCH /v1/leads/{id} and PATCH /v1/leads with the id in the body', () => {
  it('applies a partial update, reads enums leniently, stamps *_time on a change', async () => {
    const sim = await startSim({ leads: 50, now: fixedClock(NOW) });
    const before = sim.store.all().find((lead) => lead.marketing_rating_status === 'Unprocessed')!;
    const reply = await call<Envelope<SimLead>>(sim, 'PATCH', `/v1/leads/${before.id}`, {
      marketing_rating_status: 'DEFERRED',
      marketing_rating: 'Cold',
    });
    expect(reply.status).toBe(200);
    expect(reply.json.success).toBe(true);
    expect(reply.json.result_data).toEqual({
      ...before,
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Cold',
      marketing_rating_time: NOW_TEXT,
    });
    expect((await call<SimLead>(sim, 'GET', `/v1/leads/${before.id}`)).json).toEqual(
      reply.json.result_data,
    );
  });

  it('stamps each stage: sales rating, opportunity, sale; leaves the time alone when the value is unchanged', async () => {
    let now = '2026-01-01T00:00:00Z';
    const sim = await startSim({ leads: 20, now: () => new Date(now) });
    const id = sim.store.all()[3]!.id;
    await call(sim, 'PATCH', `/v1/leads/${id}`, {
      sales_rating_status: 'rated good',
      opportunity: 'YES',
      sale: 'yes',
      revenue: '100.5',
    });
    now = '2026-02-02T00:00:00Z';
    await call(sim, 'PATCH', '/v1/leads', { id, sale: 'Yes', sale_note: 'Signed' });
    expect(sim.store.get(id)).toMatchObject({
      sales_rating_status: 'Rated good',
      sales_rating_time: '2026-01-01 00:00:00',
      opportunity: 'Yes',
      opportunity_time: '2026-01-01 00:00:00',
      sale: 'Yes',
      sale_time: '2026-01-01 00:00:00',
      sale_note: 'Signed',
      revenue: '100.50',
    });
    expect(sim.journal.map((entry) => [entry.method, entry.path, entry.leadId])).toEqual([
      ['PATCH', `/v1/leads/${id}`, id],
      ['PATCH', '/v1/leads', id],
    ]);
  });

  it('accepts numeric and string ids in the body, and nested contact fields', async () => {
    const sim = await startSim({ leads: 20 });
    const lead = sim.store.all()[2]!;
    const reply = await call<Envelope<SimLead>>(sim, 'PATCH', '/v1/leads', {
      id: Number(lead.id),
      contact: { id: lead.contact.id, phone: '+1 416 555 0100', interests: { Events: 'Set' } },
    });
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json.result_data.contact.phone).toBe('+1 416 555 0100');
    expect(reply.json.result_data.contact.interests).toContain('Events');
  });

  it('answers 400 for bad enum values, unknown or read-only fields, non-strings and bad money', async () => {
    const sim = await startSim({ leads: 20 });
    const lead = sim.store.all()[1]!;
    const reply = await call<ErrorEnvelope>(sim, 'PATCH', `/v1/leads/${lead.id}`, {
      marketing_rating_status: 'Maybe later',
      shoe_size: '9',
      create_time: '2020-01-01 00:00:00',
      sales_rating_time: '2020-01-01 00:00:00',
      marketing_rating: 5,
      revenue: '$7,595',
      cost_of_goods_sold: '12.345',
    });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      success: false,
      result_text: VALIDATION_TEXT,
      result_data: {
        errors: [
          "'Maybe later' is not a valid value for 'marketing_rating_status'; use one of: Not applicable, Unprocessed, Passed to sales, Deferred, Lead updated",
          "'shoe_size' is not a known lead field",
          "'create_time' is read-only",
          "'sales_rating_time' is read-only",
          "'marketing_rating' must be a string",
          "'revenue' must be a decimal amount such as 7595.00, not '$7,595'",
          "'cost_of_goods_sold' must be a decimal amount such as 7595.00, not '12.345'",
        ],
      },
    });
    expect(sim.store.get(lead.id)).toEqual(lead);
    expect(sim.journal).toEqual([]);
  });

  it('answers 400 "Item with id \'X\' not found" for an unknown id, and for a missing or changed id', async () => {
    const sim = await startSim({ leads: 20 });
    const lead = sim.store.all()[0]!;
    const cases: [string, unknown, string][] = [
      ['/v1/leads/999999', { sale: 'Yes' }, "Item with id '999999' not found"],
      ['/v1/leads', { id: '999999', sale: 'Yes' }, "Item with id '999999' not found"],
      ['/v1/leads', { sale: 'Yes' }, "'id' is required to update a lead"],
      [`/v1/leads/${lead.id}`, { id: '1', sale: 'Yes' }, "'id' is read-only"],
      [`/v1/leads/${lead.id}`, {}, 'The request names no field to update'],
      [`/v1/leads/${lead.id}`, [], 'The request body must be a JSON object'],
    ];
    for (const [path, body, message] of cases) {
      const reply = await call<ErrorEnvelope>(sim, 'PATCH', path, body);
      expect(reply.status).toBe(400);
      expect(reply.json.result_data.errors).toEqual([message]);
    }
  });

  it('reads the body as JSON whatever the Content-Type; malformed JSON is a 400', async () => {
    const sim = await startSim({ leads: 20 });
    const id = sim.store.all()[0]!.id;
    const form = await call<Envelope<SimLead>>(
      sim,
      'PATCH',
      `/v1/leads/${id}`,
      '{"sale_note":"via form post"}',
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );
    expect(form.json.result_data.sale_note).toBe('via form post');
    const broken = await call<ErrorEnvelope>(sim, 'PATCH', `/v1/leads/${id}`, '{"sale_note":', {
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.json.result_text).toBe(VALIDATION_TEXT);
    expect(broken.json.result_data.errors[0]).toMatch(/not valid JSON/);
  });
});

describe('store.edit and store.insert: changes made in Envoke itself', () => {
  it('apply the same rules but are not journalled as API writes', async () => {
    const sim = await startSim({ leads: 20, now: fixedClock(NOW) });
    const id = sim.store.all()[4]!.id;
    const edited = sim.store.edit(id, { opportunity: 'cancelled' });
    expect(edited).toMatchObject({ opportunity: 'Cancelled', opportunity_time: NOW_TEXT });
    expect((await call<SimLead>(sim, 'GET', `/v1/leads/${id}`)).json.opportunity).toBe('Cancelled');
    const inserted = sim.store.insert({ contact: { email: 'walk-in@x.example' } });
    expect(sim.store.get(inserted.id)).toEqual(inserted);
    expect(sim.journal).toEqual([]);
    expect(() => sim.store.edit('999999', { sale: 'Yes' })).toThrow(
      /Item with id '999999' not found/,
    );
    expect(() => sim.store.edit(id, { sale: 'Perhaps' })).toThrow(/not a valid value for 'sale'/);
  });
});

function ids(leads: SimLead[]): string[] {
  return leads.map((lead) => lead.id);
}
