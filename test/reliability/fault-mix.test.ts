/**
 * Fault mix: a push of a few hundred changes, creates among them, while the simulator answers a
 * set share of requests with one of its faults: 5xx, 429 with Retry-After in seconds and as a
 * date, a reset connection, a hang, malformed JSON, a write applied whose answer is dropped, and
 * a 401 (the person then asks again, as after re-entering the key). Pushes are repeated until the
 * outbox is empty: every change must reach Envoke exactly once, and every push that fails must
 * end within its time bound with one clear sentence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEnvokeClient } from '../../src-main/core/envoke';
import type { FaultSpec } from '../../src-main/sim';
import { CommandError } from '#contract/errors';
import { TRIAGE_FIELDS } from '#contract/lead';
import { API_ID, API_KEY, openCore, startSim, tempDir } from '../core/helpers';
import { deliveries, fileHealth, type CreateMade, type EditMade } from './support/checks';
import { isOneSentence } from './support/one-sentence';
import { cycles, recordFigure, rngFor, SEED, SOAK, timeLimit, withSeed } from './support/settings';

const SUITE = 'fault mix';
/** One round is one push of ROUND_EDITS edits and ROUND_CREATES creates under faults. */
const ROUNDS = SOAK ? Math.max(1, Math.ceil(cycles(1) / 30)) : 1;
const ROUND_EDITS = 240;
const ROUND_CREATES = 60;
/** Share of requests answered with a fault. */
const FAULT_RATE = 0.1;
/** A failed push waits out at most five retries (backoff and Retry-After) or one timeout. */
const FAILED_RUN_BOUND_MS = 20_000;
const TIMEOUT_MS = 1_000;
const NOTE_FIELDS = TRIAGE_FIELDS.filter((field) => field.endsWith('_note'));

/** The faults and how often each comes up, relative to the others. */
const FAULTS: readonly (readonly [Omit<FaultSpec, 'match'>, number])[] = [
  [{ kind: '5xx', status: 503 }, 3],
  [{ kind: '5xx', status: 500 }, 1],
  [{ kind: '429', retryAfter: 1 }, 1],
  [{ kind: '429', retryAfter: 'http-date' }, 1],
  [{ kind: 'reset' }, 2],
  [{ kind: 'hang' }, 1],
  [{ kind: 'malformed' }, 2],
  [{ kind: 'drop-after-write' }, 2],
  [{ kind: '401' }, 1],
];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe(SUITE, () => {
  it(
    `${ROUNDS * (ROUND_EDITS + ROUND_CREATES)} changes pushed through ${FAULT_RATE * 100} % faults: each exactly once, each failure bounded and said in one sentence`,
    async () =>
      withSeed(SUITE, async () => {
        const rng = rngFor(SUITE);
        const dir = tempDir();
        cleanups.push(() => dir.cleanup());
        const leads = Math.ceil((ROUNDS * ROUND_EDITS) / NOTE_FIELDS.length) + 50;
        const sim = await startSim({ leads, seed: SEED % 1000 });
        cleanups.push(() => sim.stop());

        let faulty = false;
        const unused = FAULTS.map(([fault]) => fault);
        const injected = new Map<string, number>();
        const envoke = createEnvokeClient({
          baseUrl: sim.url,
          apiId: API_ID,
          apiKey: API_KEY,
          timeoutMs: TIMEOUT_MS,
          // Before a request leaves, maybe queue one fault for exactly its method and path: the
          // simulator then applies it to this request (the push sends one at a time).
          fetch: (input, init) => {
            if (faulty && rng.chance(FAULT_RATE)) {
              const method = init?.method ?? 'GET';
              // Each kind once first, whatever the seed draws; then by weight.
              const fault = unused.shift() ?? rng.weighted(FAULTS);
              if (fault.kind === 'drop-after-write' && method === 'GET') unused.unshift(fault);
              else {
                const path = new URL(String(input)).pathname;
                sim.faults.enqueue({ ...fault, match: { method, path } });
                const name = `${fault.kind}${fault.retryAfter === 'http-date' ? ' (date)' : ''}`;
                injected.set(name, (injected.get(name) ?? 0) + 1);
              }
            }
            return fetch(input, init);
          },
        });
        const core = openCore(dir.db(), envoke, { random: () => rng.next() * 0.2 });
        cleanups.push(() => core.close());
        await core.syncOnce('pull');

        const pairs = sim.store
          .all()
          .flatMap((lead) => NOTE_FIELDS.map((field) => ({ envokeId: String(lead.id), field })));
        for (let i = pairs.length - 1; i > 0; i -= 1) {
          const j = rng.int(i + 1);
          [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
        }
        const edits: EditMade[] = [];
        const creates: CreateMade[] = [];
        const failures: { ms: number; code: string; message: string }[] = [];
        let runs = 0;

        for (let round = 1; round <= ROUNDS; round += 1) {
          faulty = false;
          for (let n = 0; n < ROUND_EDITS + ROUND_CREATES; n += 1) {
            // Creates spread among the edits, as a person makes them.
            if (rng.chance(ROUND_CREATES / (ROUND_EDITS + ROUND_CREATES))) {
              const email = `mix-${SEED}-${round}-${n}@reliability.example`;
              await core['leads:create']({
                email,
                fields: { sale_note: `created in round ${round}` },
              });
              creates.push({ email });
            } else {
              const pair = pairs.pop()!;
              const value = `mix ${SEED} round ${round} change ${n}`;
              const id = core.findLeadByEnvokeId(pair.envokeId)!;
              await core['leads:update']({ ids: [id], patch: { [pair.field]: value } });
              edits.push({ envokeId: pair.envokeId, field: pair.field, value });
            }
          }
          faulty = true;
          for (;;) {
            runs += 1;
            expect(runs, 'pushes before the outbox emptied').toBeLessThan(ROUNDS * 150);
            const started = performance.now();
            try {
              const report = await core.syncOnce('push');
              if (report.waiting === 0) break;
            } catch (error) {
              const ms = performance.now() - started;
              expect(error).toBeInstanceOf(CommandError);
              const { code, message } = error as CommandError;
              failures.push({ ms, code, message });
            }
          }
        }
        faulty = false;

        const delivery = deliveries(sim, edits, creates);
        recordFigure(SUITE, {
          cycles: runs,
          changes: delivery.changes,
          lost: delivery.lost,
          duplicated: delivery.duplicated,
        });
        expect(delivery.problems).toEqual([]);
        expect(fileHealth(dir.db())).toEqual({ integrity: 'ok', open: [] });
        // Every fault came up, and the failures it caused were said clearly and ended in time.
        expect([...injected.keys()].sort()).toEqual(
          [
            '401',
            '429',
            '429 (date)',
            '5xx',
            'drop-after-write',
            'hang',
            'malformed',
            'reset',
          ].sort(),
        );
        expect(failures.filter((failure) => !isOneSentence(failure.message))).toEqual([]);
        expect(failures.filter((failure) => failure.ms > FAILED_RUN_BOUND_MS)).toEqual([]);
        expect(failures.filter((failure) => failure.code === 'internal')).toEqual([]);
        // A push waits out scattered 5xx, 429 and unreadable answers (patience counts them in a
        // row); it gives up only when Envoke cannot be reached or refuses the credentials.
        expect(
          failures.filter(
            (failure) =>
              // "closed the connection before answering": a reset, Envoke not reached as well.
              !/could not be reached|closed the connection before answering|did not answer in time|rejected the API ID or key/.test(
                failure.message,
              ),
          ),
        ).toEqual([]);
      }),
    timeLimit(90_000, 90_000, ROUNDS - 1),
  );
});
