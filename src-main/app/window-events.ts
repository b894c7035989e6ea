/**
 * Core events and menu actions to the window, on the one event channel the preload listens to.
 */
import type { EventName, EventPayload } from '#contract';
import { EVENT_CHANNEL } from '#contract/bridge-channels';
import type { CoreSession } from '../session/core-session';

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export function sendEvent<E extends EventName>(target: EventTarget, event: E, payload: EventPayload<E>): void {
  // The window may close while the core still reports (a sync finishing during quit).
  if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event, payload);
}

/** Forwards the session's events until the returned function is called. */
export function forwardCoreEvents(session: CoreSession, target: EventTarget): () => void {
  const stops = [
    session.on('sync:status', (status) => sendEvent(target, 'sync:status', status)),
    session.on('leads:changed', (change) => sendEvent(target, 'leads:changed', change)),
    session.on('app:notice', (notice) => sendEvent(target, 'app:notice', notice)),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
