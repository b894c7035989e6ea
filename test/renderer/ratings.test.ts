/** Which rating values a stage offers, and in which order the keys get them. */
import { describe, expect, it } from 'vitest';
import {
  FIRST_RUN_RATINGS,
  keepOrder,
  ratingChoices,
  ratingForKey,
} from '../../src-renderer/logic/ratings';

const none = { marketing: [], sales: [] };

describe('ratingChoices', () => {
  it('offers the account’s values first, then the person’s, each once', () => {
    const account = { marketing: ['Warm', 'Hot'], sales: ['Contacted: Good'] };
    const added = { marketing: ['Hot', 'Lukewarm'], sales: [] };
    expect(ratingChoices('marketing', account, added)).toEqual(['Warm', 'Hot', 'Lukewarm']);
    expect(ratingChoices('sales', account, added)).toEqual(['Contacted: Good']);
    expect(ratingForKey(ratingChoices('marketing', account, added), 3)).toBe('Lukewarm');
    expect(ratingForKey(ratingChoices('sales', account, added), 2)).toBeUndefined();
  });

  it('falls back to Envoke’s documented values before any lead is rated', () => {
    expect(ratingChoices('sales', none, none)).toEqual(FIRST_RUN_RATINGS.sales);
    expect(ratingChoices('marketing', none, { marketing: ['A'], sales: [] })).toEqual(['A']);
  });
});

describe('keepOrder', () => {
  it('keeps the keys where they were when the counts change', () => {
    expect(keepOrder(['Warm', 'Hot', 'Cold'], ['Cold', 'Warm', 'Hot'])).toEqual([
      'Warm',
      'Hot',
      'Cold',
    ]);
  });

  it('adds new values at the end and drops values no lead carries', () => {
    expect(keepOrder(['Warm', 'Hot', 'Cold'], ['Left voicemail', 'Cold', 'Warm'])).toEqual([
      'Warm',
      'Cold',
      'Left voicemail',
    ]);
    expect(keepOrder([], ['Warm', 'Hot'])).toEqual(['Warm', 'Hot']);
  });
});
