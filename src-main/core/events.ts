/** The core's event bus: typed, synchronous, and a failing listener never breaks the core. */
import type { EventPayload } from '#contract/events';
import type { CoreEventName, Logger } from './api';

type Listener<E extends CoreEventName> = (payload: EventPayload<E>) => void;

export class CoreEvents {
  private readonly listeners = new Map<CoreEventName, Set<Listener<CoreEventName>>>();

  constructor(private readonly logger: Logger) {}

  on<E extends CoreEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (set === undefined) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener<CoreEventName>);
    return () => set.delete(listener as Listener<CoreEventName>);
  }

  emit<E extends CoreEventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        this.logger.error('An event listener failed', { event, error: String(error) });
      }
    }
  }
}
