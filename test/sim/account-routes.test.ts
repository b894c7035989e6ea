import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition, InterestDefinition } from '../../src-main/sim/index';
import { type ErrorEnvelope, VALIDATION_TEXT, basicAuth, call, startSim } from './helpers';

describe('GET /v1/settings', () => {
  it("answers the account's name, as Envoke's Zapier app reads it to check a connection", async () => {
    const sim = await startSim({ leads: 5, accountName: 'Widgets Inc.' });
    const reply = await call<{ name: string }>(sim, 'GET', '/v1/settings');
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ name: 'Widgets Inc.' });
    expect((await call(sim, 'GET', '/v1/settings.json')).json).toEqual({ name: 'Widgets Inc.' });
  });

  it('answers 404 when switched off, and 401 without credentials', async () => {
    const off = await startSim({ leads: 5, serveSettings: false });
    expect((await call(off, 'GET', '/v1/settings')).status).toBe(404);
    const on = await startSim({ leads: 5 });
    expect((await call(on, 'GET', '/v1/settings', undefined, { auth: null })).status).toBe(401);
    expect((await call(on, 'POST', '/v1/settings', {})).status).toBe(405);
  });
});

describe('custom field definitions', () => {
  it('GET /v2/customfields lists {id, name, description, field_type}, by name, 10 at a time', async () => {
    const sim = await startSim({ leads: 5 });
    const reply = await call<CustomFieldDefinition[]>(sim, 'GET', '/v2/customfields');
    expect(reply.status).toBe(200);
    expect(reply.json.map((field) => field.name)).toEqual([
      'first_purchase_date',
      'order_portal',
      'preferred_contact_time',
      'visit_notes',
      'widget_name',
    ]);
    expect(reply.json.find((field) => field.name === 'widget_name')).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'widget_name',
      description: 'Widget of interest',
      field_type: 'text',
    });
    for (const field of reply.json) {
      expect(field.name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(['text', 'note', 'date', 'url']).toContain(field.field_type);
    }
  });

  it('takes filter, sort, skip, limit, fields and result_type=kvp as documented', async () => {
    const sim = await startSim({ leads: 5 });
    const get = async <T>(query: string) =>
      (await call<T>(sim, 'GET', `/v2/customfields${query}`)).json;
    expect(
      (await get<CustomFieldDefinition[]>('?filter%5Bfield_type%5D=date')).map((f) => f.name),
    ).toEqual(['first_purchase_date']);
    expect(
      (await get<CustomFieldDefinition[]>('?sort%5Bname%5D=desc&limit=2')).map((f) => f.name),
    ).toEqual(['widget_name', 'visit_notes']);
    expect((await get<CustomFieldDefinition[]>('?skip=4')).map((f) => f.name)).toEqual([
      'widget_name',
    ]);
    expect(await get('?fields=name,field_type&limit=1')).toEqual([
      { name: 'first_purchase_date', field_type: 'date' },
    ]);
    const kvp = await get<Record<string, string>>('?result_type=kvp');
    expect(Object.values(kvp).sort()).toContain('widget_name');
    const bad = await call<ErrorEnvelope>(sim, 'GET', '/v2/customfields?filter%5Bcolour%5D=red');
    expect([bad.status, bad.json.result_text]).toEqual([400, VALIDATION_TEXT]);
    expect(bad.json.result_data.errors[0]).toMatch(/Cannot filter by 'colour'/);
  });

  it('GET /v2/customfields/{id} answers one field, or the not-found validation error', async () => {
    const sim = await startSim({ leads: 5 });
    const all = (await call<CustomFieldDefinition[]>(sim, 'GET', '/v2/customfields')).json;
    const first = all[0]!;
    expect((await call(sim, 'GET', `/v2/customfields/${first.id}`)).json).toEqual(first);
    const missing = await call<ErrorEnvelope>(sim, 'GET', '/v2/customfields/999');
    expect([missing.status, missing.json.result_data.errors]).toEqual([
      400,
      ["Item with id '999' not found"],
    ]);
  });

  it('GET /v1/customfields answers the older {id: name} map', async () => {
    const sim = await startSim({ leads: 5 });
    const map = (await call<Record<string, string>>(sim, 'GET', '/v1/customfields')).json;
    expect(Object.values(map).sort()).toEqual([
      'first_purchase_date',
      'order_portal',
      'preferred_contact_time',
      'visit_notes',
      'widget_name',
    ]);
    expect(Object.keys(map).every((id) => /^\d+$/.test(id))).toBe(true);
  });

  it("the seeded contacts' custom fields use only defined, legal names", async () => {
    const sim = await startSim({ leads: 400 });
    const names = new Set(
      (await call<CustomFieldDefinition[]>(sim, 'GET', '/v2/customfields')).json.map((f) => f.name),
    );
    const used = new Set(
      sim.store.all().flatMap((lead) => Object.keys(lead.contact.custom_fields)),
    );
    expect(used.size).toBeGreaterThan(2);
    for (const name of used) expect(names.has(name), name).toBe(true);
  });
});

