/**
 * Model-based property test: random sequences of the person's edits (single and bulk), undos and
 * redos, offline creates, colleagues' edits in Envoke, outages, answers lost after a write,
 * pulls, pushes, conflict resolutions and restarts, run against the real core (SQLite file,
 * simulator over HTTP) and against OutboxModel side by side. After every step the person sees
 * what the model says, the conflicts are exactly the model's, and Envoke has received exactly the
 * model's writes (none lost, none twice). At the end, with the network back and every conflict
 * resolved as "mine", Envoke, the core and the model agree on every field.
 */
import * as fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Clock, Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { clientFor, openCore, startSim, tempDir } from './helpers';
import { FIELDS, OutboxModel, type Envoke, type Field } from './outbox-model';

/** Time passes instantly: backoff waits inside a sync cost nothing in this test. */
class InstantClock implements Clock {
  private time = Date.UTC(2026, 10, 2, 9, 0, 0);
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    this.time += ms;
    return setImmediate(callback);
  }
  clearTimeout(handle: unknown): void {
    clearImmediate(handle as NodeJS.Immediate);
  }
}

interface Model {
  outbox: OutboxModel;
  keys: number[];
  creates: number;
}

interface Real {
  sim: RunningSimulator;
  core: Core;
  reopen(): Promise<void>;
}

const VALUES: Record<Field, readonly string[]> = {
  marketing_rating: ['Hot', 'Warm', 'Cold'],
  marketing_rating_status: ['Unprocessed', 'Deferred', 'Passed to sales'],
};

function envokeNow(sim: RunningSimulator): {
  envoke: Envoke;
  byRemoteId: Map<string, string>;
  nextId: () => string;
} {
  const all = sim.store.all();
  const envoke: Envoke = new Map(
    all.map((lead) => [
      lead.id,
      {
        marketing_rating: String(lead.marketing_rating),
        marketing_rating_status: String(lead.marketing_rating_status),
      },
    ]),
  );
  const byRemoteId = new Map(
    all.filter((lead) => lead.remote_id !== '').map((lead) => [String(lead.remote_id), lead.id]),
  );
  let next = Math.max(...all.map((lead) => Number(lead.id))) + 1;
  return { envoke, byRemoteId, nextId: () => String(next++) };
}

async function verify(model: Model, real: Real): Promise<void> {
  for (const key of model.keys) {
    const detail = await real.core['leads:get']({ id: key });
    const seen = Object.fromEntries(FIELDS.map((field) => [field, detail.fields[field] ?? '']));
    expect(seen, `lead ${key}`).toEqual(model.outbox.local(key));
    const conflicts = detail.conflicts.map((conflict) => conflict.field).sort();
    expect(conflicts, `conflicts of lead ${key}`).toEqual(
      model.outbox
        .conflicts(key)
        .map((c) => c.field)
        .sort(),
    );
  }
  const open = (await real.core['outbox:list']({ includeDone: false })).entries;
  expect(open.length, 'open outbox rows').toBe(model.outbox.openCount());
  const writes = real.sim.journal.map((entry) =>
    entry.method === 'PATCH'
      ? { method: entry.method, leadId: entry.leadId, body: entry.body }
      : { method: entry.method, leadId: entry.leadId },
  );
  expect(writes, 'writes Envoke received').toEqual(model.outbox.writes);
}

type Command = fc.AsyncCommand<Model, Real>;

function command(
  name: string,
  check: (m: Readonly<Model>) => boolean,
  run: (m: Model, r: Real) => Promise<void>,
): Command {
  return {
    check,
    async run(m, r) {
      await run(m, r);
      await verify(m, r);
    },
    toString: () => name,
  };
}

const ignoreSyncFailure = (error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code !== 'offline') throw error;
};

const field = fc.constantFrom(...FIELDS);
const edit = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), field, fc.nat(2))
  .map(([picks, name, value]) =>
    command(
      `edit ${picks} ${name}=${VALUES[name][value]}`,
      () => true,
      async (m, r) => {
        const keys = picks.map((pick) => m.keys[pick % m.keys.length]!);
        const values = { [name]: VALUES[name][value]! };
        m.outbox.update(keys, values);
        await r.core['leads:update']({ ids: keys, patch: values });
      },
    ),
  );
