/** What `z` undoes: the last thing done on this screen, or it asks first. */
import { describe, expect, it } from 'vitest';
import type { SavedView } from '#contract';
import { askSentence, UndoOrder } from '../../src-renderer/logic/undo-order';

const view: SavedView = {
  id: 7,
  name: 'Hot in Ohio',
  query: 'rating:hot',
  sort: '-created',
  position: 1,
};

describe('undo order', () => {
  it('brings back a view deleted after a bulk change, then undoes the change', () => {
    const order = new UndoOrder();
    order.leadChange();
    order.viewDeleted(view);
    expect(order.next(1_000)).toEqual({ kind: 'view', view });
    expect(order.next(2_000)).toEqual({ kind: 'core' });
  });

  it('asks before undoing a change made before this screen opened, and does it on the second key', () => {
    const order = new UndoOrder();
    expect(order.next(1_000)).toEqual({ kind: 'ask', about: null });
    expect(order.next(3_000)).toEqual({ kind: 'core' });
    // Asked too long ago: it asks again.
    expect(order.next(4_000)).toEqual({ kind: 'ask', about: null });
    expect(order.next(60_000)).toEqual({ kind: 'ask', about: null });
  });

  it('asks before reaching past something undo does not cover', () => {
    const order = new UndoOrder();
    order.leadChange();
    order.other();
    expect(order.next(1_000)).toEqual({ kind: 'ask', about: { kind: 'leads' } });
    expect(order.next(1_500)).toEqual({ kind: 'core' });
    order.leadChange();
    expect(order.next(2_000)).toEqual({ kind: 'core' });
  });

  it('says what the key would undo', () => {
    const at = new Date(Date.UTC(2026, 0, 1, 12, 0)).toISOString();
    const now = Date.parse(at) + 12 * 60_000;
    expect(askSentence('z', null, { label: 'Marketing rating → Hot (3 leads)', at }, now)).toBe(
      'Press z again to undo: Marketing rating → Hot (3 leads), made 12 min ago.',
    );
    expect(askSentence('z', { kind: 'view', view }, null, now)).toBe(
      'Press z again to bring back the deleted view “Hot in Ohio”.',
    );
    expect(askSentence('z', null, null, now)).toBe('Nothing to undo.');
  });
});
