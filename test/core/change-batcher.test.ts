/** `leads:changed` while sync writes: at most every half second, "many" past the cap. */
import { describe, expect, it } from 'vitest';
import { ChangeBatcher } from '../../src-main/core/sync/change-batcher';
import { FakeClock } from './helpers';

function batcher(everyMs = 500, maxIds = 5) {
  const clock = new FakeClock();
  const announced: Array<number[] | null> = [];
  const changes = new ChangeBatcher(clock, (ids) => announced.push(ids), everyMs, maxIds);
  return { clock, announced, changes };
}

describe('ChangeBatcher', () => {
  it('announces the first change at once, then gathers until the interval has passed', () => {
    const { clock, announced, changes } = batcher();
    changes.note([1]);
    expect(announced).toEqual([[1]]);
    clock.advance(100);
    changes.note([2, 3]);
    clock.advance(100);
    changes.note([3, 4]);
    expect(announced).toEqual([[1]]);
    clock.advance(300);
    changes.note([5]);
    expect(announced).toEqual([[1], [2, 3, 4, 5]]);
  });

  it('a flush announces what is gathered at once, and nothing when nothing is', () => {
    const { clock, announced, changes } = batcher();
    changes.note([1]);
    clock.advance(10);
    changes.note([2]);
    changes.flush();
    changes.flush();
    expect(announced).toEqual([[1], [2]]);
  });

  it('past the cap it says "many" (null) instead of listing ids', () => {
    const { clock, announced, changes } = batcher(500, 3);
    changes.note([1]);
    clock.advance(1);
    changes.note([2, 3, 4, 5]);
    changes.flush();
    expect(announced).toEqual([[1], null]);
    // The next batch starts afresh.
    clock.advance(500);
    changes.note([6]);
    expect(announced).toEqual([[1], null, [6]]);
  });
});
