/**
 * One activity entry per change, carrying its delivery to Envoke and updated in place: on a real
 * SQLite file, pushed to the simulator over HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
let sim: RunningSimulator;
let core: Core;

async function setup(): Promise<void> {
  dir = tempDir();
  sim = await startSim({ leads: 60 });
  core = openCore(dir.db(), clientFor(sim, { timeoutMs: 3000 }), { random: () => 0 });
  await core.syncOnce('pull');
}
afterEach(async () => {
  await core.close();
  await sim.stop();
  dir.cleanup();
});

async function firstLead(n = 0): Promise<{ id: number; envokeId: string }> {
  const { ids } = await core['leads:ids']({ view: 'marketing-unprocessed' });
  const id = ids[n]!;
  return { id, envokeId: (await core['leads:get']({ id })).envokeId! };
}

async function activity(id: number) {
  return (await core['leads:get']({ id })).activity.map(({ message, delivery, deliveryNote }) => ({
    message,
    delivery,
    deliveryNote,
  }));
}

describe('the activity of a change', () => {
  it('is one entry, queued and then sent, never a second "sent" entry', async () => {
    await setup();
    const { id } = await firstLead();
    await core['leads:update']({ ids: [id], patch: { marketing_rating_status: 'Deferred' } });
    expect(await activity(id)).toEqual([
      {
        message: 'Marketing status: Unprocessed → Deferred',
        delivery: 'queued',
        deliveryNote: null,
      },
    ]);

    await core.syncOnce('push');
    expect(await activity(id)).toEqual([
      { message: 'Marketing status: Unprocessed → Deferred', delivery: 'sent', deliveryNote: null },
    ]);
  });

  it('says when a change was replaced by a later one before it was sent', async () => {
    await setup();
    const { id, envokeId } = await firstLead();
    await core['leads:update']({ ids: [id], patch: { marketing_rating: 'Hot' } });
    await core['leads:update']({ ids: [id], patch: { marketing_rating_note: 'Asked for a call' } });
    await core['leads:update']({ ids: [id], patch: { marketing_rating: 'Warm' } });
    await core.syncOnce('push');
    expect(sim.store.get(envokeId)?.marketing_rating).toBe('Warm');
    expect(await activity(id)).toEqual([
      { message: 'Marketing rating: Hot → Warm', delivery: 'sent', deliveryNote: null },
      {
        message: 'Marketing note: (empty) → Asked for a call',
        delivery: 'sent',
        deliveryNote: null,
      },
      {
        message: 'Marketing rating: (empty) → Hot',
        delivery: 'unsent',
        deliveryNote: 'replaced by a later change',
      },
    ]);
  });

  it('an undone change is never sent, and says so', async () => {
    await setup();
    const { id } = await firstLead();
    await core['leads:update']({ ids: [id], patch: { marketing_rating: 'Hot' } });
    await core['history:undo']({});
    expect(await activity(id)).toEqual([
      { message: 'Marketing rating: Hot → (empty)', delivery: 'unsent', deliveryNote: null },
      { message: 'Marketing rating: (empty) → Hot', delivery: 'unsent', deliveryNote: 'undone' },
    ]);
  });

  it('a refused change shows as failed with Envoke’s reason, then sent after an edit', async () => {
    await setup();
    const { id } = await firstLead();
    sim.faults.enqueue({ kind: '400', match: { method: 'PATCH' }, message: 'Locked by a rule' });
    await core['leads:update']({ ids: [id], patch: { sale_note: 'Signed on the 3rd' } });
    await core.syncOnce('push');
    const [failed] = await activity(id);
    expect(failed?.message).toBe('Sale note: (empty) → Signed on the 3rd');
    expect(failed?.delivery).toBe('failed');
    expect(failed?.deliveryNote).toContain('Locked by a rule');
    expect(await activity(id)).toHaveLength(1);

    const [row] = (await core['outbox:list']({ includeDone: false })).entries;
    await core['outbox:edit']({ id: row!.id, patch: { sale_note: 'Signed on the 4th' } });
    await core['outbox:retry']({ id: row!.id });
    await core.syncOnce('push');
    expect(await activity(id)).toEqual([
      {
        message: 'Sale note: Signed on the 3rd → Signed on the 4th',
        delivery: 'sent',
        deliveryNote: null,
      },
      {
        message: 'Sale note: (empty) → Signed on the 3rd',
        delivery: 'unsent',
        deliveryNote: 'replaced by a later change',
      },
    ]);
  });

  it('a conflict shows on the change with Envoke’s value; keeping mine sends it', async () => {
    await setup();
    const { id, envokeId } = await firstLead();
    await core['leads:update']({ ids: [id], patch: { marketing_rating: 'Hot' } });
    sim.store.edit(envokeId, { marketing_rating: 'Cold' });
    await core.syncOnce('push');
    // Envoke's own change is an entry of its own; the person's change carries the conflict.
    expect(await activity(id)).toEqual([
      {
        message: 'In Envoke: Marketing rating: (empty) → Cold',
        delivery: null,
        deliveryNote: null,
      },
      { message: 'Marketing rating: (empty) → Hot', delivery: 'conflict', deliveryNote: 'Cold' },
    ]);

    await core['conflicts:resolve']({ leadId: id, field: 'marketing_rating', choice: 'mine' });
    const change = async () =>
      (await activity(id)).find((entry) => entry.message === 'Marketing rating: (empty) → Hot');
    expect((await activity(id))[0]?.message).toBe('Marketing rating: kept this computer’s value');
    expect(await change()).toEqual({
      message: 'Marketing rating: (empty) → Hot',
      delivery: 'queued',
      deliveryNote: null,
    });
    await core.syncOnce('push');
    expect((await change())?.delivery).toBe('sent');
    expect(await activity(id)).toHaveLength(3);
    expect(sim.store.get(envokeId)?.marketing_rating).toBe('Hot');
  });

  it('a lead created here is one entry, sent with the id Envoke gave it', async () => {
    await setup();
    const { id } = await core['leads:create']({ email: 'ana@borealis.example' });
    expect(await activity(id)).toEqual([
      {
        message: 'Created on this computer for ana@borealis.example',
        delivery: 'queued',
        deliveryNote: null,
      },
    ]);
    await core.syncOnce('push');
    const envokeId = (await core['leads:get']({ id })).envokeId;
    expect(await activity(id)).toEqual([
      {
        message: 'Created on this computer for ana@borealis.example',
        delivery: 'sent',
        deliveryNote: `Envoke id ${envokeId}`,
      },
    ]);
  });
});
