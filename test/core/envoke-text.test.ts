/**
 * Issue 8, point 4: Envoke's words are shown to people (status bar, outbox, activity, terminal),
 * so control characters and bidi overrides are taken out and the length is capped where they
 * enter. The simulator's '400' fault carries the hostile message over real HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { plainText, PLAIN_TEXT_LIMIT } from '#contract/plain-text';
import type { Core } from '../../src-main/core/api';
import type { RunningSimulator } from '../../src-main/sim';
import { cli } from '../cli/cli-process';
import { API_ID, API_KEY, clientFor, openCore, startSim, tempDir } from './helpers';

/** ESC sequences that recolour and retitle a terminal, BEL, CR that overwrites, a bidi override. */
const HOSTILE =
  '\u001b[31mRevenue\u001b[0m is locked\u0007\r\nOK: all good \u202Edlrow\u202C \u001b]0;pwned\u0007' +
  'x'.repeat(20_000);
// Anything a terminal or the page would act on rather than show.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('plainText', () => {
  it('removes escape sequences and controls, collapses whitespace and caps the length', () => {
    const text = plainText(HOSTILE);
    expect(text).not.toMatch(UNSAFE);
    expect(text.startsWith('Revenue is locked OK: all good dlrow x')).toBe(true);
    expect(Array.from(text)).toHaveLength(PLAIN_TEXT_LIMIT);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps ordinary text, accents and emoji as they are, never half a character', () => {
    expect(plainText('  Zoë  Ñandú —   rated 👍 ')).toBe('Zoë Ñandú — rated 👍');
    expect(plainText('👍'.repeat(10), 5)).toBe('👍👍👍👍…');
  });
});

const dir = tempDir();
let sim: RunningSimulator | null = null;
let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  await sim?.stop();
  core = null;
  sim = null;
});

describe("Envoke's message on its way in", () => {
  it('reaches the outbox, the activity log and the sync status as plain, bounded text', async () => {
    sim = await startSim({ leads: 5 });
    core = openCore(dir.db('refused.db'), clientFor(sim));
    await core.syncOnce('pull');
    const [row] = (await core['leads:list']({ view: 'all', limit: 1 })).rows;
    await core['leads:update']({ ids: [row!.id], patch: { revenue: '5000.00' } });
    sim.faults.enqueue({ kind: '400', match: { method: 'PATCH' }, message: HOSTILE });
    expect(await core.syncOnce('push')).toMatchObject({ failed: 1 });

    const [entry] = (await core['outbox:list']({ includeDone: false })).entries;
    expect(entry!.lastError).toMatch(
      /^Envoke rejected the request: Revenue is locked OK: all good/,
    );
    expect(entry!.lastError).not.toMatch(UNSAFE);
    expect(Array.from(entry!.lastError!).length).toBeLessThanOrEqual(PLAIN_TEXT_LIMIT);
    // The change's own activity entry carries Envoke's reason as its delivery note.
    const failed = (await core['leads:get']({ id: row!.id })).activity.find(
      (item) => item.delivery === 'failed',
    );
    expect(failed!.deliveryNote).toMatch(/^Envoke rejected the request: Revenue is locked/);
    expect(failed!.deliveryNote).not.toMatch(UNSAFE);
    expect(Array.from(failed!.deliveryNote!).length).toBeLessThanOrEqual(PLAIN_TEXT_LIMIT);

    // A refused pull puts the same words in the status bar.
    sim.faults.enqueue({ kind: '400', match: { method: 'GET' }, message: HOSTILE });
    await expect(core.syncOnce('pull')).rejects.toMatchObject({ code: 'envoke-rejected' });
    const status = await core['sync:status']({});
    expect(status.lastError).toMatch(/^Envoke rejected the request: Revenue is locked/);
    expect(status.lastError).not.toMatch(UNSAFE);
    expect(Array.from(status.lastError!).length).toBeLessThanOrEqual(PLAIN_TEXT_LIMIT);
  });

  it('reaches the terminal as one plain line from the CLI', async () => {
    sim = await startSim({ leads: 5 });
    sim.faults.enqueue({ kind: '400', match: { method: 'GET' }, message: HOSTILE });
    const run = await cli([
      'sync',
      '--db',
      dir.db('cli.db'),
      '--url',
      sim.url,
      '--api-id',
      API_ID,
      '--api-key',
      API_KEY,
    ]);
    expect(run.code).toBe(1);
    const line = run.stderr.replace(/^(pull|push): .*\n/gm, '');
    expect(line).toMatch(/^lead-triage: .*Revenue is locked OK: all good dlrow x+…\n$/);
    expect(line.slice(0, -1)).not.toMatch(UNSAFE);
    expect(line.length).toBeLessThan(PLAIN_TEXT_LIMIT + 20);
  });
});
