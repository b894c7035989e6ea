/**
 * The core the window talks to right now, and switching it when the person adds or removes an
 * account. Commands and event subscriptions go through the session, so the transports (IPC, HTTP)
 * never hold a core that may be replaced: a command sent during a switch waits for the new core.
 */
import {
  CommandError,
  coreCommands,
  type CoreCommandName,
  type CoreHandlers,
  type EventPayload,
} from '#contract';
import type { Logger } from '../core';
import { createEventRelay } from './event-relay';
import type { Backend, SessionEventName } from './open-core';
import type { SavedAccount } from '../shell-kit/credentials';

export type OpenBackend = (target: SavedAccount | null) => Promise<Backend>;

type Listener<E extends SessionEventName> = (payload: EventPayload<E>) => void;

const CORE_EVENTS: readonly SessionEventName[] = ['sync:status', 'leads:changed', 'app:notice'];

export interface CoreSession {
  /** Every core command, answered by whichever core is current when it runs. */
  readonly handlers: CoreHandlers;
  /** Subscriptions outlive a switch of account (and a restart of the core worker). */
  on<E extends SessionEventName>(event: E, listener: Listener<E>): () => void;
  /** The current backend (waits for a switch in progress). */
  current(): Promise<Backend>;
  /**
   * Close the current core and open the target's; on failure the previous target is reopened.
   * `beforeOpen` runs in between, with no core open (a fresh demo discards its files there).
   */
  switchTo(target: SavedAccount | null, beforeOpen?: () => void): Promise<void>;
  networkChanged(online: boolean): void;
  close(): Promise<void>;
}

export async function openCoreSession(
  initial: SavedAccount | null,
  open: OpenBackend,
  logger: Logger,
): Promise<CoreSession> {
  const events = createEventRelay(logger);
  let target = initial;
  let unsubscribe: Array<() => void> = [];
  let closed = false;

  const emit = events.emit;

  function attach(backend: Backend): Backend {
    unsubscribe = CORE_EVENTS.map((event) =>
      backend.core.on(event, (payload: unknown) => emit(event, payload)),
    );
    return backend;
  }

  async function detachAndClose(backend: Promise<Backend>): Promise<void> {
    const previous = await backend.catch(() => null);
    for (const stop of unsubscribe) stop();
    unsubscribe = [];
    await previous?.close();
  }

  let backend: Promise<Backend> = open(initial).then(attach);
  await backend;

  const handlers = Object.fromEntries(
    (Object.keys(coreCommands) as CoreCommandName[]).map((name) => [
      name,
      async (input: unknown) => {
        if (closed) throw new CommandError('internal', 'Lead Triage is shutting down');
        const { core } = await backend;
        return (core[name] as (input: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as CoreHandlers;

  async function switchTo(next: SavedAccount | null, beforeOpen?: () => void): Promise<void> {
    const previousTarget = target;
    const previous = backend;
    let failure: unknown = null;
    // Assigned before anything is awaited, so commands arriving meanwhile wait for the new core.
    backend = (async () => {
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
    const { core } = await backend;
    // Whatever the window shows belongs to the previous core: it refetches everything.
    emit('leads:changed', { ids: null } satisfies EventPayload<'leads:changed'>);
    emit('sync:status', await core['sync:status']({}));
    if (failure !== null) {
      throw failure instanceof CommandError
        ? failure
        : new CommandError('storage', 'The local database for this account could not be opened');
    }
  }

  return {
    handlers,
    on: events.on,
    current: () => backend,
    switchTo,
    networkChanged(online) {
      void backend.then(({ core }) => core.networkChanged(online)).catch(() => undefined);
    },
    async close() {
      if (closed) return;
      closed = true;
      await detachAndClose(backend);
    },
  };
}