describe('interests and autoresponders', () => {
  it('GET /v1/interests is {id: name}; GET /v2/interests lists objects and filters by type', async () => {
    const sim = await startSim({ leads: 5 });
    const v1 = (await call<Record<string, string>>(sim, 'GET', '/v1/interests')).json;
    expect(Object.values(v1)).toEqual(expect.arrayContaining(['Business Products', 'Consumer']));
    const v2 = (await call<InterestDefinition[]>(sim, 'GET', '/v2/interests?limit=100')).json;
    expect(v2.find((interest) => interest.name === 'Business Products')).toEqual({
      id: Object.keys(v1).find((id) => v1[id] === 'Business Products'),
      external_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      type: 'interest',
      name: 'Business Products',
      group: 'Topics',
      description: '',
      display_names: { en: '', fr: '' },
    });
    const subscriptions = (
      await call<InterestDefinition[]>(sim, 'GET', '/v2/interests?type=subscription')
    ).json;
    expect(subscriptions.map((interest) => interest.name)).toEqual(['Monthly newsletter']);
    const tags = (
      await call<Record<string, string>>(sim, 'GET', '/v2/interests?type=tag&result_type=kvp')
    ).json;
    expect(Object.values(tags)).not.toContain('Monthly newsletter');
    expect(Object.values(tags)).toContain('Events');
  });

  it('GET /v1/autoresponders is {id: name}', async () => {
    const sim = await startSim({ leads: 5 });
    const map = (await call<Record<string, string>>(sim, 'GET', '/v1/autoresponders')).json;
    expect(Object.values(map)).toEqual(
      expect.arrayContaining(['Welcome series', 'Marketing Sequence 1', 'Whitepaper Download']),
    );
  });

  it('a write naming an interest or autoresponder by id stores its name; an unknown id is refused', async () => {
    const sim = await startSim({ leads: 5 });
    const interests = (await call<Record<string, string>>(sim, 'GET', '/v1/interests')).json;
    const autoresponders = (await call<Record<string, string>>(sim, 'GET', '/v1/autoresponders'))
      .json;
    const events = Object.keys(interests).find((id) => interests[id] === 'Events')!;
    const whitepaper = Object.keys(autoresponders).find(
      (id) => autoresponders[id] === 'Whitepaper Download',
    )!;
    // Envoke's Zapier app sends the ids of the v1 lookups with "set" in lower case.
    const created = await call<{
      result_data: { contact: { interests: string[]; autoresponders: string[] } };
    }>(sim, 'POST', '/v1/leads', {
      contact: {
        email: 'ids@example.com',
        consent_status: 'Express',
        consent_description: 'Form',
        interests: { [events]: 'set' },
        autoresponders: { [whitepaper]: 'set' },
      },
    });
    expect(created.status).toBe(200);
    expect(created.json.result_data.contact.interests).toEqual(['Events']);
    expect(created.json.result_data.contact.autoresponders).toEqual(['Whitepaper Download']);
    const unknown = await call<ErrorEnvelope>(sim, 'POST', '/v1/leads', {
      contact: { email: 'nope@example.com', interests: { '99999': 'Set' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.result_data.errors).toEqual([
      "'contact.interests.99999' is not the id of one of the account's interests",
    ]);
  });

  it('need Basic auth like every route', async () => {
    const sim = await startSim({ leads: 5 });
    for (const path of [
      '/v1/customfields',
      '/v2/customfields',
      '/v1/interests',
      '/v2/interests',
      '/v1/autoresponders',
    ])
      expect((await call(sim, 'GET', path, undefined, { auth: basicAuth('x', 'y') })).status).toBe(
        401,
      );
  });
});
