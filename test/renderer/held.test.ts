/**
 * A lead the person's own key takes out of the view stays in place until the cursor moves, so the
 * next key acts on it too. These drive the store through the sequences a person and a sync make.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '#contract';
import { keepHeldInPlace, landingIndex, movedLabel } from '../../src-renderer/logic/held';
import { memberIds, selectCurrentId, targetIds, useStore } from '../../src-renderer/store/store';

const initial = useStore.getState();
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
const STATUS = ['marketing_rating_status'] as const;
const RATING = ['marketing_rating'] as const;

const state = () => useStore.getState();
const current = () => selectCurrentId(state());
const move = (step: number) => state().setCursor(state().cursor + step);

describe('a lead that leaves the view by the person’s key', () => {
  beforeEach(() => {
    useStore.setState(initial, true);
    state().setSync(synced);
    state().setIds([1, 2, 3, 4]);
  });

  it('status then rating: the rating lands on the lead just passed, not the next one', () => {
    state().setCursor(0);
    state().hold([1], STATUS);
    // The view's refresh after the change: lead 1 is no longer in "Marketing: new".
    state().setIds([2, 3, 4]);
    expect(state().ids).toEqual([1, 2, 3, 4]);
    expect(state().movedOut).toEqual({ 1: true });
    expect(current()).toBe(1);
    expect(targetIds(state())).toEqual([1]);
    state().hold([1], RATING);
    state().setIds([2, 3, 4]);
    expect(current()).toBe(1);
    // Moving on lets it go: the cursor lands on the lead that followed it.
    move(1);
    expect(state().ids).toEqual([2, 3, 4]);
    expect(current()).toBe(2);
    expect(state().held).toEqual({});
    expect(state().movedOut).toEqual({});
  });

  it('moving up from a held lead lands on the lead above it; a key that does not move keeps it', () => {
    state().setCursor(2);
    state().hold([3], STATUS);
    state().setIds([1, 2, 4]);
    move(-1);
    expect(state().ids).toEqual([1, 2, 4]);
    expect(current()).toBe(2);

    state().setCursor(2);
    state().hold([4], STATUS);
    state().setIds([1, 2]);
    // `j` on the last lead moves nowhere: the lead stays for more keys.
    move(1);
    expect(state().ids).toEqual([1, 2, 4]);
    expect(current()).toBe(4);
    move(-1);
    expect(state().ids).toEqual([1, 2]);
    expect(current()).toBe(2);
  });

  it('bulk status then rating: the selection stays whole and in place until the cursor moves', () => {
    state().setCursor(0);
    state().toggleBulk(2);
    state().toggleBulk(3);
    state().hold([2, 3], STATUS);
    state().setIds([1, 4]);
    expect(state().ids).toEqual([1, 2, 3, 4]);
    expect(targetIds(state()).sort()).toEqual([2, 3]);
    expect(state().toasts).toEqual([]);
    state().hold([2, 3], RATING);
    move(1);
    expect(state().ids).toEqual([1, 4]);
    expect(current()).toBe(4);
    expect(state().bulk).toEqual({});
    expect(state().toasts.map((toast) => toast.text)).toEqual([
      '2 leads left this view and the selection',
    ]);
  });

  it('undo before moving brings the lead back into the view where it stands', () => {
    state().setCursor(1);
    state().hold([2], STATUS);
    state().setIds([1, 3, 4]);
    expect(state().movedOut).toEqual({ 2: true });
    state().setIds([1, 2, 3, 4]);
    expect(state().movedOut).toEqual({});
    expect(current()).toBe(2);
    move(1);
    expect(state().ids).toEqual([1, 2, 3, 4]);
    expect(current()).toBe(3);
  });

  it('undo after moving on: the lead comes back and the cursor can go to it', () => {
    state().setCursor(1);
    state().hold([2], STATUS);
    state().setIds([1, 3, 4]);
    move(1);
    expect(current()).toBe(3);
    state().setIds([1, 2, 3, 4]);
    expect(current()).toBe(3);
    state().setCursor(state().ids.indexOf(2));
    expect(current()).toBe(2);
    expect(state().movedOut).toEqual({});
  });

  it('a sync meanwhile (a new lead on top, another gone) keeps the held lead where it was', () => {
    state().setCursor(1);
    state().hold([2], STATUS);
    state().setIds([1, 3, 4]);
    state().setIds([0, 1, 4]);
    expect(state().ids).toEqual([0, 1, 2, 4]);
    expect(current()).toBe(2);
    expect(memberIds(state())).toEqual([0, 1, 4]);
    move(1);
    expect(state().ids).toEqual([0, 1, 4]);
    expect(current()).toBe(4);
  });

  it('a held lead at the top stays at the top when the leads around it change', () => {
    state().setCursor(0);
    state().hold([1], STATUS);
    state().setIds([5, 2, 3, 4]);
    expect(state().ids).toEqual([1, 5, 2, 3, 4]);
    expect(current()).toBe(1);
  });

  it('another view or search lets every held lead go', () => {
    state().hold([1], STATUS);
    state().setIds([2, 3, 4]);
    state().setSearch('acme');
    expect(state().held).toEqual({});
    expect(state().movedOut).toEqual({});
  });
});

describe('held-lead rules', () => {
  it('put missing held leads back after the nearest listed lead above them', () => {
    expect(keepHeldInPlace([1, 2, 3, 4], [1, 3, 4], new Set([2]))).toEqual([1, 2, 3, 4]);
    expect(keepHeldInPlace([1, 2, 3, 4], [3, 4], new Set([1, 2]))).toEqual([1, 2, 3, 4]);
    expect(keepHeldInPlace([1, 2, 3, 4], [1, 4], new Set([2, 3]))).toEqual([1, 2, 3, 4]);
    const members = [1, 2, 3];
    expect(keepHeldInPlace([1, 2, 3], members, new Set([2]))).toBe(members);
  });

  it('land the cursor on the next lead that stays, in the direction of the move', () => {
    const gone = new Set([2, 3]);
    expect(landingIndex([1, 2, 3, 4], 1, 2, gone)).toBe(1);
    expect(landingIndex([1, 2, 3, 4], 2, 1, gone)).toBe(0);
    expect(landingIndex([1, 2, 3], 0, 1, gone)).toBe(0);
    expect(landingIndex([2, 3], 0, 1, gone)).toBe(0);
  });

  it('say where the lead went, by its status first', () => {
    const row = {
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
    } as unknown as Parameters<typeof movedLabel>[0];
    expect(movedLabel(row, ['marketing_rating', 'marketing_rating_status'])).toBe(
      'moved to Passed to sales',
    );
    expect(movedLabel(row, ['marketing_rating'])).toBe('moved to Hot');
    expect(movedLabel(undefined, ['marketing_rating'])).toBe('moved out of this view');
  });
});
