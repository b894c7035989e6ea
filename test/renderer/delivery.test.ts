import { describe, expect, it } from 'vitest';
import { deliveryLabel } from '../../src-renderer/logic/delivery';

describe('deliveryLabel', () => {
  it('says where a change stands with Envoke', () => {
    expect(deliveryLabel('queued', null)).toBe('Waiting to send');
    expect(deliveryLabel('queued', 'Envoke did not answer in time.')).toBe(
      'Waiting to send · last try: Envoke did not answer in time.',
    );
    expect(deliveryLabel('sent', null)).toBe('Sent to Envoke');
    expect(deliveryLabel('sent', 'Envoke id 1201')).toBe('Sent to Envoke · Envoke id 1201');
    expect(deliveryLabel('failed', 'Envoke rejected the request: locked.')).toBe(
      'Not sent: Envoke rejected the request: locked.',
    );
    expect(deliveryLabel('conflict', 'Cold')).toBe(
      'Conflict: Envoke has Cold · choose which to keep',
    );
    expect(deliveryLabel('conflict', '')).toBe(
      'Conflict: Envoke has (empty) · choose which to keep',
    );
    expect(deliveryLabel('unsent', 'undone')).toBe('Not sent · undone');
  });
});
