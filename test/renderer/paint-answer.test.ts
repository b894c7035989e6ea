/**
 * One refresh per change: a triage key, undo and redo make one call, and the list, the counts
 * and the detail are painted from its answer. The bridge here is a stand-in for the preload that
 * records every call and answers as the core would; a push's answer, arriving before or after a
 * change's, never paints an older read over a newer one.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  VIEW_IDS,
  type ChangeAnswer,
  type LeadDetail,
  type LeadSummary,
  type Result,
  type SyncStatus,
} from '#contract';
import type { PreloadBridge } from '../../src-renderer/bridge/client';
import { paintDelivered } from '../../src-renderer/controller/paint';
import { loadRatingValues } from '../../src-renderer/controller/ratings';
import { applyChange, undo } from '../../src-renderer/controller/triage';
import { selectCurrentId, useStore } from '../../src-renderer/store/store';
import { leadSummary } from '../support/lead-summary';

const calls: { name: string; input: Record<string, unknown> }[] = [];
let answer: (name: string, input: Record<string, unknown>) => unknown = () => ({});

const bridge: PreloadBridge = {
  async invoke(name, input) {
    calls.push({ name, input: input as Record<string, unknown> });
    return { ok: true, value: answer(name, input as Record<string, unknown>) } as Result<unknown>;
  },
  on: () => () => undefined,
};
(globalThis as { window?: unknown }).window = {
  leadTriage: bridge,
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
};

const initial = useStore.getState();
const state = () => useStore.getState();
const synced: SyncStatus = {
  state: 'idle',
  pending: 0,
  failed: 0,
  conflicts: 0,
  progress: null,
  lastSyncAt: '2026-06-01T12:00:00Z',
  lastError: null,
  nextRetryAt: null,
};

function row(id: number, status: string, syncState: LeadSummary['syncState']): LeadSummary {
  return leadSummary(id, { marketing_rating_status: status, syncState });
}

function detail(summary: LeadSummary): LeadDetail {
  return {
    ...summary,
    contact: {
      ...{ firstName: 'P', lastName: String(summary.id), email: summary.email, title: '' },
      ...{ company: 'Acme', phone: '', city: '', province: '', country: '' },
    },
    fields: {},
    envokeFields: null,
    record: {},
    pending: [],
    conflicts: [],
    activity: [],
  };
}

function counts(marketingNew: number): Record<string, number> {
  return {
    ...Object.fromEntries(VIEW_IDS.map((view) => [view, 0])),
    'marketing-unprocessed': marketingNew,
  };
}

function paint(
  version: number,
  rows: LeadSummary[],
  members: number[],
  withDetail = true,
): ChangeAnswer {
  return {
    version,
    rows,
    members,
    counts: counts(2),
    detail: withDetail && rows[0] ? detail(rows[0]) : null,
  };
}

/** "Marketing: new" holding leads 1, 2, 3, every row on screen, the cursor on lead 1. */
function marketingNew(): void {
  useStore.setState(initial, true);
  state().setSync(synced);
  state().setAccountRatings({ marketing: ['Hot'], sales: ['Rated good'] });
  state().setView('marketing-unprocessed');
  state().setIds([1, 2, 3]);
  state().addRows(
    [1, 2, 3].map((id) => row(id, 'Unprocessed', 'synced')),
    new Set([1, 2, 3]),
  );
  state().setDetail(detail(row(1, 'Unprocessed', 'synced')));
  state().setCursor(0);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeAll(async () => {
  // As at start: the account's rating values are read, so changes re-read them only now and then.
  answer = () => ({ marketing: ['Hot'], sales: ['Rated good'] });
  await loadRatingValues();
});

describe('a triage key', () => {
  beforeEach(() => {
    calls.length = 0;
    marketingNew();
  });

  it('makes one call, saying what the window shows, and paints the list, counts and detail from its answer', async () => {
    const passed = row(1, 'Passed to sales', 'pending');
    answer = () => ({ actionId: 1, changed: 1, paint: paint(10, [passed], []) });
    await applyChange([1], { marketing_rating_status: 'Passed to sales' }, 'set the status');
    await settle();

    expect(calls.map((call) => call.name)).toEqual(['leads:update']);
    expect(calls[0]?.input).toMatchObject({
      ids: [1],
      origin: expect.stringMatching(/^[\w-]+$/),
      shown: { list: { view: 'marketing-unprocessed' }, detail: 1 },
    });
    expect(state().rows[1]).toEqual(passed);
    // The answer says lead 1 left the view: it stays, dimmed, until the cursor moves.
    expect(state().movedOut).toEqual({ 1: true });
    expect(selectCurrentId(state())).toBe(1);
    expect(state().counts['marketing-unprocessed']).toBe(2);
    expect(state().detail?.marketing_rating_status).toBe('Passed to sales');
    expect(state().overlay).toEqual({});
    state().setCursor(1);
    expect(state().ids).toEqual([2, 3]);
  });

  it('keeps a push’s later read of the lead when the change’s answer comes after it', async () => {
    const passed = row(1, 'Passed to sales', 'pending');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    bridge.invoke = async (name, input) => {
      calls.push({ name, input: input as Record<string, unknown> });
      await held;
      return { ok: true, value: { actionId: 1, changed: 1, paint: paint(10, [passed], []) } };
    };
    const change = applyChange([1], { marketing_rating_status: 'Passed to sales' }, 'set it');
    await settle();
    // Envoke's answer to the push comes over the event stream before the HTTP answer does.
    const sent = row(1, 'Passed to sales', 'synced');
    paintDelivered([1], { rows: [sent], counts: counts(2), version: 11 });
    release();
    await change;
    await settle();
    expect(state().rows[1]?.syncState).toBe('synced');
    expect(calls.map((call) => call.name)).toEqual(['leads:update']);
  });
});

describe('undo', () => {
  beforeEach(() => {
    calls.length = 0;
    marketingNew();
    bridge.invoke = async (name, input) => {
      calls.push({ name, input: input as Record<string, unknown> });
      return { ok: true, value: answer(name, input as Record<string, unknown>) } as Result<unknown>;
    };
  });

  it('brings the lead back from its answer and puts the cursor on it, asking only its place', async () => {
    // Lead 1 was passed on a moment ago and the person moved on: the view holds 2 and 3.
    state().setIds([2, 3]);
    state().setCursor(1);
    const back = row(1, 'Unprocessed', 'synced');
    answer = (name) =>
      name === 'history:undo'
        ? { label: 'Undone: status Passed to sales', leadIds: [1], paint: paint(20, [back], [1]) }
        : { index: 0 };
    await undo();
    await settle();
    expect(calls.map((call) => call.name)).toEqual(['history:undo', 'leads:position']);
    expect(state().ids).toEqual([1, 2, 3]);
    expect(selectCurrentId(state())).toBe(1);
    expect(state().rows[1]).toEqual(back);
    expect(state().detail?.id).toBe(1);
    expect(state().toasts.at(-1)?.text).toBe('Undone: status Passed to sales');
  });
});
