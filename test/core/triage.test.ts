/**
 * Triage commands on a real SQLite file holding leads pulled from the simulator: durable updates
 * with their outbox rows, coalescing, undo and redo, offline creates, validation, and the outbox
 * commands. Envoke is unreachable during the commands themselves: none of them needs it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { CommandError } from '#contract/errors';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir, unreachableClient, openKeyed } from './helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;

beforeEach(async () => {
  dir = tempDir();
  sim = await startSim({ leads: 120 });
  const puller = openCore(dir.db(), clientFor(sim));
  await puller.syncOnce('pull');
  await puller.close();
  await sim.stop();
  core = openCore(dir.db(), unreachableClient());
});
afterEach(async () => {
  await core.close();
  dir.cleanup();
});

async function someLeads(
  count: number,
  view: 'all' | 'marketing-unprocessed' = 'marketing-unprocessed',
): Promise<number[]> {
  const { ids } = await core['leads:ids']({ view });
  expect(ids.length).toBeGreaterThanOrEqual(count);
  return ids.slice(0, count);
}

async function outbox() {
  return (await core['outbox:list']({ includeDone: true })).entries;
}

async function rejection(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

describe('leads:update', () => {
  it('writes the lead and its outbox row durably before answering', async () => {
    const [id] = await someLeads(1);
    // Hosts parse input before calling; the core parses again, so raw spellings work too.
    const result = await core['leads:update']({
      ids: [id!],
      patch: { marketing_rating_status: 'PASSED_TO_SALES' } as never,
    });
    expect(result).toEqual({ actionId: expect.any(Number), changed: 1 });

    // Another connection to the same file sees it at once: it was committed.
    const other = openKeyed(dir.db(), { readonly: true });
    const row = other
      .prepare('SELECT marketing_rating_status, sync_state FROM leads WHERE id = ?')
      .get(id) as {
      marketing_rating_status: string;
      sync_state: string;
    };
    const queued = other
      .prepare("SELECT fields, base FROM outbox WHERE lead_id = ? AND state = 'pending'")
      .get(id) as {
      fields: string;
      base: string;
    };
    other.close();
    expect(row).toEqual({ marketing_rating_status: 'Passed to sales', sync_state: 'pending' });
    expect(JSON.parse(queued.fields)).toEqual({ marketing_rating_status: 'Passed to sales' });
    expect(JSON.parse(queued.base)).toEqual({ marketing_rating_status: 'Unprocessed' });

    const detail = await core['leads:get']({ id: id! });
    expect(detail.fields.marketing_rating_status).toBe('Passed to sales');
    expect(detail.envokeFields?.marketing_rating_status).toBe('Unprocessed');
    expect(detail.pending).toHaveLength(1);
    expect(detail.activity[0]?.message).toBe('Marketing status: Unprocessed → Passed to sales');
  });

  it('refuses values outside the vocabulary, unknown fields and unknown leads, changing nothing', async () => {
    const [id] = await someLeads(1);
    const badStatus = await rejection(
      core['leads:update']({ ids: [id!], patch: { marketing_rating_status: 'Maybe' } as never }),
    );
    expect(badStatus.code).toBe('invalid-input');
    expect(badStatus.message).toMatch(
      /"Maybe" is not a .*marketing status; use one of: .*Passed to sales/,
    );
    const badField = await rejection(
      core['leads:update']({ ids: [id!], patch: { colour: 'red' } as never }),
    );
    expect(badField.code).toBe('invalid-input');
    const badMoney = await rejection(
      core['leads:update']({ ids: [id!], patch: { revenue: '$1,000' } }),
    );
    expect(badMoney.message).toContain('plain amount');
    const missing = await rejection(
      core['leads:update']({ ids: [id!, 999_999], patch: { marketing_rating: 'Hot' } }),
    );
    expect(missing.code).toBe('not-found');
    expect(await outbox()).toEqual([]);
    expect((await core['leads:get']({ id: id! })).fields.marketing_rating).not.toBe('Hot');
  });

  it('changes many leads in one action and counts only real changes', async () => {
    const ids = await someLeads(5);
    await core['leads:update']({ ids: [ids[0]!], patch: { marketing_rating: 'Cold' } });
    const result = await core['leads:update']({
      ids: [...ids, ids[0]!],
      patch: { marketing_rating: 'Cold' },
    });
    expect(result.changed).toBe(4);
    expect((await core['leads:counts']({})).pending).toBe(5);
    const nothing = await core['leads:update']({
      ids: [ids[0]!],
      patch: { marketing_rating: 'Cold' },
    });
    expect(nothing).toEqual({ actionId: null, changed: 0 });
  });
});

describe('coalescing unsent edits', () => {
  it('merges edits to one lead into one row whose base is what the person saw first', async () => {
    const [id] = await someLeads(1);
    await core['leads:update']({
      ids: [id!],
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    await core['leads:update']({
      ids: [id!],
      patch: { marketing_rating_status: 'Deferred', marketing_rating: 'Warm' },
    });
    const entries = await outbox();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.fields).toEqual({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Warm',
    });
  });

  it('drops a field set back to its base and cancels a row left empty', async () => {
    const [id] = await someLeads(1);
    const before = await core['leads:get']({ id: id! });
    await core['leads:update']({
      ids: [id!],
      patch: { marketing_rating_status: 'Passed to sales', marketing_rating: 'Hot' },
    });
    await core['leads:update']({ ids: [id!], patch: { marketing_rating_status: 'Unprocessed' } });
    expect((await outbox())[0]!.fields).toEqual({ marketing_rating: 'Hot' });

    await core['leads:update']({
      ids: [id!],
      patch: { marketing_rating: before.fields.marketing_rating! },
    });
    const [entry] = await outbox();
    expect(entry!.state).toBe('cancelled');
    expect((await core['outbox:list']({ includeDone: false })).entries).toEqual([]);
    const after = await core['leads:get']({ id: id! });
    expect(after.syncState).toBe('synced');
    expect(after.fields).toEqual(before.fields);
  });
});

describe('undo and redo', () => {
  it('undoing an unsent action shrinks or cancels its row; redo restores it', async () => {
    const ids = await someLeads(2);
    await core['leads:update']({ ids, patch: { marketing_rating_status: 'Deferred' } });
    // A lead of "Marketing: new" has no marketing rating yet: undo clears it again.
    await core['leads:update']({ ids: [ids[0]!], patch: { marketing_rating: '' } });
    await core['leads:update']({ ids: [ids[0]!], patch: { marketing_rating: 'Cold' } });
    await core['leads:update']({ ids: [ids[0]!], patch: { marketing_rating: 'Warm' } });

    expect(await core['history:undo']({})).toEqual({
      label: 'Undone: marketing rating back to Cold',
      leadIds: [ids[0]],
    });
    const first = await core['history:undo']({});
    expect(first).toEqual({ label: 'Undone: marketing rating cleared', leadIds: [ids[0]] });
    let open = (await core['outbox:list']({ includeDone: false })).entries;
    expect(open.map((entry) => entry.fields)).toEqual([
      { marketing_rating_status: 'Deferred' },
      { marketing_rating_status: 'Deferred' },
    ]);

    const second = await core['history:undo']({});
    expect(second.label).toBe('Undone: marketing status back to Unprocessed on 2 leads');
    expect((await core['outbox:list']({ includeDone: false })).entries).toEqual([]);
    expect((await core['leads:counts']({})).pending).toBe(0);
    expect(await core['history:undo']({})).toEqual({ label: null, leadIds: [] });

    expect((await core['history:redo']({})).label).toBe(
      'Redone: marketing status set to Deferred on 2 leads',
    );
    open = (await core['outbox:list']({ includeDone: false })).entries;
    expect(open).toHaveLength(2);
    expect((await core['leads:get']({ id: ids[1]! })).fields.marketing_rating_status).toBe(
      'Deferred',
    );
  });

  it('never undoes over a newer change to the same field', async () => {
    const [id] = await someLeads(1);
    await core['leads:update']({ ids: [id!], patch: { marketing_rating: 'Hot' } });
    // A conflict-free later change by another path: editing the queued row directly.
    const [entry] = await outbox();
    await core['outbox:edit']({ id: entry!.id, patch: { marketing_rating: 'Warm' } });
    const undone = await core['history:undo']({});
    expect(undone).toEqual({
      label: 'Nothing undone: marketing rating was changed since',
      leadIds: [],
    });
    expect((await core['leads:get']({ id: id! })).fields.marketing_rating).toBe('Warm');
  });

  it('says what undo would undo next without undoing it', async () => {
    expect(await core['history:next']({})).toEqual({ undo: null });
    const ids = await someLeads(3);
    await core['leads:update']({ ids, patch: { marketing_rating: 'Hot' } });
    const next = await core['history:next']({});
    expect(next.undo?.label).toBe('Marketing rating → Hot (3 leads)');
    expect(Number.isNaN(Date.parse(next.undo?.at ?? ''))).toBe(false);
    expect(await core['history:next']({})).toEqual(next);
    await core['history:undo']({});
    expect(await core['history:next']({})).toEqual({ undo: null });
  });

  it('a new action clears what could be redone', async () => {
    const [id] = await someLeads(1);
    await core['leads:update']({ ids: [id!], patch: { marketing_rating: 'Hot' } });
    await core['history:undo']({});
    await core['leads:update']({ ids: [id!], patch: { marketing_rating: 'Cold' } });
    expect(await core['history:redo']({})).toEqual({ label: null, leadIds: [] });
  });
});

describe('leads:create offline', () => {
  it('creates a listed, editable lead with a client UUID as remote_id and a queued create', async () => {
    const { id } = await core['leads:create']({
      email: 'ana@borealis.example',
      firstName: 'Ana',
      company: 'Borealis',
      fields: { marketing_rating: 'Hot' },
    });
    const detail = await core['leads:get']({ id });
    expect(detail.envokeId).toBeNull();
    expect(detail.syncState).toBe('pending');
    expect(detail.fields.remote_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(detail.contact.email).toBe('ana@borealis.example');
    expect(detail.envokeFields).toBeNull();
    const [entry] = await outbox();
    expect(entry).toMatchObject({
      kind: 'create',
      leadId: id,
      fields: { marketing_rating: 'Hot', 'contact.email': 'ana@borealis.example' },
    });

    const { ids } = await core['leads:ids']({ view: 'pending', search: 'borealis' });
    expect(ids).toEqual([id]);
    // Later edits join the unsent create.
    await core['leads:update']({
      ids: [id],
      patch: { marketing_rating_status: 'Passed to sales' },
    });
    expect((await outbox()).map((row) => row.fields)).toEqual([
      {
        marketing_rating: 'Hot',
        marketing_rating_status: 'Passed to sales',
        'contact.email': 'ana@borealis.example',
      },
    ]);
  });

  it('requires a contact email', async () => {
    const error = await rejection(core['leads:create']({ email: 'not an email' }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('email');
    expect(await outbox()).toEqual([]);
  });

  it('discarding a create Envoke never saw removes the lead', async () => {
    const { id } = await core['leads:create']({ email: 'gone@example.com' });
    const [entry] = await outbox();
    await core['outbox:discard']({ id: entry!.id });
    expect((await rejection(core['leads:get']({ id }))).code).toBe('not-found');
    expect(await outbox()).toEqual([]);
  });
});

describe('outbox commands', () => {
  it('discard restores Envoke’s value locally; retry and edit answer for missing changes', async () => {
    const [id] = await someLeads(1);
    const before = await core['leads:get']({ id: id! });
    await core['leads:update']({ ids: [id!], patch: { sales_rating_note: 'call back Tuesday' } });
    const [entry] = await outbox();
    await core['outbox:discard']({ id: entry!.id });
    const after = await core['leads:get']({ id: id! });
    expect(after.fields.sales_rating_note).toBe(before.fields.sales_rating_note);
    expect(after.syncState).toBe('synced');
    expect(after.activity[0]?.message).toMatch(/^Discarded: Sales note/);

    expect((await rejection(core['outbox:retry']({ id: entry!.id }))).code).toBe('not-found');
    expect((await rejection(core['outbox:edit']({ id: 12345, patch: { sale: 'Yes' } }))).code).toBe(
      'not-found',
    );
    expect(
      (await rejection(core['conflicts:resolve']({ leadId: id!, field: 'sale', choice: 'mine' })))
        .code,
    ).toBe('not-found');
  });
});

describe('a change out to Envoke at this moment', () => {
  it('answers busy to a discard, and is discarded once the try has ended', async () => {
    const [id] = (await core['leads:ids']({ view: 'all' })).ids;
    await core['leads:update']({ ids: [id!], patch: { sale_note: 'Call back in May' } });
    const [entry] = (await core['outbox:list']({ includeDone: false })).entries;
    const db = openKeyed(dir.db());
    try {
      db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ?").run(entry!.id);
      await expect(core['outbox:discard']({ id: entry!.id })).rejects.toMatchObject({
        code: 'busy',
      });
      db.prepare("UPDATE outbox SET state = 'pending' WHERE id = ?").run(entry!.id);
    } finally {
      db.close();
    }
    await core['outbox:discard']({ id: entry!.id });
    expect((await core['outbox:list']({ includeDone: false })).entries).toEqual([]);
  });
});
