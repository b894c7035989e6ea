/** Which rating values a stage offers, and in which order the keys get them. */
import { describe, expect, it } from 'vitest';
import {
  FIRST_RUN_RATINGS,
  keepOrder,
  pickerOrder,
  ratingChoices,
  ratingsOnKeys,
} from '../../src-renderer/logic/ratings';

const none = { marketing: [], sales: [] };

describe('ratingChoices', () => {
  it('offers the account’s values first, then the person’s, each once', () => {
    const account = { marketing: ['Warm', 'Hot'], sales: ['Contacted: Good'] };
    const added = { marketing: ['Hot', 'Lukewarm'], sales: [] };
    expect(ratingChoices('marketing', account, added)).toEqual(['Warm', 'Hot', 'Lukewarm']);
    expect(ratingChoices('sales', account, added)).toEqual(['Contacted: Good']);
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

describe('ratingsOnKeys', () => {
  it('puts a value on the key of its first letter: h Hot, w Warm, c Cold, whatever the use', () => {
    expect(ratingsOnKeys(['Warm', 'Cold', 'Hot'], ['h', 'w', 'c'])).toEqual([
      'Hot',
      'Warm',
      'Cold',
    ]);
  });

  it('gives the other keys the remaining values, most used first', () => {
    expect(
      ratingsOnKeys(['Contacted: Good', 'Unable to contact', 'Contacted: Bad'], ['h', 'w', 'c']),
    ).toEqual(['Unable to contact', 'Contacted: Bad', 'Contacted: Good']);
    expect(ratingsOnKeys(['A', 'B'], ['h', 'w', 'c'])).toEqual(['A', 'B', undefined]);
  });

  it('follows the person’s own keys, and a key left unbound sets nothing', () => {
    expect(ratingsOnKeys(['Warm', 'Cold', 'Hot'], ['1', undefined, 'Shift+c'])).toEqual([
      'Warm',
      undefined,
      'Cold',
    ]);
  });
});

describe('pickerOrder', () => {
  it('numbers the values on h, w and c first, in the keys’ order, then the rest by use', () => {
    expect(pickerOrder(['Warm', 'Cold', 'Hot', 'Lukewarm'], ['Hot', 'Warm', 'Cold'])).toEqual([
      'Hot',
      'Warm',
      'Cold',
      'Lukewarm',
    ]);
    expect(pickerOrder(['A', 'B'], ['B', undefined, undefined])).toEqual(['B', 'A']);
  });
});
