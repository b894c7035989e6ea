/**
 * The core's events (`sync:status`, `leads:changed`) on the channel's one emitter: typed,
 * synchronous, and a failing listener is logged and never breaks the core.
 */
import { createEmitter, logListenerFailures, type Emitter } from '#channel';
import type { EventPayload } from '#contract/events';
import type { CoreEventName, Logger } from './api';

export type CoreEventMap = { [E in CoreEventName]: EventPayload<E> };
export type CoreEvents = Emitter<CoreEventMap>;

export function createCoreEvents(logger: Logger): CoreEvents {
  return createEmitter<CoreEventMap>(logListenerFailures(logger));
}
