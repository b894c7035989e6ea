/**
 * The session: the core running now for the person's account (or the demo), and switching it
 * when they add or remove an account. Commands and event subscriptions go through the session, so
 * the channel never holds a core that may be replaced: a command sent during a switch waits for
 * the new core, and a subscription outlives the switch (and a restart of the core worker).
 */
import {
  coreHandlers,
  createEmitter,
  logListenerFailures,
  type ChannelEvents,
  type Emitter,
} from '#channel';
import { CommandError, type CoreHandlers, type EventPayload } from '#contract';
import type { Logger } from '../core';
import type { SavedAccount } from '../shell-kit/credentials';
import type { RunningCore, SessionEventName } from './running-core';

/** Runs the core for a target (an account, or null for the demo). */
export type OpenCore = (target: SavedAccount | null) => Promise<RunningCore>;

type Listener<E extends SessionEventName> = (payload: EventPayload<E>) => void;

const SESSION_EVENTS: readonly SessionEventName[] = ['sync:status', 'leads:changed', 'app:notice'];

export interface Session {
  /** Every core command, answered by whichever core is current when it runs. */
  readonly core: CoreHandlers;
  /** Subscriptions outlive a switch of account (and a restart of the core worker). */
  on<E extends SessionEventName>(event: E, listener: Listener<E>): () => void;
  /** The running core (waits for a switch in progress). */
  current(): Promise<RunningCore>;
  /**
   * Close the current core and open the target's; on failure the previous target is reopened.
   * `beforeOpen` runs in between, with no core open (a fresh demo discards its files there).
   */
  switchTo(target: SavedAccount | null, beforeOpen?: () => void): Promise<void>;
  networkChanged(online: boolean): void;
  close(): Promise<void>;
}

/**
 * Opens the session on `initial`. Its events are raised on `events`: the channel's own emitter
 * when the shells start it (start-session.ts), so the channel hears them without a relay.
 */
export async function openSession(
  initial: SavedAccount | null,
  open: OpenCore,
  logger: Logger,
  events: Emitter<ChannelEvents> = createEmitter<ChannelEvents>(logListenerFailures(logger)),
): Promise<Session> {
  let target = initial;
  let unsubscribe: Array<() => void> = [];
  let closed = false;

  function attach(running: RunningCore): RunningCore {
    unsubscribe = SESSION_EVENTS.map((event) =>
      running.on(event, (payload: unknown) => events.emit(event, payload as never)),
    );
    return running;
  }

  async function detachAndClose(running: Promise<RunningCore>): Promise<void> {
    const previous = await running.catch(() => null);
    for (const stop of unsubscribe) stop();
    unsubscribe = [];
    await previous?.close();
  }

  let current: Promise<RunningCore> = open(initial).then(attach);
  await current;

  const core = coreHandlers(async (name, input) => {
    if (closed) throw new CommandError('internal', 'Lead Triage is shutting down');
    const running = await current;
    return (running[name] as (input: unknown) => Promise<unknown>)(input);
  });

  async function switchTo(next: SavedAccount | null, beforeOpen?: () => void): Promise<void> {
    const previousTarget = target;
    const previous = current;
    let failure: unknown = null;
    // Assigned before anything is awaited, so commands arriving meanwhile wait for the new core.
    current = (async () => {
      await detachAndClose(previous);
      try {
        beforeOpen?.();
        const opened = attach(await open(next));
        target = next;
        return opened;
      } catch (error) {
        failure = error;
        logger.error('Could not open the core for the new account; reopening the previous one', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return attach(await open(previousTarget));
      }
    })();
    const running = await current;
    // Whatever the window shows belongs to the previous core: it refetches everything.
    events.emit('leads:changed', { ids: null });
    events.emit('sync:status', await running['sync:status']({}));
    if (failure !== null) {
      throw failure instanceof CommandError
        ? failure
        : new CommandError('storage', 'The local database for this account could not be opened');
    }
  }

  return {
    core,
    on: (event, listener) => events.on(event, listener as (payload: unknown) => void),
    current: () => current,
    switchTo,
    networkChanged(online) {
      void current.then((running) => running.networkChanged(online)).catch(() => undefined);
    },
    async close() {
      if (closed) return;
      closed = true;
      await detachAndClose(current);
    },
  };
}
