import { describe, expect, it } from 'vitest';
import type { SimLead, WireContact } from '../../src-main/sim/index';
import {
  type Envelope,
  type ErrorEnvelope,
  VALIDATION_TEXT,
  call,
  getLeads,
  q,
  startSim,
} from './helpers';

describe('/v1/contacts', () => {
  it('lists contacts 10 at a time in id order, with skip, limit and the lead filters’ syntax', async () => {
    const sim = await startSim({ leads: 50 });
    const first = await call<WireContact[]>(sim, 'GET', '/v1/contacts');
    expect(first.status).toBe(200);
    expect(first.json).toHaveLength(10);
    expect(first.json[0]?.id).toBe('501');
    expect(first.json.map((c) => Number(c.id))).toEqual(
      [...first.json.map((c) => Number(c.id))].sort((a, b) => a - b),
    );
    const paged = await call<WireContact[]>(sim, 'GET', '/v1/contacts?skip=10&limit=5');
    expect(paged.json.map((c) => c.id)).toEqual(['511', '512', '513', '514', '515']);
    const target = first.json[3]!;
    const byEmail = await call<WireContact[]>(
      sim,
      'GET',
      `/v1/contacts${q({ 'filter[email]': target.email.toUpperCase() })}`,
    );
    expect(byEmail.json.map((c) => c.id)).toEqual([target.id]);
    const sorted = await call<WireContact[]>(
      sim,
      'GET',
      `/v1/contacts${q({ 'sort[email]': 'DESC', limit: 3 })}`,
    );
    const emails = sorted.json.map((c) => c.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const bad = await call<ErrorEnvelope>(
      sim,
      'GET',
      `/v1/contacts${q({ 'filter[colour]': 'red' })}`,
    );
    expect([bad.status, bad.json.result_text]).toEqual([400, VALIDATION_TEXT]);
  });

  it('GET /v1/contacts/{id} reads one; an unknown id is the not-found validation error', async () => {
    const sim = await startSim({ leads: 20 });
    expect((await call<WireContact>(sim, 'GET', '/v1/contacts/502')).json.id).toBe('502');
    const missing = await call<ErrorEnvelope>(sim, 'GET', '/v1/contacts/999999');
    expect([missing.status, missing.json.result_data.errors]).toEqual([
      400,
      ["Item with id '999999' not found"],
    ]);
  });

  it('POST inserts; the same email again is a duplicate (400) unless ?upsert=1 updates it', async () => {
    const sim = await startSim({ leads: 20 });
    const body = {
      email: 'new-contact@api-testing.com',
      first_name: 'John',
      consent_status: 'Express',
      consent_description: 'Web form',
      interests: { Events: 'Set' },
    };
    const created = await call<Envelope<WireContact>>(sim, 'POST', '/v1/contacts', body);
    expect(created.status).toBe(200);
    expect(created.json.success).toBe(true);
    expect(created.json.result_data).toMatchObject({
      email: 'new-contact@api-testing.com',
      first_name: 'John',
      interests: ['Events'],
    });
    const id = created.json.result_data.id;
    expect(id).toMatch(/^\d+$/);

    const duplicate = await call<ErrorEnvelope>(sim, 'POST', '/v1/contacts', body);
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.result_data.errors[0]).toMatch(/Duplicate contact/);

    const upserted = await call<Envelope<WireContact>>(sim, 'POST', '/v1/contacts?upsert=1', {
      email: 'NEW-contact@api-testing.com',
      city: 'Toronto',
      interests: { Newsletter: 'Set' },
    });
    expect(upserted.json.result_text).toBe('Updated');
    // Partial, and tags are added to, not replaced.
    expect(upserted.json.result_data).toMatchObject({
      id,
      first_name: 'John',
      city: 'Toronto',
      interests: ['Events', 'Newsletter'],
    });
    const fresh = await call<Envelope<WireContact>>(sim, 'POST', '/v1/contacts?upsert=1', {
      email: 'other@api-testing.com',
    });
    expect(fresh.json.result_text).toBe('Created');
  });

  it('PATCH by id, by email in the body, or by ?keyfield=remote_id', async () => {
    const sim = await startSim({ leads: 20 });
    const byId = await call<Envelope<WireContact>>(sim, 'PATCH', '/v1/contacts/503', {
      province: 'MB',
      city: 'Winnipeg',
    });
    expect(byId.json.result_data).toMatchObject({ id: '503', province: 'MB', city: 'Winnipeg' });
    const email = byId.json.result_data.email;
    const byEmail = await call<Envelope<WireContact>>(sim, 'PATCH', '/v1/contacts', {
      email,
      first_name: 'UPDATED',
    });
    expect(byEmail.json.result_data).toMatchObject({ id: '503', first_name: 'UPDATED' });
    // The lead of that contact shows the change too.
    const lead = (await getLeads(sim, q({ 'filter[contact.contact_id]': '503' }))).json[0];
    expect(lead?.contact.first_name).toBe('UPDATED');
    await call(sim, 'PATCH', '/v1/contacts/503', { remote_id: 'CRM-503' });
    const byRemote = await call<Envelope<WireContact>>(
      sim,
      'PATCH',
      '/v1/contacts?keyfield=remote_id',
      { remote_id: 'CRM-503', title: 'CTO' },
    );
    expect(byRemote.json.result_data).toMatchObject({ id: '503', title: 'CTO' });
    const nobody = await call<ErrorEnvelope>(sim, 'PATCH', '/v1/contacts', {
      email: 'nobody@nowhere.example',
      city: 'X',
    });
    expect([nobody.status, nobody.json.result_data.errors]).toEqual([
      400,
      ["No contact with email 'nobody@nowhere.example' found"],
    ]);
    const missing = await call<ErrorEnvelope>(sim, 'PATCH', '/v1/contacts/999999', { city: 'X' });
    expect(missing.status).toBe(400);
  });

  it('refuses a consent status outside Envoke’s list with the validation envelope, and reads other spellings of it', async () => {
    const sim = await startSim({ leads: 20 });
    const bad = await call<ErrorEnvelope>(sim, 'PATCH', '/v1/contacts/503', {
      consent_status: 'Maybe',
    });
    expect([bad.status, bad.json.result_text]).toEqual([400, VALIDATION_TEXT]);
    expect(bad.json.result_data.errors[0]).toMatch(
      /^'Maybe' is not a valid value for 'consent_status'; use one of: Express, Implied - Inquiry/,
    );
    const spelled = await call<Envelope<WireContact>>(sim, 'PATCH', '/v1/contacts/503', {
      consent_status: 'implied - no expiry',
      consent_description: 'Customer',
    });
    expect(spelled.json.result_data.consent_status).toBe('Implied: No Expiry');
    const onLead = await call<ErrorEnvelope>(sim, 'PATCH', '/v1/leads/1001', {
      contact: { consent_status: 'Yes please' },
    });
    expect(onLead.json.result_data.errors[0]).toMatch(
      /'Yes please' is not a valid value for 'contact.consent_status'/,
    );
  });
});

describe('lead filters on the contact’s ids, as Envoke’s Zapier search sends them', () => {
  it('filter[contact.contact_id] and filter[contact.contact_remote_id] find the contact’s leads', async () => {
    const sim = await startSim({ leads: 100 });
    const withRemote = sim.store.all().find((lead) => lead.contact.remote_id !== '')!;
    const byId = await getLeads(sim, q({ 'filter[contact.contact_id]': withRemote.contact.id }));
    expect(byId.status).toBe(200);
    expect(byId.json.length).toBeGreaterThan(0);
    expect(byId.json.every((lead: SimLead) => lead.contact.id === withRemote.contact.id)).toBe(
      true,
    );
    const byRemote = await getLeads(
      sim,
      q({ 'filter[contact.contact_remote_id]': withRemote.contact.remote_id }),
    );
    expect(byRemote.json.map((lead: SimLead) => lead.id)).toEqual(
      byId.json.map((lead: SimLead) => lead.id),
    );
    const company = await getLeads(
      sim,
      q({ 'filter[contact.company]': withRemote.contact.company.toLowerCase() }),
    );
    expect(company.json.map((lead: SimLead) => lead.id)).toContain(withRemote.id);
  });
});
