/**
 * Pulling from the simulator over HTTP into a real SQLite file: a full pull mirrors Envoke
 * exactly, resumes where it stopped, learns which leads vanished, fetches only new leads between
 * full pulls, honours the scope, survives an unknown page cap and never overwrites a field the
 * person changed and has not sent yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { createEnvokeClient, parseLead, type EnvokeLead } from '../../src-main/core/envoke';
import type { SyncProgress } from '#contract/dto';
import type { RunningSimulator } from '../../src-main/sim';
import { json, startScriptedServer, wireLead } from '../envoke/scripted-server';
import { clientFor, openCore, startSim, tempDir, openKeyed } from './helpers';

let dir: ReturnType<typeof tempDir>;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Parameters<typeof startSim>[0] = {}) {
  dir = tempDir();
  cleanups.push(() => dir.cleanup());
  const sim = await startSim(options);
  cleanups.push(() => sim.stop());
  const envoke = clientFor(sim);
  let core = openCore(dir.db(), envoke, { random: () => 0 });
  cleanups.push(() => core.close());
  return {
    sim,
    envoke,
    get core(): Core {
      return core;
    },
    /** Closes the core and opens the same file again, as after a crash or a restart. */
    async reopen(client = envoke) {
      await core.close();
      core = openCore(dir.db(), client, { random: () => 0 });
      cleanups.push(() => core.close());
      return core;
    },
  };
}

/** Every cached lead as stored in the file: Envoke id -> Envoke's copy. */
function cachedCopies(): Map<string, unknown> {
  const db = openKeyed(dir.db(), { readonly: true });
  const rows = db
    .prepare('SELECT envoke_id, server_json FROM leads WHERE envoke_id IS NOT NULL')
    .all() as {
    envoke_id: string;
    server_json: string;
  }[];
  db.close();
  return new Map(rows.map((row) => [row.envoke_id, JSON.parse(row.server_json)]));
}

/** The simulator's leads as the client reads them: Envoke id -> lead. */
function simLeads(sim: RunningSimulator): Map<string, EnvokeLead> {
  return new Map(
    sim.store.all().map((raw) => {
      const parsed = parseLead(raw);
      if (!parsed.ok) throw new Error(parsed.reason);
      return [parsed.lead.id, parsed.lead];
    }),
  );
}