const colleague = fc.tuple(fc.nat(), field, fc.nat(2)).map(([pick, name, value]) =>
  command(
    `colleague ${pick} ${name}=${VALUES[name][value]}`,
    () => true,
    async (m, r) => {
      const known = m.keys
        .map((key) => m.outbox.leads.get(key)!.envokeId)
        .filter((id): id is string => id !== null);
      r.sim.store.edit(known[pick % known.length]!, { [name]: VALUES[name][value]! });
    },
  ),
);
const push = fc.constant(
  command(
    'push',
    () => true,
    async (m, r) => {
      const now = envokeNow(r.sim);
      m.outbox.push(now.envoke, now.byRemoteId, now.nextId);
      await r.core.syncOnce('push').catch(ignoreSyncFailure);
    },
  ),
);
/** Edits, colleagues' edits and pushes are listed twice: the interplay of the three is the point. */
const commands = [
  edit,
  edit,
  colleague,
  colleague,
  push,
  push,
  fc.constant(
    command(
      'undo',
      () => true,
      async (m, r) => {
        m.outbox.undo();
        await r.core['history:undo']({});
      },
    ),
  ),
  fc.constant(
    command(
      'redo',
      () => true,
      async (m, r) => {
        m.outbox.redo();
        await r.core['history:redo']({});
      },
    ),
  ),
  fc.nat(3).map((value) =>
    command(
      `create marketing_rating=${VALUES.marketing_rating[value] ?? ''}`,
      (m) => m.creates < 3,
      async (m, r) => {
        const rating = VALUES.marketing_rating[value] ?? '';
        const { id } = await r.core['leads:create']({
          email: `lead${m.creates}@example.com`,
          ...(rating === '' ? {} : { fields: { marketing_rating: rating } }),
        });
        const remoteId = (await r.core['leads:get']({ id })).fields.remote_id!;
        m.outbox.create(id, remoteId, { marketing_rating: rating });
        m.keys.push(id);
        m.creates += 1;
      },
    ),
  ),
  fc.boolean().map((offline) =>
    command(
      offline ? 'network down' : 'network up',
      () => true,
      async (m, r) => {
        m.outbox.offline = offline;
        r.sim.faults.set({ offline });
      },
    ),
  ),
  fc.constant(
    command(
      'next write loses its answer',
      (m) => !m.outbox.dropArmed,
      async (m, r) => {
        m.outbox.dropArmed = true;
        r.sim.faults.enqueue({ kind: 'drop-after-write' });
      },
    ),
  ),
  fc.constant(
    command(
      'pull',
      () => true,
      async (m, r) => {
        const now = envokeNow(r.sim);
        m.outbox.pull(now.envoke, now.byRemoteId);
        await r.core.syncOnce('pull').catch(ignoreSyncFailure);
      },
    ),
  ),
  fc.constant(
    command(
      'restart',
      () => true,
      async (_m, r) => r.reopen(),
    ),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('mine' as const, 'theirs' as const)).map(([pick, choice]) =>
    command(
      `resolve ${pick} ${choice}`,
      (m) => m.outbox.allConflicts().length > 0,
      async (m, r) => {
        const all = m.outbox.allConflicts();
        const conflict = all[pick % all.length]!;
        m.outbox.resolve(conflict.lead, conflict.field, choice);
        await r.core['conflicts:resolve']({ leadId: conflict.lead, field: conflict.field, choice });
      },
    ),
  ),
];

/** Network back, every conflict resolved as "mine", synced until nothing is owed. */
async function settle(model: Model, real: Real): Promise<void> {
  real.sim.faults.clear();
  model.outbox.offline = false;
  model.outbox.dropArmed = false;
  for (let round = 0; round < 5 && model.outbox.openCount() > 0; round += 1) {
    // One at a time, listed afresh: resolving a field settles every row of the lead that
    // conflicts on it (an undo whose first send had no answer leaves two such rows).
    for (
      let conflict = model.outbox.allConflicts()[0];
      conflict !== undefined;
      conflict = model.outbox.allConflicts()[0]
    ) {
      model.outbox.resolve(conflict.lead, conflict.field, 'mine');
      await real.core['conflicts:resolve']({
        leadId: conflict.lead,
        field: conflict.field,
        choice: 'mine',
      });
    }
    let now = envokeNow(real.sim);
    model.outbox.pull(now.envoke, now.byRemoteId);
    now = envokeNow(real.sim);
    await real.core.syncOnce('pull');
    model.outbox.push(now.envoke, now.byRemoteId, now.nextId);
    await real.core.syncOnce('push');
    await verify(model, real);
  }
  expect(model.outbox.openCount()).toBe(0);
  const now = envokeNow(real.sim);
  model.outbox.pull(now.envoke, now.byRemoteId);
  await real.core.syncOnce('pull');
  await verify(model, real);
  for (const key of model.keys) {
    const lead = model.outbox.leads.get(key)!;
    expect(lead.envokeId, `lead ${key} reached Envoke`).not.toBeNull();
    expect(now.envoke.get(lead.envokeId!), `Envoke's copy of lead ${key}`).toEqual(
      model.outbox.local(key),
    );
    if (lead.remoteId !== '') {
      expect(
        real.sim.store.all().filter((candidate) => candidate.remote_id === lead.remoteId),
      ).toHaveLength(1);
    }
  }
}

it('no change is lost or duplicated, and conflicts arise exactly when due', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 30, size: 'max' }), async (cmds) => {
      const dir = tempDir();
      const sim = await startSim({ leads: 20, seed: 4 });
      const envoke = clientFor(sim, { timeoutMs: 2000 });
      const clock = new InstantClock();
      const real: Real = {
        sim,
        core: openCore(dir.db(), envoke, { clock, random: () => 0 }),
        async reopen() {
          await real.core.close();
          real.core = openCore(dir.db(), envoke, { clock, random: () => 0 });
        },
      };
      try {
        await real.core.syncOnce('pull');
        const model: Model = { outbox: new OutboxModel(), keys: [], creates: 0 };
        const { ids } = await real.core['leads:ids']({ view: 'all' });
        for (const key of ids.slice(0, 3)) {
          const detail = await real.core['leads:get']({ id: key });
          const values = Object.fromEntries(
            FIELDS.map((name) => [name, detail.fields[name] ?? '']),
          ) as Record<Field, string>;
          model.outbox.addPulledLead(key, detail.envokeId!, values);
          model.keys.push(key);
        }
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        await settle(model, real);
      } finally {
        await real.core.close();
        await sim.stop();
        dir.cleanup();
      }
    }),
    { numRuns: Number(process.env.RUNS ?? 15), endOnFailure: true },
  );
}, 120_000);
