import { describe, expect, it } from 'vitest';
import { type Envelope, type ErrorEnvelope, VALIDATION_TEXT, call, startSim } from './helpers';

interface Hook {
  id: string;
  type: string;
  url: string;
  filter: Record<string, unknown>;
}

describe('/v1/hooks (what Envoke’s own clients subscribe with)', () => {
  it('POST answers 201 with just a 32-hex id; GET lists and reads subscriptions', async () => {
    const sim = await startSim({ leads: 5 });
    const created = await call<{ id: string }>(sim, 'POST', '/v1/hooks', {
      type: 'new_lead',
      url: 'https://hooks.zapier.com/hooks/standard/1/abc',
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json)).toEqual(['id']);
    expect(created.json.id).toMatch(/^[0-9a-f]{32}$/);
    await call(sim, 'POST', '/v1/hooks.json', {
      type: 'form_submission',
      url: 'https://crm.example/forms',
      filter: { form_id: 'abc123' },
    });
    const all = await call<Hook[]>(sim, 'GET', '/v1/hooks');
    expect(all.json).toEqual([
      {
        id: created.json.id,
        type: 'new_lead',
        url: 'https://hooks.zapier.com/hooks/standard/1/abc',
        filter: {},
      },
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        type: 'form_submission',
        url: 'https://crm.example/forms',
        filter: { form_id: 'abc123' },
      },
    ]);
    expect((await call<Hook[]>(sim, 'GET', '/v1/hooks.json?type=new_lead')).json).toHaveLength(1);
    expect((await call(sim, 'GET', '/v1/hooks?fields=id,type&limit=1')).json).toEqual([
      { id: created.json.id, type: 'new_lead' },
    ]);
    expect((await call<Hook>(sim, 'GET', `/v1/hooks/${created.json.id}.json`)).json.type).toBe(
      'new_lead',
    );
  });

  it('the same type and URL twice is a 400 naming the first subscription', async () => {
    const sim = await startSim({ leads: 5 });
    const body = { type: 'passed_to_sales', url: 'https://example.com/hook' };
    const first = await call<{ id: string }>(sim, 'POST', '/v1/hooks', body);
    const again = await call<Envelope<{ id: string }>>(sim, 'POST', '/v1/hooks', body);
    expect(again.status).toBe(400);
    expect(again.json).toEqual({
      success: false,
      result_text: 'A webhook subscription with this type and URL already exists',
      result_data: { id: first.json.id },
    });
  });

  it('refuses a missing or unknown type and a URL that is not http(s), every reason listed', async () => {
    const sim = await startSim({ leads: 5 });
    const bad = await call<ErrorEnvelope>(sim, 'POST', '/v1/hooks', {
      type: 'new_leed',
      url: 'ftp://x',
    });
    expect([bad.status, bad.json.result_text]).toEqual([400, VALIDATION_TEXT]);
    expect(bad.json.result_data.errors).toEqual([
      expect.stringMatching(/^Invalid webhook type 'new_leed'/),
      "'url' must start with http:// or https://, not 'ftp://x'",
    ]);
    const empty = await call<ErrorEnvelope>(sim, 'POST', '/v1/hooks', {});
    expect(empty.json.result_data.errors).toEqual(["'type' is required", "'url' is required"]);
  });

  it('GET of an unknown id answers null; DELETE answers success, known id or not', async () => {
    const sim = await startSim({ leads: 5 });
    const { json } = await call<{ id: string }>(sim, 'POST', '/v1/hooks', {
      type: 'new_sale',
      url: 'https://example.com/sale',
    });
    const deleted = await call(sim, 'DELETE', `/v1/hooks/${json.id}`);
    expect(deleted.json).toEqual({ success: true, result_text: 'Deleted', result_data: [] });
    expect((await call(sim, 'GET', `/v1/hooks/${json.id}`)).json).toBeNull();
    expect((await call(sim, 'DELETE', '/v1/hooks/0123456789abcdef0123456789abcdef')).json).toEqual({
      success: true,
      result_text: 'Deleted',
      result_data: [],
    });
    expect((await call<Hook[]>(sim, 'GET', '/v1/hooks')).json).toEqual([]);
  });
});
