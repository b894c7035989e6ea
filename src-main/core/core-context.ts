/**
 * What the command handlers share (the store, time, the event bus and the sync engine's ear), and
 * the shape each core folder answers its group of commands in.
 */
import type { CommandArgs, CommandOutput, CoreCommandName } from '#contract/commands';
import type { Clock, Logger } from './api';
import type { CoreEvents } from './events';
import type { Store } from './tables/store';

/**
 * How a core folder answers a group of commands (reads/handlers.ts, triage/handlers.ts,
 * sync/handlers.ts): one function per command of the group, no more and no fewer, synchronous, on
 * input the gate already parsed. create-core.ts runs each inside its guard and, for a change,
 * inside the transaction that records it under its caller's id.
 */
export type HandlerMap<N extends CoreCommandName> = {
  [K in N]: (input: CommandArgs<K>) => CommandOutput<K>;
};

export interface CoreContext {
  store: Store;
  clock: Clock;
  logger: Logger;
  events: CoreEvents;
  /** Tells the sync engine the outbox changed: push soon, refresh the status counts. */
  outboxChanged(): void;
}

/**
 * `leads:changed` for the leads a command touched, and the outbox hint. `origin` names the
 * window that asked: it paints from the command's answer and passes this event by.
 */
export function announce(
  context: CoreContext,
  leadIds: readonly number[] | null,
  origin?: string,
): void {
  if (leadIds === null || leadIds.length > 0) {
    const ids = leadIds === null ? null : [...leadIds];
    context.events.emit('leads:changed', origin === undefined ? { ids } : { ids, origin });
  }
  context.outboxChanged();
}