describe('full pull', () => {
  it('caches 10,000 leads exactly as the simulator holds them, with progress', async () => {
    const { sim, core } = await setup({ leads: 10_000, seed: 21 });
    const progress: SyncProgress[] = [];
    const report = await core.syncOnce('pull', (step) => progress.push(step));
    expect(report).toMatchObject({
      fullPull: true,
      pulled: 10_000,
      new: 10_000,
      updated: 0,
      invalid: 0,
      unreadable: [],
      gone: 0,
    });
    expect(progress.at(-1)).toMatchObject({ phase: 'pull', done: 10_000, total: null });
    expect(progress.map((step) => step.done)).toEqual(
      [...progress.map((step) => step.done)].sort((a, b) => a - b),
    );

    const counts = await core['leads:counts']({});
    expect(counts.all).toBe(10_000);
    const expected = simLeads(sim);
    const { ids } = await core['leads:ids']({ view: 'all' });
    const { rows } = await core['leads:rows']({ ids: ids.slice(0, 500) });
    for (const row of rows) {
      const envoke = expected.get(row.envokeId!)!;
      expect(row).toMatchObject({
        marketing_rating_status: envoke.marketing_rating_status,
        sales_rating_status: envoke.sales_rating_status,
        opportunity: envoke.opportunity,
        sale: envoke.sale,
        salesperson: envoke.salesperson,
        createTime: envoke.create_time,
        syncState: 'synced',
        goneFromEnvoke: false,
      });
    }
    // Envoke's copy of every lead, every field (contact and unknown fields included), as stored.
    const cached = cachedCopies();
    expect(cached.size).toBe(10_000);
    const differing = [...expected].filter(
      ([envokeId, lead]) => JSON.stringify(cached.get(envokeId)) !== JSON.stringify(lead),
    );
    expect(differing).toEqual([]);
  });

  it('writes the first page at once, then ten pages per transaction, each write in a turn of the event loop of its own', async () => {
    const { core } = await setup({ leads: 2500 });
    // Counts loop iterations: an immediate queued from an immediate runs in the next one.
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsOfWrites: number[] = [];
    const written: number[] = [];
    await core.syncOnce('pull', (step) => {
      if (step.phase !== 'pull') return;
      turnsOfWrites.push(turn);
      written.push(step.done);
    });
    ticking = false;
    expect(written).toEqual([100, 1100, 2100, 2500]);
    expect(new Set(turnsOfWrites).size).toBe(4);
  });

  it('resumes after a lost connection from the first page it had not written', async () => {
    const fixture = await setup({ leads: 1000 });
    const { sim, envoke } = fixture;
    sim.faults.enqueue({
      kind: 'reset',
      match: { method: 'GET', path: /skip=500(&|$)/ },
      times: 10,
    });
    await expect(fixture.core.syncOnce('pull')).rejects.toMatchObject({ code: 'offline' });
    expect((await fixture.core['leads:counts']({})).all).toBe(500);

    sim.faults.clear();
    envoke.requests.length = 0;
    const core = await fixture.reopen();
    const report = await core.syncOnce('pull');
    expect(report.pulled).toBe(500);
    expect(envoke.requests[0]?.url).toMatch(/skip=500&/);
    expect(envoke.requests.some((request) => /skip=(0|100|200|300|400)&/.test(request.url))).toBe(
      false,
    );
    expect((await core['leads:counts']({})).all).toBe(1000);
    expect(cachedCopies().size).toBe(1000);

    // A further full pull finds nothing new and changes nothing.
    const again = await core.syncOnce('pull');
    expect(again).toMatchObject({ pulled: 1000, new: 0, updated: 0, gone: 0 });
  });

  it('reads every lead when Envoke caps pages below the size asked for', async () => {
    const { core } = await setup({ leads: 257, pageCap: 40 });
    const report = await core.syncOnce('pull');
    expect(report.pulled).toBe(257);
    expect((await core['leads:counts']({})).all).toBe(257);
  });

  it('stores statuses in display form whatever spelling Envoke uses', async () => {
    const { core, sim } = await setup({ leads: 150, enumSpelling: 'upper' });
    await core.syncOnce('pull');
    const counts = await core['leads:counts']({});
    const unprocessed = sim.store
      .all()
      .filter((lead) => /^unprocessed$/i.test(String(lead.marketing_rating_status))).length;
    expect(unprocessed).toBeGreaterThan(0);
    expect(counts['marketing-unprocessed']).toBe(unprocessed);
  });
});

describe('leads gone from Envoke', () => {
  it('flags leads Envoke no longer has after asking for each, and clears the flag when one returns', async () => {
    dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const before = await startSim({ leads: 30, seed: 1 });
    cleanups.push(() => before.stop());
    const now = await startSim({ leads: 60, seed: 2 });
    cleanups.push(() => now.stop());
    const stillThere = new Set(now.store.all().map((lead) => lead.id));
    const vanished = before.store
      .all()
      .filter((lead) => !stillThere.has(lead.id))
      .map((lead) => lead.id);
    expect(vanished.length).toBeGreaterThan(0);

    let core = openCore(dir.db(), clientFor(before));
    await core.syncOnce('pull');
    await core.close();

    const client = clientFor(now);
    core = openCore(dir.db(), client);
    cleanups.push(() => core.close());
    const report = await core.syncOnce('pull');
    expect(report.gone).toBe(vanished.length);
    const asked = client.requests
      .filter((request) => /^\/v1\/leads\/\d+$/.test(request.url))
      .map((r) => r.url.split('/').pop());
    expect(asked.sort()).toEqual([...vanished].sort());

    const { ids } = await core['leads:ids']({ view: 'all' });
    const { rows } = await core['leads:rows']({ ids });
    const flagged = rows.filter((row) => row.goneFromEnvoke).map((row) => row.envokeId);
    expect(flagged.sort()).toEqual([...vanished].sort());
    expect(rows).toHaveLength(60 + vanished.length);
    const detail = await core['leads:get']({ id: rows.find((row) => row.goneFromEnvoke)!.id });
    expect(detail.activity[0]?.message).toBe('Envoke no longer has this lead');

    // The same lead listed again later is no longer flagged.
    await core.close();
    core = openCore(dir.db(), clientFor(before));
    cleanups.push(() => core.close());
    await core.syncOnce('pull');
    const again = await core['leads:rows']({ ids });
    expect(
      again.rows
        .filter((row) => vanished.includes(row.envokeId!))
        .every((row) => !row.goneFromEnvoke),
    ).toBe(true);
  });
});

