/**
 * The one event emitter. The core raises its events on one (core/events.ts), the session relays
 * the current core's onto the channel's, and the page's browser channel hands the stream's events
 * to its listeners through one. Synchronous and typed by an event map; a listener that throws is
 * reported and the others still hear the event, so no listener can break whoever emitted it.
 */

export type Listener<Payload> = (payload: Payload) => void;

export interface Emitter<Events extends object> {
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
}

/** Hears of a listener that threw; the emitter goes on with the others. */
export type ListenerFailure = (event: string, error: unknown) => void;

interface ErrorLog {
  error(message: string, detail?: Record<string, unknown>): void;
}

/** A failing listener written to a log, with the event it failed on. */
export function logListenerFailures(logger: ErrorLog): ListenerFailure {
  return (event, error) =>
    logger.error('An event listener failed', { event, error: String(error) });
}

export function createEmitter<Events extends object>(
  onListenerError: ListenerFailure,
): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as Listener<never>;
      set.add(entry);
      return () => void set.delete(entry);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as Listener<unknown>)(payload);
        } catch (error) {
          onListenerError(String(event), error);
        }
      }
    },
  };
}
