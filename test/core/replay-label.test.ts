import { describe, expect, it } from 'vitest';
import { describeReplay } from '../../src-main/core/triage/replay-label';

describe('describeReplay', () => {
  it('says which value came back on undo', () => {
    expect(describeReplay('undo', [{ leadId: 1, values: { sales_rating_note: '' } }], [])).toBe(
      'Undone: sales note cleared',
    );
    expect(describeReplay('undo', [{ leadId: 1, values: { marketing_rating: 'Warm' } }], [])).toBe(
      'Undone: marketing rating back to Warm',
    );
  });

  it('quotes free text and shortens it on redo', () => {
    const note = 'Called Jane, she wants a quote for the\nwhole team by Friday afternoon';
    expect(describeReplay('redo', [{ leadId: 1, values: { sales_rating_note: note } }], [])).toBe(
      'Redone: sales note set to “Called Jane, she wants a quote for the…”',
    );
    expect(
      describeReplay('redo', [{ leadId: 1, values: { sales_rating_status: 'Rated good' } }], []),
    ).toBe('Redone: sales status set to Rated good');
  });

  it('names every field and how many leads', () => {
    const replayed = [
      { leadId: 1, values: { marketing_rating_status: 'Unprocessed', marketing_rating: 'Hot' } },
      { leadId: 2, values: { marketing_rating_status: 'Unprocessed', marketing_rating: 'Cold' } },
    ];
    expect(describeReplay('undo', replayed, [])).toBe(
      'Undone: marketing status back to Unprocessed, marketing rating back to earlier values on 2 leads',
    );
    expect(describeReplay('redo', replayed, [])).toBe(
      'Redone: marketing status set to Unprocessed, marketing rating set again on 2 leads',
    );
  });

  it('says when nothing came back because the fields changed since', () => {
    expect(describeReplay('undo', [], ['marketing_rating'])).toBe(
      'Nothing undone: marketing rating was changed since',
    );
    expect(describeReplay('redo', [], ['sale', 'revenue'])).toBe(
      'Nothing redone: sale, revenue were changed since',
    );
  });
});