describe('quick pull of new leads', () => {
  it('asks only for ids above the highest one cached', async () => {
    const { core, sim, envoke } = await setup({ leads: 300 });
    await core.syncOnce('pull');
    const highest = Math.max(...sim.store.all().map((lead) => Number(lead.id)));
    const added = sim.store.insert({
      contact: { email: 'newcomer@example.com' },
      rule_rating: 'Hot',
    });
    envoke.requests.length = 0;

    const report = await core.syncOnce('new');
    expect(report).toMatchObject({ fullPull: false, pulled: 1, new: 1 });
    expect(envoke.requests[0]?.url).toContain(`filter[id][$gt]=${highest}`);
    expect(core.findLeadByEnvokeId(added.id)).not.toBeNull();
  });

  it('falls back to full pulls when Envoke refuses filter[id][$gt]', async () => {
    const { core, sim, envoke } = await setup({ leads: 120, supportsIdGt: false });
    await core.syncOnce('pull');
    sim.store.insert({ contact: { email: 'late@example.com' } });

    const report = await core.syncOnce('new');
    expect(report).toMatchObject({ fullPull: true, new: 1 });
    envoke.requests.length = 0;
    await core.syncOnce('new');
    expect(envoke.requests.some((request) => request.url.includes('$gt'))).toBe(false);
  });
});

describe('pull and the person’s unsent changes', () => {
  it('never overwrites a field with a pending change, and takes Envoke’s other changes', async () => {
    const { core, sim } = await setup({ leads: 100 });
    await core.syncOnce('pull');
    const { ids } = await core['leads:ids']({ view: 'marketing-unprocessed' });
    const id = ids[0]!;
    const envokeId = (await core['leads:get']({ id })).envokeId!;
    await core['leads:update']({
      ids: [id],
      patch: { marketing_rating_status: 'Deferred', marketing_rating: 'Cold' },
    });

    // A colleague changes one of those fields and another one in Envoke.
    sim.store.edit(envokeId, {
      marketing_rating_status: 'Passed to sales',
      create_note: 'phoned in',
    });
    const report = await core.syncOnce('pull');
    expect(report.updated).toBe(1);

    const detail = await core['leads:get']({ id });
    expect(detail.fields).toMatchObject({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Cold',
      create_note: 'phoned in',
    });
    expect(detail.envokeFields).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      create_note: 'phoned in',
    });
    expect(detail.syncState).toBe('pending');
    expect(detail.pending[0]?.fields).toEqual({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Cold',
    });
    expect(detail.activity.map((entry) => entry.message)).toContain(
      'In Envoke: Marketing status: Unprocessed → Passed to sales',
    );
    // The list shows the person's value too.
    const { rows } = await core['leads:rows']({ ids: [id] });
    expect(rows[0]?.marketing_rating_status).toBe('Deferred');
  });
});

