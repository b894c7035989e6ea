import { describe, expect, it } from 'vitest';
import type { LeadSummary } from '#contract';
import {
  addToOverlay,
  paintFields,
  paintRow,
  removeFromOverlay,
} from '../../src-renderer/logic/optimistic';

const row: LeadSummary = {
  id: 7,
  envokeId: '1007',
  contactName: 'Jane Roe',
  company: 'Acme Widgets',
  email: 'jane@acme.example',
  createTime: '2025-01-01 10:00:00',
  marketing_rating_status: 'Unprocessed',
  marketing_rating: '',
  sales_rating_status: '',
  sales_rating: '',
  opportunity: 'None',
  sale: 'None',
  salesperson: '',
  syncState: 'synced',
  goneFromEnvoke: false,
};

describe('optimistic paint', () => {
  it('shows a change at once and marks the row pending', () => {
    const overlay = addToOverlay({}, 1, [7], { marketing_rating_status: 'Passed to sales' });
    const painted = paintRow(row, overlay[7]);
    expect(painted.marketing_rating_status).toBe('Passed to sales');
    expect(painted.syncState).toBe('pending');
    expect(row.marketing_rating_status).toBe('Unprocessed');
  });

  it('applies later changes over earlier ones and lifts each on its own', () => {
    let overlay = addToOverlay({}, 1, [7], {
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Hot',
    });
    overlay = addToOverlay(overlay, 2, [7], { marketing_rating_status: 'Passed to sales' });
    expect(paintRow(row, overlay[7])).toMatchObject({
      marketing_rating_status: 'Passed to sales',
      marketing_rating: 'Hot',
    });
    overlay = removeFromOverlay(overlay, 2, [7]);
    expect(paintRow(row, overlay[7])).toMatchObject({
      marketing_rating_status: 'Deferred',
      marketing_rating: 'Hot',
    });
    overlay = removeFromOverlay(overlay, 1, [7]);
    expect(overlay[7]).toBeUndefined();
    expect(paintRow(row, overlay[7])).toBe(row);
  });

  it('touches only the leads a change names', () => {
    const overlay = addToOverlay({}, 1, [7, 8], { sales_rating: 'Cold' });
    expect(Object.keys(overlay).sort()).toEqual(['7', '8']);
    expect(removeFromOverlay(overlay, 1, [8])[7]).toHaveLength(1);
  });

  it('keeps a conflict visible under a new change', () => {
    const overlay = addToOverlay({}, 1, [7], { marketing_rating: 'Warm' });
    expect(paintRow({ ...row, syncState: 'conflict' }, overlay[7]).syncState).toBe('conflict');
  });

  it('paints fields the row does not show, such as notes, in the detail only', () => {
    const overlay = addToOverlay({}, 1, [7], { marketing_rating_note: 'Call back in May' });
    expect(paintRow(row, overlay[7])).not.toHaveProperty('marketing_rating_note');
    expect(paintFields({ marketing_rating_note: '', revenue: '10.00' }, overlay[7])).toEqual({
      marketing_rating_note: 'Call back in May',
      revenue: '10.00',
    });
  });
});
