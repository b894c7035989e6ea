/**
 * The session's event listeners, apart from whoever raises the events (the core session across
 * account switches, the core worker's proxy across restarts): a listener that throws is logged
 * and the others still hear the event.
 */
import type { EventPayload } from '#contract';
import type { Logger } from '../core';
import type { SessionEventName } from './open-core';

export interface EventRelay {
  emit(event: SessionEventName, payload: unknown): void;
  on<E extends SessionEventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void,
  ): () => void;
}

export function createEventRelay(logger: Logger): EventRelay {
  const listeners = new Map<SessionEventName, Set<(payload: unknown) => void>>();
  return {
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener(payload);
        } catch (error) {
          logger.error('An event listener failed', { event, error: String(error) });
        }
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as (payload: unknown) => void;
      set.add(entry);
      return () => void set.delete(entry);
    },
  };
}
