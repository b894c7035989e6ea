/**
 * Reads from the core answer in any order (a slow answer can come after a newer one). The store must
 * show the newest: an older outbox, older counts or an older sync status never paint over it.
 * The bridge here is a stand-in for the preload whose answers the test releases one by one.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  VIEW_IDS,
  type OutboxEntry,
  type Result,
  type SyncStatus,
} from '#contract';
import type { PreloadBridge } from '../../src-renderer/bridge/client';
import { loadCounts, loadSyncStatus } from '../../src-renderer/controller/data';
import { loadOutbox } from '../../src-renderer/controller/outbox';
import { useStore } from '../../src-renderer/store/store';

/** Calls waiting for their answer, in the order they were made. */
const waiting: { name: string; answer(value: unknown): void }[] = [];

const bridge: PreloadBridge = {
  invoke(name) {
    return new Promise<Result<unknown>>((resolve) => {
      waiting.push({ name, answer: (value) => resolve({ ok: true, value }) });
    });
  },
  on: () => () => undefined,
};
(globalThis as { window?: unknown }).window = { leadTriage: bridge };

const initial = useStore.getState();

function entry(id: number, state: OutboxEntry['state']): OutboxEntry {
  return {
    id,
    leadId: 7,
    leadLabel: 'Acme Widgets — Jane Roe',
    kind: 'update',
    fields: { marketing_rating: 'Hot' },
    state,
    attempts: 1,
    nextAttemptAt: null,
    lastError: null,
    conflicts: [],
    createdAt: '2025-06-01T12:00:00Z',
    updatedAt: '2025-06-01T12:00:00Z',
  };
}

/** Every view's count, as the core answers; `pending` of them wait for Envoke. */
function counts(pending: number): Record<string, number> {
  return { ...Object.fromEntries(VIEW_IDS.map((view) => [view, 0])), all: 150, pending };
}

function status(state: SyncStatus['state'], pending: number): SyncStatus {
  return {
    state,
    pending,
    failed: 0,
    conflicts: 0,
    progress: null,
    lastSyncAt: '2025-06-01T12:00:00Z',
    lastError: null,
    nextRetryAt: null,
  };
}

describe('reads that answer out of order', () => {
  beforeEach(() => {
    waiting.length = 0;
    useStore.setState(initial, true);
  });

  it('keep the newest outbox when an older answer comes last', async () => {
    const older = loadOutbox();
    const newer = loadOutbox();
    const [first, second] = waiting;
    second?.answer({ entries: [] });
    await newer;
    first?.answer({ entries: [entry(1, 'pending')] });
    await older;
    expect(useStore.getState().outbox).toEqual([]);
  });

  it('keep the newest counts when an older answer comes last', async () => {
    const older = loadCounts();
    const newer = loadCounts();
    const [first, second] = waiting;
    second?.answer(counts(0));
    await newer;
    first?.answer(counts(3));
    await older;
    expect(useStore.getState().counts).toEqual(counts(0));
  });

  it('keep a sync status event that arrived while the first status was being read', async () => {
    const read = loadSyncStatus();
    useStore.getState().setSync(status('idle', 0));
    waiting[0]?.answer(status('syncing', 2));
    await read;
    expect(useStore.getState().sync).toEqual(status('idle', 0));
  });

  it('take the status that was read when no event came in meanwhile', async () => {
    const read = loadSyncStatus();
    waiting[0]?.answer(status('offline', 2));
    await read;
    expect(useStore.getState().sync).toEqual(status('offline', 2));
  });
});
