import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from '../../src-renderer/logic/throttle';

/** A clock moved by hand, with the timers it fires. */
function manualTimers() {
  let now = 0;
  const due: { at: number; fn: () => void }[] = [];
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => due.push({ at: now + ms, fn }),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const timer of due.filter((t) => t.at <= now)) {
      due.splice(due.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('runs the first call at once and a burst after it once, at the end of the interval', () => {
    const { timers, advance } = manualTimers();
    let runs = 0;
    const recount = throttle(() => runs++, 3_000, timers);
    recount();
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i++) {
      advance(100);
      recount();
    }
    expect(runs).toBe(1);
    advance(999);
    expect(runs).toBe(1);
    advance(1);
    expect(runs).toBe(2);
    advance(5_000);
    expect(runs).toBe(2);
  });

  it('runs at once again once the interval has passed', () => {
    const { timers, advance } = manualTimers();
    let runs = 0;
    const recount = throttle(() => runs++, 3_000, timers);
    recount();
    advance(3_000);
    recount();
    expect(runs).toBe(2);
  });
});
