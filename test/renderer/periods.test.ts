/** The pipeline's periods as day ranges, from any "today". */
import { describe, expect, it } from 'vitest';
import { periodRange } from '../../src-renderer/logic/periods';

describe('pipeline periods', () => {
  // A Thursday late in November.
  const today = new Date(2026, 10, 26, 15, 30);

  it.each([
    ['week', '2026-11-23'],
    ['month', '2026-11-01'],
    ['quarter', '2026-10-01'],
    ['year', '2025-11-26'],
  ] as const)('%s starts on %s and ends today', (kind, from) => {
    expect(periodRange(kind, today)).toEqual({ from, to: '2026-11-26' });
  });

  it('a week seen on a Sunday starts the Monday before', () => {
    expect(periodRange('week', new Date(2026, 10, 29)).from).toBe('2026-11-23');
  });

  it('a quarter in its first month starts that month', () => {
    expect(periodRange('quarter', new Date(2026, 0, 5)).from).toBe('2026-01-01');
  });
});
