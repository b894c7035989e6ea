import { beforeEach, describe, expect, it } from 'vitest';
import {
  bulkChangeMessage,
  keepListed,
  leftSelectionMessage,
} from '../../src-renderer/logic/selection';
import { targetIds, useStore } from '../../src-renderer/store/store';

const initial = useStore.getState();
const toasts = () => useStore.getState().toasts.map((toast) => toast.text);

describe('keepListed', () => {
  it('keeps only the selected leads still in the list, and counts the others', () => {
    const kept = keepListed({ 1: true, 2: true, 3: true }, [3, 4, 1]);
    expect(kept.bulk).toEqual({ 1: true, 3: true });
    expect(kept.left).toBe(1);
  });

  it('returns the same selection when every lead is still listed', () => {
    const bulk = { 5: true } as const;
    expect(keepListed(bulk, [4, 5]).bulk).toBe(bulk);
    expect(keepListed({}, []).left).toBe(0);
  });
});

describe('selection messages', () => {
  it('says how many leads left, and how many a bulk key changed', () => {
    expect(leftSelectionMessage(2)).toBe('2 leads left this view and the selection');
    expect(leftSelectionMessage(1)).toBe('1 lead left this view and the selection');
    expect(bulkChangeMessage(3, 3, 'Hot')).toBe('Marked 3 leads Hot');
    expect(bulkChangeMessage(3, 2, 'Deferred')).toBe('Marked 2 leads Deferred; 1 lead already was');
  });
});

describe('the store’s selection', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('drops selected leads that leave the view, says so, and never targets them', () => {
    const store = useStore.getState();
    store.setIds([10, 11, 12, 13]);
    store.toggleBulk(10);
    store.toggleBulk(11);
    expect(targetIds(useStore.getState()).sort()).toEqual([10, 11]);

    // A change moved 10 and 11 out of the view: the next key acts on the current lead only.
    store.setIds([12, 13]);
    expect(useStore.getState().bulk).toEqual({});
    expect(targetIds(useStore.getState())).toEqual([12]);
    expect(toasts()).toContain('2 leads left this view and the selection');
  });

  it('keeps the selected leads still in the view and says how many left', () => {
    const store = useStore.getState();
    store.setIds([10, 11, 12]);
    store.toggleBulk(10);
    store.toggleBulk(12);
    store.setIds([11, 12]);
    expect(useStore.getState().bulk).toEqual({ 12: true });
    expect(toasts()).toEqual(['1 lead left this view and the selection']);
  });

  it('targets only listed leads even before the list learns that one left', () => {
    useStore.setState({ ids: [1, 2], bulk: { 2: true, 7: true } });
    expect(targetIds(useStore.getState())).toEqual([2]);
  });

  it('empties the selection on a view switch and says so', () => {
    const store = useStore.getState();
    store.setIds([10, 11]);
    store.toggleBulk(10);
    store.setView('won');
    expect(useStore.getState().bulk).toEqual({});
    expect(toasts()).toEqual(['1 lead left this view and the selection']);
  });

  it('selects only leads in the list', () => {
    const store = useStore.getState();
    store.setIds([10]);
    store.toggleBulk(99);
    expect(useStore.getState().bulk).toEqual({});
  });
});
