import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SimLead } from '../../src-main/sim/index';
import { ENVOKE_EXAMPLE_LEAD } from '../support/envoke-example-lead';
import { expectOwnerOnly } from '../support/owner-only';
import { type Envelope, type ErrorEnvelope, call, getLeads, q, startSim } from './helpers';

const folders: string[] = [];
// After every simulator has stopped (helpers.ts stops them after each test) and saved its state.
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sim-state-'));
  folders.push(folder);
  return folder;
}

describe('POST /_sim/leads seeds a lead as Envoke holds it', () => {
  it("takes Envoke's own example lead whole, read-only fields and times included", async () => {
    const sim = await startSim({ leads: 10, control: true });
    const seeded = await call<Envelope<SimLead>>(sim, 'POST', '/_sim/leads', {
      id: '1234',
      ...ENVOKE_EXAMPLE_LEAD,
    });
    expect(seeded.status).toBe(200);
    const lead = (await call<SimLead>(sim, 'GET', '/v1/leads/1234')).json;
    const { contact, ...fields } = ENVOKE_EXAMPLE_LEAD;
    expect(lead).toMatchObject({ id: '1234', ...fields });
    expect(lead.contact).toMatchObject({
      ...contact,
      interests: [...contact.interests],
      autoresponders: [...contact.autoresponders],
    });
    // Envoke set these when the lead came in, not when the simulator was handed it.
    expect(lead.contact.consent_effective_date).toBe(ENVOKE_EXAMPLE_LEAD.create_time);
    expect(lead.contact.date_created).toBe(ENVOKE_EXAMPLE_LEAD.create_time);
    // Envoke's API keeps refusing the read-only fields from its clients.
    const refused = await call<ErrorEnvelope>(sim, 'POST', '/v1/leads', ENVOKE_EXAMPLE_LEAD);
    expect(refused.status).toBe(400);
    expect(refused.json.result_data.errors).toContain("'business_unit' is read-only");
    const found = await getLeads(
      sim,
      q({ 'filter[contact.custom_fields.widget_name][$regex]': 'gold deluxe' }),
    );
    expect(found.json.map((l) => l.id)).toEqual(['1234']);
  });

  it('refuses a seed with a bad time, a taken id or an illegal custom field name, saying each', async () => {
    const sim = await startSim({ leads: 10, control: true });
    const bad = await call<ErrorEnvelope>(sim, 'POST', '/_sim/leads', {
      id: '1001',
      create_time: 'yesterday',
      contact: { email: 'x@example.com', custom_fields: { 'Preferred contact time': 'Mornings' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.result_data.errors).toEqual([
      "'create_time' must be a time such as 2016-02-05 09:13:06, not 'yesterday'",
      "'contact.custom_fields.Preferred contact time' is not a custom field name: names are letters, digits and _ only",
    ]);
    const taken = await call<ErrorEnvelope>(sim, 'POST', '/_sim/leads', {
      id: '1001',
      contact: { email: 'y@example.com' },
    });
    expect(taken.json.result_data.errors[0]).toMatch(/'id' 1001 is taken/);
  });
});

describe('a state file keeps the simulator’s writes across a restart', () => {
  it('an edit, a created lead and contact, a seeded lead and a hook are there after a restart', async () => {
    const stateFile = join(tempFolder(), 'demo.db.envoke.json');
    const first = await startSim({ leads: 30, control: true, stateFile });
    await call(first, 'PATCH', '/v1/leads/1002', { sale: 'Yes', sale_note: 'Signed' });
    const created = await call<Envelope<SimLead>>(first, 'POST', '/v1/leads', {
      remote_id: 'local-1',
      contact: { email: 'made@here.example', first_name: 'Zoë' },
    });
    await call(first, 'POST', '/_sim/leads', ENVOKE_EXAMPLE_LEAD);
    const hook = await call<{ id: string }>(first, 'POST', '/v1/hooks', {
      type: 'new_lead',
      url: 'https://x.example/h',
    });
    const before = first.store.all();
    await first.stop();
    expectOwnerOnly(stateFile, 'file');

    // Another seed and size are asked for: the file's win, its writes were made over those leads.
    const second = await startSim({ leads: 99, seed: 5, control: true, stateFile });
    expect(second.stateProblem).toBeNull();
    expect(second.store.all()).toEqual(before);
    expect((await call<SimLead>(second, 'GET', '/v1/leads/1002')).json).toMatchObject({
      sale: 'Yes',
      sale_note: 'Signed',
    });
    const again = (await getLeads(second, q({ 'filter[remote_id]': 'local-1' }))).json;
    expect(again.map((lead) => lead.id)).toEqual([created.json.result_data.id]);
    expect((await call(second, 'GET', `/v1/hooks/${hook.json.id}`)).json).toMatchObject({
      type: 'new_lead',
    });
    // New ids follow those kept, for leads and contacts alike.
    const next = await call<Envelope<SimLead>>(second, 'POST', '/v1/leads', {
      contact: { email: 'later@here.example' },
    });
    expect(Number(next.json.result_data.id)).toBeGreaterThan(Number(before.at(-1)?.id));
    expect(Number(next.json.result_data.contact.id)).toBeGreaterThan(
      Number(created.json.result_data.contact.id),
    );
  });

  it('sets an unreadable file aside, says so, and starts from the seed', async () => {
    const folder = tempFolder();
    const stateFile = join(folder, 'state.json');
    writeFileSync(
      stateFile,
      '{"format":1,"seed":1,"leads":10,"store":{"writtenLeads":[{"id":"x"}]',
    );
    const sim = await startSim({ leads: 10, stateFile });
    expect(sim.stateProblem).toMatch(
      /is not readable JSON.*moved to .*unreadable-\d+.*starts afresh/,
    );
    expect(readdirSync(folder).some((name) => name.startsWith('state.json.unreadable-'))).toBe(
      true,
    );
    expect(sim.store.count()).toBe(10);

    const damaged = join(folder, 'damaged.json');
    writeFileSync(
      damaged,
      JSON.stringify({
        format: 1,
        seed: 1,
        leads: 10,
        store: {
          writtenLeads: [],
          createdLeads: [{ id: 5 }],
          contacts: { written: [], created: [] },
        },
        hooks: [],
      }),
    );
    const other = await startSim({ leads: 10, stateFile: damaged });
    expect(other.stateProblem).toMatch(/is damaged: store\.createdLeads\.0\.contactId/);
    const invented = join(folder, 'invented.json');
    const lead = { ...first10().at(0)!, id: 2 };
    writeFileSync(
      invented,
      JSON.stringify({
        format: 1,
        seed: 1,
        leads: 10,
        store: { writtenLeads: [], createdLeads: [lead], contacts: { written: [], created: [] } },
        hooks: [],
      }),
    );
    const third = await startSim({ leads: 10, stateFile: invented });
    expect(third.stateProblem).toMatch(/created lead 2 does not follow lead/);
    expect(
      JSON.parse(
        readFileSync(
          join(
            folder,
            readdirSync(folder).find((n) => n.startsWith('invented.json.unreadable'))!,
          ),
          'utf8',
        ),
      ).leads,
    ).toBe(10);
  });
});

/** A stored lead record as a state file keeps it (all fields text, ids as numbers). */
function first10(): Record<string, unknown>[] {
  const fields = Object.fromEntries(
    Object.keys(ENVOKE_EXAMPLE_LEAD)
      .filter((key) => key !== 'contact')
      .map((key) => [key, '']),
  );
  return [{ ...fields, id: 1, contactId: 501 }];
}
