/**
 * The view counts are kept by the database in the same transaction as every write
 * (store/kept-counts.ts). Property: after any sequence of the writes a lead can see (pulls with colleagues'
 * changes, the person's edits single and bulk, undo, redo, creates, pushes with conflicts and
 * refusals, conflict resolutions, discards, a scope change that drops leads, restarts), the
 * counts the core answers equal `count(*)` of every view on the file itself. The pipeline's
 * per-day step counts (kept by trigger, inserts counted once per transaction) are held to
 * the counts of the step queries their bars open.
 */
import * as fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Core } from '../../src-main/core/api';
import { VIEW_CONDITIONS } from '../../src-main/core/reads/view-filters';
import type { RunningSimulator } from '../../src-main/sim';
import { VIEW_IDS, type ViewId } from '#contract/dto';
import { clientFor, openCore, openKeyed, startSim, tempDir } from './helpers';

interface Real {
  sim: RunningSimulator;
  core: Core;
  dbPath: string;
  reopen(): Promise<void>;
}

const VALUES = {
  marketing_rating_status: ['Unprocessed', 'Passed to sales', 'Deferred'],
  sales_rating_status: ['Unprocessed', 'Rated good', 'Not applicable'],
  opportunity: ['None', 'Yes'],
  sale: ['None', 'Yes'],
} as const;
type Field = keyof typeof VALUES;
const FIELDS = Object.keys(VALUES) as Field[];

function countedOnFile(path: string): Record<ViewId, number> {
  const db = openKeyed(path, { readonly: true });
  try {
    return Object.fromEntries(
      VIEW_IDS.map((view) => [
        view,
        db.prepare(`SELECT count(*) FROM leads WHERE ${VIEW_CONDITIONS[view]}`).pluck().get(),
      ]),
    ) as Record<ViewId, number>;
  } finally {
    db.close();
  }
}

async function allIds(core: Core): Promise<number[]> {
  return (await core['leads:list']({ view: 'all', limit: 500 })).rows.map((row) => row.id);
}

const quiet = (error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code !== 'offline' && code !== 'not-found' && code !== 'envoke-rejected') throw error;
};

/**
 * Each pipeline bar (kept per day) equals the count of the query it opens, for
 * all salespeople and for two of them, over a period holding every lead.
 */
async function expectPipelineCountsItsViews(core: Core, after: string): Promise<void> {
  const period = { from: '2000-01-01', to: '2099-12-31' };
  const everyone = await core['pipeline:get'](period);
  const pictures = [everyone];
  for (const salesperson of everyone.salespeople.slice(0, 2))
    pictures.push(await core['pipeline:get']({ ...period, salesperson }));
  for (const picture of pictures)
    for (const step of picture.steps) {
      const { count } = await core['query:count']({ query: step.query });
      expect(step.count, `${step.query} after ${after}`).toBe(count);
    }
}

type Command = fc.AsyncCommand<object, Real>;
function command(name: string, run: (r: Real) => Promise<void>): Command {
  return {
    check: () => true,
    async run(_m, r) {
      await run(r);
      expect(await r.core['leads:counts']({}), `counts after ${name}`).toEqual(
        countedOnFile(r.dbPath),
      );
      await expectPipelineCountsItsViews(r.core, name);
    },
    toString: () => name,
  };
}

const fieldValue = fc
  .constantFrom(...FIELDS)
  .chain((name) => fc.constantFrom(...VALUES[name]).map((value) => ({ [name]: value })));

const commands = [
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fieldValue).map(([picks, patch]) =>
    command(`edit ${picks} ${JSON.stringify(patch)}`, async (r) => {
      const ids = await allIds(r.core);
      const chosen = [...new Set(picks.map((pick) => ids[pick % ids.length]!))];
      await r.core['leads:update']({ ids: chosen, patch });
    }),
  ),
  fc.tuple(fc.nat(), fieldValue).map(([pick, patch]) =>
    command(`colleague ${pick} ${JSON.stringify(patch)}`, async (r) => {
      const leads = r.sim.store.all();
      r.sim.store.edit(leads[pick % leads.length]!.id, patch);
    }),
  ),
  fc.constant(command('undo', (r) => r.core['history:undo']({}).then(() => undefined))),
  fc.constant(command('redo', (r) => r.core['history:redo']({}).then(() => undefined))),
  fc.tuple(fc.nat(99), fieldValue).map(([n, fields]) =>
    command(`create ${JSON.stringify(fields)}`, async (r) => {
      await r.core['leads:create']({ email: `new${n}-${Date.now()}@example.com`, fields });
    }),
  ),
  fc.constant(command('pull', (r) => r.core.syncOnce('pull').then(() => undefined, quiet))),
  fc.constant(command('push', (r) => r.core.syncOnce('push').then(() => undefined, quiet))),
  fc.constant(
    command('next write refused', async (r) => {
      r.sim.faults.enqueue({ kind: '400', message: 'Refused for the test' });
    }),
  ),
  fc.tuple(fc.nat(), fc.constantFrom('mine' as const, 'theirs' as const)).map(([pick, choice]) =>
    command(`resolve ${pick} ${choice}`, async (r) => {
      const { rows } = await r.core['leads:list']({ view: 'conflicts', limit: 500 });
      const lead = rows[pick % Math.max(1, rows.length)];
      if (lead === undefined) return;
      const conflict = (await r.core['leads:get']({ id: lead.id })).conflicts[0];
      if (conflict !== undefined)
        await r.core['conflicts:resolve']({ leadId: lead.id, field: conflict.field, choice });
    }),
  ),
  fc.nat().map((pick) =>
    command(`discard ${pick}`, async (r) => {
      const { entries } = await r.core['outbox:list']({ includeDone: false });
      const entry = entries[pick % Math.max(1, entries.length)];
      if (entry !== undefined) await r.core['outbox:discard']({ id: entry.id }).catch(quiet);
    }),
  ),
  fc.boolean().map((narrow) =>
    command(narrow ? 'scope: passed to sales, pull' : 'scope: everything, pull', async (r) => {
      await r.core['sync:scope-set']({
        salespeople: [],
        marketingStatuses: narrow ? ['Passed to sales'] : [],
        salesStatuses: [],
      });
      await r.core.syncOnce('pull').catch(quiet);
    }),
  ),
  fc.constant(command('restart', (r) => r.reopen())),
];

it('view counts equal count(*) of every view, and pipeline bars the count of their views, after any sequence of writes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
      const dir = tempDir();
      const sim = await startSim({ leads: 30, seed: 5 });
      const envoke = clientFor(sim, { timeoutMs: 2000 });
      const real: Real = {
        sim,
        dbPath: dir.db(),
        core: openCore(dir.db(), envoke, { random: () => 0 }),
        async reopen() {
          await real.core.close();
          real.core = openCore(dir.db(), envoke, { random: () => 0 });
        },
      };
      try {
        await real.core.syncOnce('pull');
        await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
      } finally {
        await real.core.close();
        await sim.stop();
        dir.cleanup();
      }
    }),
    { numRuns: 25 },
  );
}, 240_000);
