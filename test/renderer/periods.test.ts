/** The pipeline's periods as day ranges, from any "today". */
import { describe, expect, it } from 'vitest';
import { periodProblem, periodRange } from '../../src-renderer/logic/periods';

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

describe('a custom period', () => {
  it('is counted when both days are written YYYY-MM-DD, the earlier first', () => {
    expect(periodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(periodProblem({ from: '2025-12-31', to: '2026-01-31' })).toBeNull();
  });

  it('says what is wrong otherwise, in one sentence', () => {
    expect(periodProblem({ from: '2026-02-01', to: '2026-01-01' })).toBe(
      'The period ends before it starts: make From the earlier day.',
    );
    expect(periodProblem({ from: '01/02/2026', to: '2026-01-01' })).toBe(
      'From: write the day as YYYY-MM-DD, such as 2026-09-01.',
    );
    expect(periodProblem({ from: '2026-01-01', to: '2026-02-30' })).toBe(
      'To: write the day as YYYY-MM-DD, such as 2026-09-01.',
    );
  });
});
