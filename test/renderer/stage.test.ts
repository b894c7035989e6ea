import { describe, expect, it } from 'vitest';
import { MARKETING_STATUSES, SALES_STATUSES } from '#contract';
import { lifecycleStep, statusForKey } from '../../src-renderer/logic/stage';

describe('status keys', () => {
  it('follow Envoke’s documented order for each stage', () => {
    expect([1, 2, 3, 4, 5].map((n) => statusForKey('marketing', n))).toEqual([
      ...MARKETING_STATUSES,
    ]);
    expect([1, 2, 3, 4, 5].map((n) => statusForKey('sales', n))).toEqual([...SALES_STATUSES]);
    expect(statusForKey('marketing', 3)).toBe('Passed to sales');
    expect(statusForKey('sales', 3)).toBe('Rated good');
  });

  it('mean nothing outside 1-5', () => {
    expect(statusForKey('sales', 0)).toBeUndefined();
    expect(statusForKey('sales', 6)).toBeUndefined();
  });
});

describe('lifecycle', () => {
  const base = {
    marketing_rating_status: '',
    sales_rating_status: '',
    opportunity: 'None',
    sale: 'None',
  };

  it('places a lead at the furthest step it reached', () => {
    expect(lifecycleStep(base)).toBe('New lead');
    expect(lifecycleStep({ ...base, marketing_rating_status: 'Unprocessed' })).toBe('New lead');
    expect(lifecycleStep({ ...base, marketing_rating_status: 'Deferred' })).toBe('Marketing');
    expect(lifecycleStep({ ...base, marketing_rating_status: 'Passed to sales' })).toBe('Sales');
    expect(lifecycleStep({ ...base, sales_rating_status: 'Rated good' })).toBe('Sales');
    // Sales "Not applicable" is where a lead starts, not a step it reached.
    expect(
      lifecycleStep({
        ...base,
        marketing_rating_status: 'Unprocessed',
        sales_rating_status: 'Not applicable',
      }),
    ).toBe('New lead');
    expect(
      lifecycleStep({
        ...base,
        marketing_rating_status: 'Deferred',
        sales_rating_status: 'Not applicable',
      }),
    ).toBe('Marketing');
    expect(lifecycleStep({ ...base, opportunity: 'Yes' })).toBe('Opportunity');
    expect(lifecycleStep({ ...base, opportunity: 'Yes', sale: 'Yes' })).toBe('Sale');
  });
});
