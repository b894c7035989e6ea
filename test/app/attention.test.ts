// The badge and the notifications, driven by the sync statuses a real session would emit.
import { describe, expect, it, vi } from 'vitest';
import { badgeCount, problemNotice, watchAttention } from '../../src-main/app/attention';
import type { EventPayload } from '#contract';

type Status = EventPayload<'sync:status'>;

function statuses() {
  let listener: ((status: Status) => void) | null = null;
  const base = { pending: 0, failed: 0, conflicts: 0 };
  return {
    subscribe(next: (status: Status) => void) {
      listener = next;
      return () => (listener = null);
    },
    emit: (counts: Partial<typeof base>) => listener?.({ ...base, ...counts } as unknown as Status),
    get attached() {
      return listener !== null;
    },
  };
}

describe('badge', () => {
  it('counts pending, failed and conflicts, and is set only when it changes', () => {
    expect(badgeCount({ pending: 2, failed: 1, conflicts: 3 })).toBe(6);
    const source = statuses();
    const setBadge = vi.fn();
    const stop = watchAttention({
      subscribe: source.subscribe,
      setBadge,
      notify: vi.fn(),
      notificationsWanted: () => true,
    });
    source.emit({ pending: 2 });
    source.emit({ pending: 2 });
    source.emit({ pending: 1, failed: 1, conflicts: 1 });
    source.emit({});
    expect(setBadge.mock.calls).toEqual([[2], [3], [0]]);
    stop();
    expect(source.attached).toBe(false);
  });
});

describe('notifications', () => {
  it('tell of new conflicts and refused changes, not of what was already there at start', () => {
    const source = statuses();
    const notify = vi.fn();
    watchAttention({
      subscribe: source.subscribe,
      setBadge: vi.fn(),
      notify,
      notificationsWanted: () => true,
    });
    source.emit({ conflicts: 2, failed: 1 });
    expect(notify).not.toHaveBeenCalled();
    source.emit({ conflicts: 3, failed: 1 });
    source.emit({ conflicts: 3, failed: 3 });
    source.emit({ conflicts: 1, failed: 0 });
    expect(notify.mock.calls).toEqual([
      [
        {
          title: '1 new conflict',
          body: '1 lead was also changed in Envoke: choose which value to keep.',
        },
      ],
      [
        {
          title: '2 changes refused',
          body: 'Envoke refused 2 changes: open the outbox to fix or discard.',
        },
      ],
    ]);
  });

  it('say both at once when one sync brings both', () => {
    expect(problemNotice({ conflicts: 0, failed: 0 }, { conflicts: 2, failed: 1 })).toEqual({
      title: 'Sync needs you',
      body: '2 leads were also changed in Envoke: choose which value to keep. Envoke refused 1 change: open the outbox to fix or discard.',
    });
  });

  it('stay quiet when the person turned them off, while the badge still counts', () => {
    const source = statuses();
    const notify = vi.fn();
    const setBadge = vi.fn();
    let wanted = false;
    watchAttention({
      subscribe: source.subscribe,
      setBadge,
      notify,
      notificationsWanted: () => wanted,
    });
    source.emit({});
    source.emit({ conflicts: 1 });
    expect(notify).not.toHaveBeenCalled();
    expect(setBadge).toHaveBeenLastCalledWith(1);
    wanted = true;
    source.emit({ conflicts: 2 });
    expect(notify).toHaveBeenCalledOnce();
  });
});
