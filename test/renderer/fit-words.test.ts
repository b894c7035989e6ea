/** Values cut at the end of a word, the rating before the status, neither vanishing. */
import { describe, expect, it } from 'vitest';
import { fitStage, shortenToWidth } from '../../src-renderer/logic/fit-words';

/** 6 px a character: enough to reason about. */
const measure = (text: string) => text.length * 6;
const both = { status: (text: string) => text.length * 6 + 14, rating: measure };

describe('shortenToWidth', () => {
  it('keeps what fits, else whole words and an ellipsis, at least the first word', () => {
    expect(shortenToWidth('Contact attempted', 200, measure)).toBe('Contact attempted');
    expect(shortenToWidth('Contact attempted', 60, measure)).toBe('Contact…');
    expect(shortenToWidth('Contacted: Good', 70, measure)).toBe('Contacted…');
    expect(shortenToWidth('Unable to contact', 60, measure)).toBe('Unable to…');
    // One word is kept whole: an ellipsis would drop nothing and only take more room.
    expect(shortenToWidth('Unprocessed', 20, measure)).toBe('Unprocessed');
  });
});

describe('fitStage', () => {
  it('shows both whole when they fit', () => {
    expect(fitStage('Rated good', 'Hot', 200, both, 6)).toEqual({
      status: 'Rated good',
      rating: 'Hot',
    });
  });

  it('shortens the rating first, then the status, each at a word’s end', () => {
    // Status 116 px whole; rating 102 px whole; 180 px for both.
    expect(fitStage('Contact attempted', 'Unable to contact', 180, both, 6)).toEqual({
      status: 'Contact attempted',
      rating: 'Unable…',
    });
    expect(fitStage('Contact attempted', 'Unable to contact', 120, both, 6)).toEqual({
      status: 'Contact…',
      rating: 'Unable…',
    });
    // A one-word rating stays whole: the status makes room for it.
    expect(fitStage('Passed to sales', 'Warm', 120, both, 6)).toEqual({
      status: 'Passed to…',
      rating: 'Warm',
    });
  });
});
