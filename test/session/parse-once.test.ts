/**
 * Input is parsed once, at the edge: the command gate parses a command's input with its
 * contract schema and the core takes what it is given. Measured on a real core (a real SQLite
 * file) behind the real gate, by counting the parses of the schemas involved.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  commands,
  NewContactSchema,
  NewLeadFieldsSchema,
  SyncScopeSchema,
  TriagePatchSchema,
  type Result,
} from '#contract';
import type { Core } from '../../src-main/core/api';
import { createCore } from '../../src-main/core/create-core';
import { serveChannel, TRUSTED, type Handlers } from '#channel';
import { TEST_DB_KEY, tempDir, unreachableClient } from '../core/helpers';
import { recordingLogger } from './fake-handlers';

let dir: ReturnType<typeof tempDir>;
let core: Core;
let dispatch: (name: unknown, input: unknown) => Promise<Result<unknown>>;

beforeEach(() => {
  dir = tempDir();
  core = createCore({ dbPath: dir.db(), envoke: unreachableClient(), dbKey: TEST_DB_KEY });
  const channel = serveChannel({
    handlers: core as unknown as Handlers,
    logger: recordingLogger().logger,
  });
  dispatch = (name, input) => channel.invoke(name, input, TRUSTED);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  dir.cleanup();
});

/** Wraps a schema's parse methods to count calls while still parsing. */
function counting(schema: object): { calls: number } {
  const counter = { calls: 0 };
  const target = schema as {
    safeParse: (...a: unknown[]) => unknown;
    parse: (...a: unknown[]) => unknown;
  };
  const safe = target.safeParse;
  const strict = target.parse;
  vi.spyOn(target, 'safeParse').mockImplementation((...args: unknown[]) => {
    counter.calls += 1;
    return safe(...args);
  });
  vi.spyOn(target, 'parse').mockImplementation((...args: unknown[]) => {
    counter.calls += 1;
    return strict(...args);
  });
  return counter;
}

describe('validate once at the edge', () => {
  it('a new lead and a change to it are parsed by the gate alone', async () => {
    const createInput = counting(commands['leads:create'].input);
    const fields = counting(NewLeadFieldsSchema);
    const contact = counting(NewContactSchema);
    const created = await dispatch('leads:create', {
      email: ' ann@example.com ',
      firstName: ' Ann ',
      contact: { city: 'Oslo' },
      fields: { sales_rating: 'Hot', marketing_rating_status: 'passed_to_sales' },
    });
    expect(created).toMatchObject({ ok: true });
    expect([createInput.calls, fields.calls, contact.calls]).toEqual([1, 0, 0]);
    const id = (created as { value: { id: number } }).value.id;
    // What the gate parsed is what the core stored: trimmed, spelled canonically.
    const detail = await core['leads:get']({ id });
    expect(detail.fields.marketing_rating_status).toBe('Passed to sales');

    const updateInput = counting(commands['leads:update'].input);
    const patch = counting(TriagePatchSchema);
    const updated = await dispatch('leads:update', { ids: [id], patch: { sale: 'yes' } });
    expect(updated).toMatchObject({ ok: true, value: { changed: 1 } });
    expect([updateInput.calls, patch.calls]).toEqual([1, 0]);
    expect((await core['leads:get']({ id })).fields.sale).toBe('Yes');
  });

  it('a sync scope is parsed by the gate alone', async () => {
    const input = counting(commands['sync:scope-set'].input);
    const stored = counting(SyncScopeSchema);
    const result = await dispatch('sync:scope-set', {
      salespeople: ['Ann', 'Ann'],
      marketingStatuses: ['passed to sales', 'Passed to sales'],
    });
    expect(result).toMatchObject({ ok: true });
    expect([input.calls, stored.calls]).toEqual([1, 0]);
    // Read canonically and each once, by the gate's parse alone.
    expect(await core['sync:scope-get']({})).toEqual({
      salespeople: ['Ann'],
      marketingStatuses: ['Passed to sales'],
      salesStatuses: [],
    });
    const unknown = await dispatch('sync:scope-set', { salesStatuses: ['Maybe later'] });
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          '"Maybe later" is not a valid sales status; use one of: Not applicable, Unprocessed, Rated good, Rated bad, Contact attempted.',
      },
    });
  });

  it('bad input is refused at the gate in a sentence and never reaches the core', async () => {
    const refused = await dispatch('leads:create', { email: 'not an email' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(
      /is not an email address/,
    );
    expect((await core['leads:counts']({})).all).toBe(0);
  });
});
