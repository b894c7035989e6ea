import { beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '#contract';
import { keyContextOf } from '../../src-renderer/store/ui-slice';
import { selectCurrentId, targetIds, useStore } from '../../src-renderer/store/store';

const initial = useStore.getState();
const syncedStatus: SyncStatus = {
  state: 'idle',
  pending: 0,
  failed: 0,
  conflicts: 0,
  progress: null,
  lastSyncAt: '2025-06-01T12:00:00Z',
  lastError: null,
  nextRetryAt: null,
};

describe('list state', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('keeps the current lead current when the view’s ids change around it', () => {
    const store = useStore.getState();
    store.setIds([10, 11, 12, 13]);
    store.setCursor(2);
    store.setIds([9, 10, 11, 12, 13]);
    expect(selectCurrentId(useStore.getState())).toBe(12);
  });

  it('stays at the top while the first download fills the list, until the person moves or acts', () => {
    const store = useStore.getState();
    store.setIds([10, 11]);
    store.setIds([9, 10, 11]);
    expect(selectCurrentId(useStore.getState())).toBe(9);
    store.paint(1, [9], { marketing_rating: 'Hot' });
    store.setIds([8, 9, 10, 11]);
    expect(selectCurrentId(useStore.getState())).toBe(9);
  });

  it('stays at the top of a window opened before any sync, through pages that come after the sync said it was done', () => {
    const store = useStore.getState();
    store.setSync({ ...syncedStatus, state: 'syncing', lastSyncAt: null });
    store.setIds([10, 11]);
    store.setSync(syncedStatus);
    store.setIds([8, 9, 10, 11]);
    expect(selectCurrentId(useStore.getState())).toBe(8);
    store.setCursor(1);
    store.setIds([7, 8, 9, 10, 11]);
    expect(selectCurrentId(useStore.getState())).toBe(9);
  });

  it('keeps the first lead current after the first sync, when a new lead arrives above it', () => {
    const store = useStore.getState();
    store.setSync(syncedStatus);
    store.setIds([10, 11]);
    store.setIds([9, 10, 11]);
    expect(selectCurrentId(useStore.getState())).toBe(10);
  });

  it('stays at the same place when the current lead leaves the view', () => {
    const store = useStore.getState();
    store.setIds([10, 11, 12, 13]);
    store.setCursor(1);
    store.setIds([10, 12, 13]);
    expect(selectCurrentId(useStore.getState())).toBe(12);
    store.setIds([10]);
    expect(selectCurrentId(useStore.getState())).toBe(10);
  });

  it('never moves the cursor past either end', () => {
    const store = useStore.getState();
    store.setIds([1, 2, 3]);
    store.setCursor(-4);
    expect(useStore.getState().cursor).toBe(0);
    store.setCursor(99);
    expect(useStore.getState().cursor).toBe(2);
  });

  it('aims triage keys at the bulk selection when there is one, else at the current lead', () => {
    const store = useStore.getState();
    store.setIds([1, 2, 3]);
    store.setCursor(1);
    expect(targetIds(useStore.getState())).toEqual([2]);
    store.toggleBulk(1);
    store.toggleBulk(3);
    expect(targetIds(useStore.getState()).sort()).toEqual([1, 3]);
    store.toggleBulk(3);
    expect(targetIds(useStore.getState())).toEqual([1]);
    store.clearBulk();
    expect(targetIds(useStore.getState())).toEqual([2]);
  });

  it('drops the bulk selection when the view changes', () => {
    const store = useStore.getState();
    store.setIds([1, 2]);
    store.toggleBulk(1);
    store.setView('pending');
    expect(useStore.getState().bulk).toEqual({});
  });
});

describe('keyboard context', () => {
  it('belongs to the list with nothing open, to the top panel otherwise', () => {
    expect(keyContextOf([])).toBe('list');
    expect(keyContextOf([{ kind: 'outbox' }])).toBe('outbox');
    expect(keyContextOf([{ kind: 'outbox' }, { kind: 'conflict', leadId: 1 }])).toBe('conflict');
  });

  it('goes to no shortcut while a form or the palette is open: they take their own keys', () => {
    expect(keyContextOf([{ kind: 'palette' }])).toBeNull();
    expect(keyContextOf([{ kind: 'settings' }])).toBeNull();
    expect(keyContextOf([{ kind: 'new-lead' }])).toBeNull();
  });
});

describe('id refreshes', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('keep the same array when nothing changed, so the list does not redraw', () => {
    const store = useStore.getState();
    store.setIds([1, 2, 3]);
    const first = useStore.getState().ids;
    store.setIds([1, 2, 3]);
    expect(useStore.getState().ids).toBe(first);
    store.setIds([1, 3]);
    expect(useStore.getState().ids).toEqual([1, 3]);
  });
});

describe('messages', () => {
  beforeEach(() => useStore.setState(initial, true));

  const texts = () => useStore.getState().toasts.map((toast) => toast.text);

  it('show the same sentence once, however often it is said', () => {
    const store = useStore.getState();
    store.addToast('info', 'Syncing with Envoke…');
    store.addToast('info', 'Undone: Marketing rating → Hot');
    store.addToast('info', 'Syncing with Envoke…');
    expect(texts()).toEqual(['Undone: Marketing rating → Hot', 'Syncing with Envoke…']);
  });

  it('keep only the latest three', () => {
    const store = useStore.getState();
    for (const n of [1, 2, 3, 4]) store.addToast('info', `Message ${n}`);
    expect(texts()).toEqual(['Message 2', 'Message 3', 'Message 4']);
  });
});
