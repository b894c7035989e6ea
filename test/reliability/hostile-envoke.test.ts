/**
 * Hostile Envoke: property tests that answer the core's list, read, create and update requests
 * with generated replies (wrong types, nulls, unknown enums, huge strings, deep nesting,
 * truncated and non-JSON bodies, envelopes without result_data, odd statuses and Retry-After
 * values). Whatever comes back, the core never fails with an unexpected error, the cache stays
 * sound, every lead it could not read is reported with its id and reason, and no change of the
 * person's is dropped or sent twice without a look first.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core, SyncReport } from '../../src-main/core/api';
import { createEnvokeClient } from '../../src-main/core/envoke';
import { CommandError } from '#contract/errors';
import { createCore } from '../../src-main/core/create-core';
import { tempDir, TEST_DB_KEY } from '../core/helpers';
import { recordingLogger } from '../session/fake-handlers';
import { cacheProblems } from './support/checks';
import {
  startHostileEnvoke,
  wireLead,
  type HostileEnvoke,
  type HostileReply,
} from './support/hostile-envoke';
import { InstantClock } from './support/instant-clock';
import { isOneSentence } from './support/one-sentence';
import { cycles, recordFigure, SEED, SOAK, timeLimit } from './support/settings';

const SUITE = 'hostile Envoke';
const RUNS = SOAK ? cycles(30) : 30;
const CACHED_LEADS = 20;

// --- generated replies ---------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('PASSED-TO-MARS', ' unprocessed ', '\u001b[31mHot\u0007', '', '1e999', '-0'),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) },
);
const FIELDS = [
  'id',
  'contact',
  'remote_id',
  'marketing_rating_status',
  'sales_rating_status',
  'opportunity',
  'sale',
  'revenue',
  'sale_note',
  'create_time',
  'salesperson',
  'custom',
  'contact.email',
  'contact.id',
  'contact.first_name',
] as const;
const leadId = fc.integer({ min: 1, max: CACHED_LEADS + 5 });

/** One element of a list reply, as JSON text (deep nesting cannot be built as a value safely). */
const listItem = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        id: leadId,
        changes: fc.array(fc.tuple(fc.constantFrom(...FIELDS), value), { maxLength: 3 }),
        proto: fc.boolean(),
      })
      .map(({ id, changes, proto }) => {
        const lead: Record<string, unknown> = wireLead(id);
        for (const [field, changed] of changes) {
          const contact = lead.contact as unknown;
          if (!field.startsWith('contact.')) lead[field] = changed;
          else if (typeof contact === 'object' && contact !== null && !Array.isArray(contact)) {
            (contact as Record<string, unknown>)[field.slice(8)] = changed;
          }
        }
        const text = JSON.stringify(lead);
        return proto ? `{"__proto__":{"polluted":true},${text.slice(1)}` : text;
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: leadId, depth: fc.constantFrom(33, 200, 8_000, 30_000) })
      .map(
        ({ id, depth }) =>
          `${JSON.stringify(wireLead(id)).slice(0, -1)},"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      ),
  },
  {
    weight: 1,
    arbitrary: leadId.map((id) => JSON.stringify(wireLead(id, { sale_note: 'x'.repeat(300_000) }))),
  },
  {
    weight: 1,
    arbitrary: fc.jsonValue({ maxDepth: 2 }).map((item) => JSON.stringify(item) ?? 'null'),
  },
);

const oddBody = fc.constantFrom(
  '',
  'null',
  '42',
  '"leads"',
  '{}',
  '[]',
  '<html>502 Bad Gateway</html>',
  '{"success":true,"result_text":"OK"}',
  '{"success":true,"result_data":null}',
  '{"success":true,"result_data":[]}',
  '{"success":"yes"}',
  '{"success":false,"result_text":"\\u001b[2JNo","result_data":{"errors":["not allowed",{"x":1},null]}}',
  '{"success":false,"result_data":{"errors":"not a list"}}',
);
const status = fc.constantFrom(
  200,
  200,
  200,
  200,
  200,
  200,
  201,
  204,
  302,
  400,
  401,
  404,
  429,
  500,
  503,
);
const retryAfter = fc.constantFrom(
  undefined,
  '0',
  '2',
  '86400',
  'soon',
  'Wed, 21 Oct 2015 07:28:00 GMT',
  '-5',
  '1e9',
);

const body = (items: fc.Arbitrary<string[]>) =>
  fc.oneof(
    { weight: 4, arbitrary: items.map((parts) => `[${parts.join(',')}]`) },
    {
      weight: 1,
      arbitrary: items.map((parts) => `{"success":true,"result_data":[${parts.join(',')}]}`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(items, fc.nat()).map(([parts, cut]) => {
        const text = `[${parts.join(',')}]`;
        return text.slice(0, cut % Math.max(1, text.length));
      }),
    },
    { weight: 2, arbitrary: oddBody },
  );

function replies(items: fc.Arbitrary<string[]>, writes = false): fc.Arbitrary<HostileReply[]> {
  return fc.array(
    fc.record({ status, body: body(items), retryAfter, afterWrite: fc.boolean() }).map((reply) => ({
      status: reply.status,
      body: reply.body,
      afterWrite: writes && reply.afterWrite,
      ...(reply.retryAfter === undefined ? {} : { headers: { 'Retry-After': reply.retryAfter } }),
    })),
    { minLength: 1, maxLength: 4 },
  );
}
const pageItems = fc.array(listItem, { maxLength: 6 });
const oneLead = fc.array(listItem, { minLength: 1, maxLength: 1 });

// --- the core under test -----------------------------------------------------------------------

let envoke: HostileEnvoke;
let core: Core;
let dir: ReturnType<typeof tempDir>;
const log = recordingLogger();
const figure = { runs: 0, changes: 0, lost: 0, duplicated: 0 };

beforeAll(async () => {
  envoke = await startHostileEnvoke(CACHED_LEADS);
  dir = tempDir();
  const client = createEnvokeClient({
    baseUrl: envoke.url,
    apiId: 'hostile',
    apiKey: 'hostile',
    timeoutMs: 5_000,
  });
  core = createCore({
    dbPath: dir.db(),
    dbKey: TEST_DB_KEY,
    envoke: client,
    clock: new InstantClock(),
    random: () => 0.5,
    logger: log.logger,
  });
  await core.syncOnce('pull');
});

afterAll(async () => {
  await core?.close();
  await envoke?.stop();
  dir?.cleanup();
  recordFigure(SUITE, {
    cycles: figure.runs,
    changes: figure.changes,
    lost: figure.lost,
    duplicated: figure.duplicated,
  });
});

/** Runs a sync; a failure must be a CommandError Lead Triage meant, said in one sentence. */
async function syncChecked(what: 'pull' | 'push'): Promise<SyncReport | null> {
  try {
    return await core.syncOnce(what);
  } catch (error) {
    expect(error).toBeInstanceOf(CommandError);
    const { code, message } = error as CommandError;
    expect(code, message).not.toBe('internal');
    expect(isOneSentence(message), message).toBe(true);
    return null;
  } finally {
    envoke.clearQueues();
    expect(cacheProblems(dir.db())).toEqual([]);
    // A sync that has ended has nothing in flight: every row it took is recorded as what it became.
    expect(
      (await core['outbox:list']({ includeDone: false })).entries.filter(
        (row) => row.state === 'sending',
      ),
    ).toEqual([]);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  }
}

/** The digit id an element of a served list carries, as the report would name it. */
function servedIds(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((item: unknown) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return [String(id)];
    if (typeof id === 'string' && /^\s*\d{1,20}\s*$/.test(id)) return [id.trim()];
    return [];
  });
}

describe(SUITE, () => {
  it(
    'list: a pull keeps what it can read, names every lead it cannot, and never fails unexpectedly',
    async () => {
      await fc.assert(
        fc.asyncProperty(replies(pageItems), async (listReplies) => {
          figure.runs += 1;
          envoke.queue('list', listReplies);
          const servedFrom = envoke.served.length;
          const report = await syncChecked('pull');
          if (report === null) return;
          const reported = new Set(report.unreadable.map((item) => item.id));
          for (const served of envoke.served.slice(servedFrom)) {
            if (served.route !== 'list' || served.status !== 200) continue;
            for (const id of servedIds(served.body)) {
              expect(
                core.findLeadByEnvokeId(id) !== null || reported.has(id),
                `lead ${id} was neither cached nor reported`,
              ).toBe(true);
            }
          }
          for (const item of report.unreadable) expect(item.reason.length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    timeLimit(60_000, 2_000, RUNS),
  );

  it(
    'read and update: a change is marked sent only when Envoke has it, and otherwise stays queued',
    async () => {
      let changeNumber = 0;
      await fc.assert(
        fc.asyncProperty(
          leadId.filter((id) => id <= CACHED_LEADS),
          replies(oneLead),
          replies(oneLead, true),
          async (id, getReplies, updateReplies) => {
            figure.runs += 1;
            figure.changes += 1;
            const local = core.findLeadByEnvokeId(String(id));
            if (local === null) return;
            const value = `hostile ${SEED} change ${(changeNumber += 1)}`;
            await core['leads:update']({ ids: [local], patch: { sale_note: value } });
            const queued = (await core['outbox:list']({ includeDone: false })).entries.find(
              (row) => row.fields.sale_note === value,
            );
            expect(queued, 'the change is queued').toBeDefined();
            envoke.queue('get', getReplies);
            envoke.queue('update', updateReplies);
            const servedFrom = envoke.served.length;
            await syncChecked('push');

            const row = (await core['outbox:list']({ includeDone: true })).entries.find(
              (entry) => entry.id === queued!.id,
            );
            expect(row, 'the change is still listed').toBeDefined();
            // Envoke applied the change and answered it whole: the row is done, not left to retry.
            const acknowledged = envoke.events.some(
              (event) =>
                event.acknowledged === true &&
                (event.body as Record<string, unknown>).sale_note === value,
            );
            if (acknowledged)
              expect(row!.state, `${value} was acknowledged by Envoke`).toBe('done');
            if (row!.state === 'done') {
              // Sent, or Envoke said (truthfully or not) that it already had it.
              const sent = envoke.events.some(
                (event) =>
                  event.kind === 'update' &&
                  (event.body as Record<string, unknown>).sale_note === value,
              );
              const said = envoke.served
                .slice(servedFrom)
                .some((served) => served.route === 'get' && served.body.includes(value));
              if (!sent && !said) figure.lost += 1;
              expect(sent || said, `${value} marked sent but never sent`).toBe(true);
            } else {
              // Still queued: what the person sees is still their change.
              const shown = (await core['leads:get']({ id: local })).fields.sale_note;
              if (shown !== value) figure.lost += 1;
              expect(shown).toBe(value);
            }
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    timeLimit(60_000, 2_000, RUNS),
  );

  it(
    'create: looked up by remote_id before any second POST, never lost, never created twice unseen',
    async () => {
      let createNumber = 0;
      await fc.assert(
        fc.asyncProperty(
          replies(pageItems),
          replies(oneLead, true),
          replies(oneLead),
          async (lookupReplies, createReplies, readReplies) => {
            figure.runs += 1;
            figure.changes += 1;
            const email = `hostile-${SEED}-${(createNumber += 1)}@reliability.example`;
            const { id } = await core['leads:create']({ email });
            envoke.queue('list', lookupReplies);
            envoke.queue('create', createReplies);
            envoke.queue('get', readReplies);
            const eventsFrom = envoke.events.length;
            await syncChecked('push');

            // Every POST after the first for one remote_id follows a lookup of it.
            const seen = new Map<string, 'posted' | 'looked'>();
            for (const event of envoke.events.slice(eventsFrom)) {
              if (event.kind === 'lookup') seen.set(event.remoteId!, 'looked');
              if (event.kind === 'create') {
                if (seen.get(event.remoteId!) === 'posted') figure.duplicated += 1;
                expect(
                  seen.get(event.remoteId!),
                  `a second POST of ${event.remoteId} without a lookup first`,
                ).not.toBe('posted');
                seen.set(event.remoteId!, 'posted');
              }
            }
            // Done only with Envoke's id, of a lead Envoke holds for this email; else still queued.
            const detail = await core['leads:get']({ id });
            const copies = [...envoke.leads.values()].filter(
              (lead) => (lead.contact as Record<string, unknown>).email === email,
            );
            const open = detail.pending.length > 0;
            if (!open && !copies.some((lead) => lead.id === detail.envokeId)) figure.lost += 1;
            if (!open)
              expect(
                copies.map((lead) => lead.id),
                'the created lead in Envoke',
              ).toContain(detail.envokeId);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
    timeLimit(60_000, 2_000, RUNS),
  );
});
