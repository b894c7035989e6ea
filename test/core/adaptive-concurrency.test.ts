/**
 * How many pages a full pull keeps in flight: from two, one more per fast clean answer up to the
 * ceiling, halved once per burst of refusals, then grown by one per round trip.
 */
import { describe, expect, it } from 'vitest';
import {
  AdaptiveConcurrency,
  MAX_IN_FLIGHT,
  START_IN_FLIGHT,
} from '../../src-main/core/sync/adaptive-concurrency';

describe('adaptive concurrency', () => {
  it('starts at two and adds one per fast clean answer, up to the ceiling', () => {
    const window = new AdaptiveConcurrency();
    expect(window.limit).toBe(START_IN_FLIGHT);
    expect(START_IN_FLIGHT).toBe(2);
    window.answered(100);
    window.answered(100);
    expect(window.limit).toBe(4);
    for (let i = 0; i < 100; i += 1) window.answered(100);
    expect(window.limit).toBe(MAX_IN_FLIGHT);
  });

  it('does not grow on answers well over the fastest seen', () => {
    const window = new AdaptiveConcurrency();
    window.answered(100);
    expect(window.limit).toBe(3);
    window.answered(560); // over 3 x 100 + 250
    window.answered(900);
    expect(window.limit).toBe(3);
    window.answered(540); // within
    expect(window.limit).toBe(4);
  });

  it('halves once per burst: refusals of requests sent before the halving are the same burst', () => {
    const window = new AdaptiveConcurrency();
    for (let i = 0; i < 6; i += 1) window.answered(50);
    expect(window.limit).toBe(8);
    const burst = window.epoch;
    expect(window.refused(burst)).toBe(true);
    expect(window.limit).toBe(4);
    // Three more of the eight that were in flight come back refused: no further halving.
    expect(window.refused(burst)).toBe(false);
    expect(window.refused(burst)).toBe(false);
    expect(window.limit).toBe(4);
    // A request sent after the halving and refused is news.
    expect(window.refused(window.epoch)).toBe(true);
    expect(window.limit).toBe(2);
  });

  it('after a halving, grows by one per round trip of clean answers, not per answer', () => {
    const window = new AdaptiveConcurrency();
    for (let i = 0; i < 6; i += 1) window.answered(50);
    window.refused(window.epoch);
    expect(window.limit).toBe(4);
    for (let i = 0; i < 3; i += 1) window.answered(50);
    expect(window.limit).toBe(4);
    window.answered(50);
    expect(window.limit).toBe(5);
    for (let i = 0; i < 5; i += 1) window.answered(50);
    expect(window.limit).toBe(6);
  });

  it('never goes below one, and a fixed window stays fixed', () => {
    const window = new AdaptiveConcurrency();
    for (let i = 0; i < 5; i += 1) window.refused(window.epoch);
    expect(window.limit).toBe(1);
    const one = new AdaptiveConcurrency({ start: 1, max: 1 });
    for (let i = 0; i < 10; i += 1) one.answered(10);
    expect(one.limit).toBe(1);
  });
});