describe('sync scope', () => {
  it('pulls only the leads in scope and drops the rest unless they carry unsent changes', async () => {
    const { core, sim, envoke } = await setup({ leads: 400 });
    await core.syncOnce('pull');
    const people = [
      ...new Set(
        sim.store
          .all()
          .map((lead) => String(lead.salesperson))
          .filter(Boolean),
      ),
    ];
    expect(people.length).toBeGreaterThan(1);
    const [chosen, other] = people as [string, string];
    const { ids } = await core['leads:ids']({ view: 'all' });
    const { rows } = await core['leads:rows']({ ids: ids.slice(0, 400) });
    const keep = rows.find((row) => row.salesperson === other)!;
    await core['leads:update']({ ids: [keep.id], patch: { sales_rating_note: 'mine to finish' } });

    await expect(
      core['sync:scope-set']({
        salespeople: [chosen],
        // Envoke's other spelling, as a caller may send it: the gate reads it canonically.
        marketingStatuses: ['passed_to_sales'],
        salesStatuses: [],
      } as never),
    ).resolves.toEqual({ ok: true });
    expect(await core['sync:scope-get']({})).toEqual({
      salespeople: [chosen],
      marketingStatuses: ['Passed to sales'],
      salesStatuses: [],
    });
    envoke.requests.length = 0;
    await core.syncOnce('pull');
    expect(envoke.requests[0]?.url).toContain(`filter[salesperson]=${chosen}`);
    expect(envoke.requests[0]?.url).toContain('filter[marketing_rating_status]=Passed to sales');

    const inScope = sim.store
      .all()
      .filter(
        (lead) => lead.salesperson === chosen && lead.marketing_rating_status === 'Passed to sales',
      );
    const after = await core['leads:rows']({
      ids: (await core['leads:ids']({ view: 'all' })).ids.slice(0, 500),
    });
    expect(after.rows).toHaveLength(inScope.length + 1);
    expect(
      after.rows.filter((row) => row.id !== keep.id).every((row) => row.salesperson === chosen),
    ).toBe(true);
    expect(after.rows.find((row) => row.id === keep.id)?.syncState).toBe('pending');

    await expect(
      core['sync:scope-set']({
        salespeople: [],
        marketingStatuses: ['Maybe later'],
        salesStatuses: [],
      } as never),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('hostile leads', () => {
  /** A lead whose unknown field nests `levels` deep, as JSON text (building the value itself would overflow). */
  function deeplyNested(id: number, levels: number): string {
    const lead = JSON.stringify(wireLead(id));
    return `${lead.slice(0, -1)},"extra":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
  }

  it('keeps the leads it can read and names the one nested 8,000 levels deep, or too large, as unreadable', async () => {
    const huge = JSON.stringify(wireLead(4, { create_note: 'x'.repeat(300 * 1024) }));
    const firstPage = `[${JSON.stringify(wireLead(1))},${deeplyNested(2, 8000)},${JSON.stringify(wireLead(3))},${huge}]`;
    const server = await startScriptedServer((request, response) => {
      const skip = new URL(request.url, 'http://envoke.invalid').searchParams.get('skip');
      if (skip === '0') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(firstPage);
      } else json(response, 200, []);
    });
    cleanups.push(() => server.stop());
    dir = tempDir();
    cleanups.push(() => dir.cleanup());
    const core = openCore(
      dir.db(),
      createEnvokeClient({ baseUrl: server.url, apiId: 'a', apiKey: 'b' }),
    );
    cleanups.push(() => core.close());

    const report = await core.syncOnce('pull');
    expect(report).toMatchObject({ pulled: 2, new: 2, invalid: 2 });
    expect(report.unreadable).toEqual([
      { id: '2', reason: 'lead nests its fields deeper than 32 levels.' },
      { id: '4', reason: 'lead is larger than the 256 KB a lead may hold.' },
    ]);
    expect([...cachedCopies().keys()].sort()).toEqual(['1', '3']);
    // The next pull is not blocked either.
    await expect(core.syncOnce('pull')).resolves.toMatchObject({ pulled: 2, invalid: 2 });
  });
});
