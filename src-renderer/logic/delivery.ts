/** How a change's delivery to Envoke reads on its activity entry. */
import type { DeliveryState } from '#contract';

export function deliveryLabel(delivery: DeliveryState, note: string | null): string {
  switch (delivery) {
    case 'queued':
      return note ? `Waiting to send · last try: ${note}` : 'Waiting to send';
    case 'sent':
      return note ? `Sent to Envoke · ${note}` : 'Sent to Envoke';
    case 'failed':
      return note ? `Not sent: ${note}` : 'Not sent: Envoke refused it';
    case 'conflict':
      return `Conflict: Envoke has ${note || '(empty)'} · choose which to keep`;
    case 'unsent':
      return note ? `Not sent · ${note}` : 'Not sent';
  }
}
