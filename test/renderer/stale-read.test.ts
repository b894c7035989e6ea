/**
 * A plain read of rows sent before a change's or a push's answer was painted may come back after
 * it: the older row it carries never replaces the newer one (a lead stays "synced" once its push
 * was painted, though a read sent while it was pending answers late).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeadSummary } from '#contract';
import { leadSummary } from '../support/lead-summary';

const pendingReads: Array<(rows: LeadSummary[]) => void> = [];
vi.mock('../../src-renderer/bridge/client', () => ({
  errorMessage: (error: unknown) => String(error),
  invoke: vi.fn(async (name: string) => {
    if (name !== 'leads:rows') throw new Error(`unexpected ${name}`);
    return new Promise((resolve) => pendingReads.push((rows) => resolve({ rows })));
  }),
  on: vi.fn(),
}));

const { addAnsweredRows, refreshRows } = await import('../../src-renderer/controller/data');
const { useStore } = await import('../../src-renderer/store/store');

function row(id: number, syncState: LeadSummary['syncState']): LeadSummary {
  return leadSummary(id, {
    contactName: 'Jane Roe',
    email: 'jane@acme.example',
    createTime: '2026-06-01T12:00:00Z',
    marketing_rating_status: 'Deferred',
    marketing_rating: 'Hot',
    syncState,
  });
}

const initial = useStore.getState();

describe('a read of rows that answers after a newer answer was painted', () => {
  beforeEach(() => {
    useStore.setState(initial, true);
    pendingReads.length = 0;
    useStore.getState().setIds([1, 2]);
    useStore.getState().addRows([row(1, 'pending'), row(2, 'pending')], new Set([1, 2]));
  });

  it('keeps the newer row, and takes the read for the leads no answer painted', async () => {
    const reading = refreshRows([1, 2]);
    await vi.waitFor(() => expect(pendingReads).toHaveLength(1));
    // The push's answer lands while the read is on its way: lead 1 is synced.
    addAnsweredRows([row(1, 'synced')]);
    pendingReads[0]!([row(1, 'pending'), { ...row(2, 'pending'), company: 'Acme Ltd' }]);
    await reading;
    expect(useStore.getState().rows[1]?.syncState).toBe('synced');
    expect(useStore.getState().rows[2]?.company).toBe('Acme Ltd');
  });

  it('takes a read sent after the answer was painted', async () => {
    addAnsweredRows([row(1, 'synced')]);
    const reading = refreshRows([1]);
    await vi.waitFor(() => expect(pendingReads).toHaveLength(1));
    pendingReads[0]!([row(1, 'conflict')]);
    await reading;
    expect(useStore.getState().rows[1]?.syncState).toBe('conflict');
  });
});
