/** When the engine pulls, as plain transitions: the moments are given, no timer runs. */
import { describe, expect, it } from 'vitest';
import {
  FULL_PULL_EVERY_MS,
  NEW_LEADS_EVERY_MS,
  PullSchedule,
} from '../../src-main/core/sync/pull-schedule';

const T0 = 5_000_000_000;

describe('PullSchedule', () => {
  it('pulls everything first, then new leads every few minutes, everything again every half hour', () => {
    const pulls = new PullSchedule();
    expect(pulls.due(T0, null, true)).toBe('full');
    pulls.pulled(T0);
    const lastFull = T0;
    expect(pulls.due(T0 + 1, lastFull, true)).toBeNull();
    expect(pulls.nextAt(lastFull)).toBe(T0 + NEW_LEADS_EVERY_MS);
    expect(pulls.due(T0 + NEW_LEADS_EVERY_MS, lastFull, true)).toBe('new');
    pulls.pulled(T0 + FULL_PULL_EVERY_MS - 1);
    expect(pulls.due(T0 + FULL_PULL_EVERY_MS, lastFull, true)).toBe('full');
  });

  it('a pull asked for goes first, a full one wins over a quick one, and is made once', () => {
    const pulls = new PullSchedule();
    pulls.pulled(T0);
    pulls.want('new');
    expect(pulls.due(T0 + 1, T0, true)).toBe('new');
    pulls.want('full');
    pulls.want('new');
    expect(pulls.due(T0 + 1, T0, true)).toBe('full');
    pulls.done();
    expect(pulls.due(T0 + 1, T0, true)).toBeNull();
  });

  it('before background sync starts, only a pull asked for is due', () => {
    const pulls = new PullSchedule();
    expect(pulls.due(T0, null, false)).toBeNull();
    pulls.want('full');
    expect(pulls.due(T0, null, false)).toBe('full');
  });
});
