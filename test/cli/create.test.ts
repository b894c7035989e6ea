/**
 * Issue 8, point 9: `create` takes every writable field of Envoke's lead (contact fields,
 * rule_rating, remote_id, the triage fields, ...), validates them as an update does, and they
 * reach Envoke (the simulator's journal of applied writes) as given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src-main/sim';
import type { TriagePatch } from '#contract';
import { API_ID, API_KEY, clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { cli } from './cli-process';

let sim: RunningSimulator;
const dir = tempDir();
let account: string[];

beforeAll(async () => {
  sim = await startSim({ leads: 20 });
  account = ['--url', sim.url, '--api-id', API_ID, '--api-key', API_KEY];
});

afterAll(async () => {
  await sim.stop();
  dir.cleanup();
});

describe('create from the CLI', () => {
  it("sends Envoke's documented example and a UTF-8 name as given", async () => {
    const db = dir.db('example.db');
    const created = await cli([
      'create',
      '--email',
      'new-contact@api-testing.com',
      'rule_rating=Hot',
      'first_name=Zoë',
      'last_name=Ñandú',
      'city=Montréal',
      'postal_code=H2X 1Y4',
      'contact.remote_id=CRM-C-7',
      'create_note=Met at the fair',
      'marketing_source=Google',
      'marketing_rating_status=passed_to_sales',
      'salesperson=Tom Salesman',
      '--db',
      db,
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const sync = await cli(['sync', '--db', db, ...account]);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ created: 1 });

    const posts = sim.journal.filter((entry) => entry.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({
      rule_rating: 'Hot',
      create_note: 'Met at the fair',
      marketing_source: 'Google',
      marketing_rating_status: 'Passed to sales',
      salesperson: 'Tom Salesman',
      contact: {
        email: 'new-contact@api-testing.com',
        first_name: 'Zoë',
        last_name: 'Ñandú',
        city: 'Montréal',
        postal_code: 'H2X 1Y4',
        remote_id: 'CRM-C-7',
      },
    });
    const lead = sim.store.get(posts[0]!.leadId);
    expect(lead).toMatchObject({ rule_rating: 'Hot', contact: { first_name: 'Zoë' } });
  });

  it('uses a given remote_id as the lead’s own, and no second lead on a retry', async () => {
    const db = dir.db('remote.db');
    await cli(['create', '--email', 'crm@example.com', 'remote_id=CRM-42', '--db', db]);
    // Envoke applies the POST but its answer is lost: the retry must find CRM-42, not post again.
    sim.faults.enqueue({ kind: 'drop-after-write', match: { method: 'POST' } });
    expect((await cli(['sync', '--db', db, ...account])).code).not.toBe(0);
    const sync = await cli(['sync', '--db', db, ...account]);
    expect(sync.code).toBe(0);
    expect(JSON.parse(sync.stdout)).toMatchObject({ waiting: 0 });
    const post = sim.journal.filter((entry) => entry.remoteId === 'CRM-42');
    expect(post).toHaveLength(1);
    expect(post[0]!.body).toMatchObject({ remote_id: 'CRM-42' });

    // A second lead under the same key would be taken for the first: refused, nothing queued.
    const again = await cli([
      'create',
      '--email',
      'other@example.com',
      'remote_id=CRM-42',
      '--db',
      db,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has remote_id CRM-42; a new lead needs its own/);
    expect(JSON.parse((await cli(['outbox', '--db', db])).stdout)).toEqual([]);
  });

  it('validates triage fields the way an update does', async () => {
    const db = dir.db('invalid.db');
    const create = await cli([
      'create',
      '--email',
      'x@example.com',
      'marketing_rating_status=Maybe',
      '--db',
      db,
    ]);
    const core = openCore(db, clientFor(sim));
    let updateMessage = '';
    try {
      const { id } = await core['leads:create']({ email: 'y@example.com' });
      const patch = { marketing_rating_status: 'Maybe' } as unknown as TriagePatch;
      await core['leads:update']({ ids: [id], patch }).catch(
        (error: Error) => (updateMessage = error.message),
      );
    } finally {
      await core.close();
    }
    expect(create.code).toBe(1);
    const sentence = '"Maybe" is not a valid marketing status; use one of:';
    expect(create.stderr).toContain(sentence);
    expect(updateMessage).toContain(sentence);
  });

  it('refuses a field a new lead cannot have, and a contact field too long for Envoke', async () => {
    const db = dir.db('refused.db');
    const unknown = await cli(['create', '--email', 'x@example.com', 'shoe_size=9', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/"shoe_size" is not a field a new lead can have/);
    const email = await cli([
      'create',
      '--email',
      'x@example.com',
      'email=y@example.com',
      '--db',
      db,
    ]);
    expect(email.stderr).toMatch(/Give the contact’s email with --email/);
    const long = await cli([
      'create',
      '--email',
      'x@example.com',
      `first_name=${'x'.repeat(21)}`,
      '--db',
      db,
    ]);
    expect(long.code).toBe(1);
    expect(long.stderr).toMatch(/First name is limited to 20 characters\./);
  });
});
