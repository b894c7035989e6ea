/**
 * Crash cycles: edits and creates are queued, a sync runs in a child process (the real CLI) and
 * is SIGKILLed at a random moment after its first request, so kills land mid-request and
 * mid-write; again and again. Then a sync runs to its end and the simulator's journal must show
 * every change applied exactly once, every create once in Envoke, the file sound, the outbox
 * empty.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src-main/sim';
import type { Prng } from '../../src-main/sim/prng';
import { TRIAGE_FIELDS } from '#contract/lead';
import { clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { deliveries, fileHealth, type CreateMade, type EditMade } from './support/checks';
import { killAfterRequests, killAtWrite, startCli } from './support/child';
import { cycles, recordFigure, rngFor, SEED, timeLimit, withSeed } from './support/settings';

const SUITE = 'crash cycles (sync)';
const CYCLES = cycles(12);
const EDITS_PER_CYCLE = 6;
const CREATES_PER_CYCLE = 2;
/** Free-text fields: any value is a real change, and a unique one is easy to find in the journal. */
const NOTE_FIELDS = TRIAGE_FIELDS.filter((field) => field.endsWith('_note'));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Queues this cycle's changes with a core of the test's own, as the app would while offline. */
async function queueChanges(
  dbPath: string,
  sim: RunningSimulator,
  pairs: { envokeId: string; field: string }[],
  cycle: number,
  edits: EditMade[],
  creates: CreateMade[],
  rng: Prng,
): Promise<void> {
  const core = openCore(dbPath, clientFor(sim));
  try {
    // Creates among the edits, so a kill at a write lands on either.
    const kinds = [
      ...Array<string>(EDITS_PER_CYCLE).fill('edit'),
      ...Array<string>(CREATES_PER_CYCLE).fill('create'),
    ];
    for (let i = kinds.length - 1; i > 0; i -= 1) {
      const j = rng.int(i + 1);
      [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
    }
    for (const [n, kind] of kinds.entries()) {
      if (kind === 'create') {
        const email = `crash-${SEED}-${cycle}-${n}@reliability.example`;
        await core['leads:create']({
          email,
          fields: { marketing_rating_note: `created in cycle ${cycle}` },
        });
        creates.push({ email });
        continue;
      }
      const pair = pairs.pop();
      if (pair === undefined) break;
      const id = core.findLeadByEnvokeId(pair.envokeId);
      if (id === null) throw new Error(`Lead ${pair.envokeId} is not cached`);
      const value = `crash ${SEED} cycle ${cycle} edit ${n}`;
      await core['leads:update']({ ids: [id], patch: { [pair.field]: value } });
      edits.push({ envokeId: pair.envokeId, field: pair.field, value });
    }
  } finally {
    await core.close();
  }
}

describe(SUITE, () => {
  it(
    `${CYCLES} syncs killed at random moments, then one to the end: every change exactly once`,
    async () =>
      withSeed(SUITE, async () => {
        const rng = rngFor(SUITE);
        const dir = tempDir();
        cleanups.push(() => dir.cleanup());
        const leads = Math.max(
          300,
          Math.ceil((CYCLES * EDITS_PER_CYCLE) / NOTE_FIELDS.length) + 50,
        );
        const sim = await startSim({ leads, seed: SEED % 1000 });
        cleanups.push(() => sim.stop());
        const dbPath = dir.db();

        const first = openCore(dbPath, clientFor(sim));
        await first.syncOnce('pull');
        await first.close();

        // Every (lead, note) pair at most once, so no edit is folded into a later one unsent.
        const pairs = sim.store
          .all()
          .flatMap((lead) => NOTE_FIELDS.map((field) => ({ envokeId: String(lead.id), field })));
        for (let i = pairs.length - 1; i > 0; i -= 1) {
          const j = rng.int(i + 1);
          [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
        }

        const edits: EditMade[] = [];
        const creates: CreateMade[] = [];
        let killed = 0;
        for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
          await queueChanges(dbPath, sim, pairs, cycle, edits, creates, rng);
          // The CLI's sync pulls before it pushes, and a pull alone can recognise a create whose
          // answer was lost; a push alone, as the app sends after each change, cannot.
          const child = startCli(rng.chance(0.5) ? 'push' : 'sync', dbPath, sim);
          // A third of the kills land as Envoke applies a write (its answer never arrives), a
          // third just after a write arrived (the answer on its way, or being recorded), the rest
          // anywhere after the first request (pull pages, the read before a change, in between).
          const moment = rng.int(3);
          const landed =
            moment === 0
              ? await killAtWrite(child, sim, rng.between(1, 8))
              : moment === 1
                ? await killAfterRequests(child, sim, rng.between(1, 6), rng.between(0, 3), true)
                : await killAfterRequests(child, sim, rng.between(1, 30), rng.between(0, 12));
          if (landed) killed += 1;
          else expect((await child.exited).code, child.output()).toBe(0);
          expect(fileHealth(dbPath).integrity).toBe('ok');
        }

        // One sync let finish: whatever the kills left behind, it sends everything.
        const last = startCli('sync', dbPath, sim);
        expect((await last.exited).code, last.output()).toBe(0);

        const health = fileHealth(dbPath);
        const delivery = deliveries(sim, edits, creates);
        recordFigure(SUITE, {
          cycles: CYCLES,
          changes: delivery.changes,
          lost: delivery.lost,
          duplicated: delivery.duplicated,
        });
        expect(killed, 'kills that landed').toBeGreaterThanOrEqual(Math.ceil(CYCLES / 3));
        expect(health).toEqual({ integrity: 'ok', open: [] });
        expect(delivery.problems).toEqual([]);
      }),
    timeLimit(60_000, 10_000, CYCLES),
  );
});
