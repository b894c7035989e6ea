/**
 * What anyone can send as a query or a view name, through the browser host's real HTTP gate and
 * core: any text as a field name gives a result or a sentence naming the field (never "something
 * went wrong"), in every command that takes a query and in the export download; and a control
 * character in a query or a view name is refused with a sentence saying which and where, before
 * anything is read or saved (a NUL once matched every lead, and a saved view stored it).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../src-main/browser-host/browser-host';
import { INTERNAL_ERROR_MESSAGE } from '#channel';
import { startTestHost } from './test-host';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-query-input-'));
  host = await startTestHost(dir, { dbPath: join(dir, 'demo.db'), demoLeads: 60 });
  await host.core.syncOnce('pull');
}, 60_000);
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Answer =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function invoke(name: string, input: unknown): Promise<Answer> {
  const reply = await fetch(`http://127.0.0.1:${host.port}/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lead-triage-token': host.token },
    body: JSON.stringify(input),
  });
  expect(reply.status).toBe(200);
  return (await reply.json()) as Answer;
}

async function exportOf(query: string): Promise<{ status: number; body: string }> {
  const params = new URLSearchParams({ format: 'csv', query, token: host.token });
  const reply = await fetch(`http://127.0.0.1:${host.port}/api/export?${params}`);
  return { status: reply.status, body: await reply.text() };
}

/** The answers to `query` of every command that reads a query, and of the export download. */
async function everyAnswer(
  query: string,
): Promise<{ commands: Answer[]; exported: { status: number; body: string } }> {
  const commands = [
    await invoke('query:ids', { query }),
    await invoke('query:count', { query }),
    await invoke('query:id-page', { query, limit: 10 }),
    await invoke('views:save', { name: 'Checked view', query }),
  ];
  const saved = commands[3]!;
  if (saved.ok) await invoke('views:delete', { id: (saved.value as { id: number }).id });
  return { commands, exported: await exportOf(query) };
}

const FIELD_SHAPE = /^[A-Za-z][A-Za-z-]*$/;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).flatMap((name) => [
  name,
  name.toLowerCase(),
  name.toUpperCase(),
]);

/** Every answer is a result, or a refusal in a sentence; an unknown field is named. */
async function expectAnsweredOrNamed(name: string, value: string): Promise<void> {
  const query = `${name}:${value}`;
  const { commands, exported } = await everyAnswer(query);
  const unknown =
    FIELD_SHAPE.test(name) &&
    !(await invoke('query:count', { query: `${name.toLowerCase()}:x` })).ok &&
    name.toLowerCase() !== 'sort';
  for (const answer of commands) {
    if (answer.ok) continue;
    expect(answer.error.code, `${query}: ${answer.error.message}`).toBe('invalid-input');
    expect(answer.error.message).not.toBe(INTERNAL_ERROR_MESSAGE);
    if (unknown) expect(answer.error.message).toContain(`Unknown field '${name.toLowerCase()}'`);
  }
  expect([200, 400], `${query}: ${exported.body.slice(0, 200)}`).toContain(exported.status);
  if (exported.status === 400) {
    expect(exported.body).not.toBe('The export could not start.');
    if (unknown) expect(exported.body).toContain(`Unknown field '${name.toLowerCase()}'`);
  }
}

describe('any text as a field name', () => {
  it.each(['constructor', 'Constructor', 'CONSTRUCTOR', 'toString', 'hasOwnProperty'])(
    '%s:x is an unknown field in every command and the export',
    async (name) => {
      const { commands, exported } = await everyAnswer(`${name}:x`);
      for (const answer of commands)
        expect(answer).toEqual({
          ok: false,
          error: {
            code: 'invalid-input',
            message: expect.stringContaining(`Unknown field '${name.toLowerCase()}'`),
          },
        });
      expect(exported.status).toBe(400);
      expect(exported.body).toContain(`Unknown field '${name.toLowerCase()}'`);
    },
  );

  it('gives a result or a sentence naming the field (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom(...PROTOTYPE_NAMES),
          fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,12}$/),
          fc.string({ maxLength: 12 }),
        ),
        fc.constantFrom('x', '"a b"', 'passed', '>2026-01-01'),
        expectAnsweredOrNamed,
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

/** C0 and C1 controls, DEL, and the bidi controls that reorder text. */
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  ...['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'],
];
const SPACING = ['\t', '\n', '\u000b', '\f', '\r'];
const REFUSAL = /cannot contain control characters: remove .*U\+[0-9A-F]{4}.* at character \d+\./;

function expectRefused(answer: Answer, what: string): void {
  expect(answer, what).toEqual({
    ok: false,
    error: { code: 'invalid-input', message: expect.stringMatching(REFUSAL) },
  });
}

describe('control characters', () => {
  it('company:"\\u0000" no longer matches every lead: every command and the export refuse it', async () => {
    const { commands, exported } = await everyAnswer('company:"\u0000"');
    for (const answer of commands) expectRefused(answer, 'NUL in a quoted value');
    expect(exported.status).toBe(400);
    expect(exported.body).toMatch(REFUSAL);
    expect(
      ((await invoke('views:list', {})) as { value: { views: unknown[] } }).value.views,
    ).toEqual([]);
  });

  it('any control character inside a query is refused, wherever it is (property)', async () => {
    const visible = fc.string({
      unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', ':', '-', 'é'),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CONTROLS.filter((c) => !SPACING.includes(c))),
        fc.constantFrom('company:X', 'company:"X"', 'X', 'status:new contact:"aXb"', 'X:x'),
        visible,
        async (control, shape, text) => {
          const query = shape.replace('X', `${text}${control}${text}`);
          for (const answer of (await everyAnswer(query)).commands)
            expectRefused(answer, JSON.stringify(query));
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('a tab or line break separates terms, and is refused inside quotes', async () => {
    for (const space of SPACING) {
      const between = await invoke('query:count', { query: `status:new${space}company:a` });
      expect(between).toMatchObject({ ok: true });
      expectRefused(
        await invoke('query:count', { query: `company:"a${space}b"` }),
        JSON.stringify(space),
      );
    }
  });

  it('any control character in a view name is refused when saving or renaming (property)', async () => {
    const saved = await invoke('views:save', { name: 'Plain name', query: 'status:new' });
    expect(saved).toMatchObject({ ok: true });
    const id = (saved as { value: { id: number } }).value.id;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CONTROLS),
        fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'é', '1'), minLength: 1, maxLength: 10 }),
        fc.nat(10),
        async (control, text, at) => {
          const cut = Math.min(at, text.length);
          // Inside the name: a tab or line break at either end would be trimmed like a space.
          const name = `x${text.slice(0, cut)}${control}${text.slice(cut)}x`;
          expectRefused(
            await invoke('views:save', { name, query: 'status:new' }),
            JSON.stringify(name),
          );
          expectRefused(await invoke('views:rename', { id, name }), JSON.stringify(name));
        },
      ),
      { numRuns: 100 },
    );
    const views = ((await invoke('views:list', {})) as { value: { views: { name: string }[] } })
      .value.views;
    expect(views.map((view) => view.name)).toEqual(['Plain name']);
  }, 120_000);
});
