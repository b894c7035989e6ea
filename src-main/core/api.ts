/**
 * The core's public face: what the Electron shell, the browser host, the CLI and tests hold.
 * `createCore` (src-main/core/create-core.ts) returns one of these; outside code reaches both
 * through the core's front door, src-main/core/index.ts.
 */
import type {
  CoreCommandName,
  CoreHandlers,
  EventName,
  EventPayload,
  SyncProgress,
} from '#contract';

/** Time, injectable so retries, backoff and "last synced" are deterministic under test. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Logger {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export type CoreEventName = Extract<EventName, 'sync:status' | 'leads:changed'>;

/**
 * What `syncOnce` does: 'pull' is a full pull (resuming an interrupted one), 'new' only fetches
 * leads newer than the newest cached (a full pull where Envoke cannot filter by id), 'push' sends
 * the outbox, 'both' is a full pull then a push.
 */
export type SyncWhat = 'pull' | 'new' | 'push' | 'both';

/** A lead Envoke sent that could not be read, so it was not stored. */
export interface UnreadableLead {
  id: string | null;
  reason: string;
}

/** A report names at most this many unreadable leads; `invalid` counts them all. */
export const UNREADABLE_LISTED = 100;

/** What one `syncOnce` did. */
export interface SyncReport {
  /** Whether the pull was a full one (it also checks for leads gone from Envoke). */
  fullPull: boolean;
  /** Leads read from Envoke, new to the cache, changed in Envoke, unreadable, gone from Envoke. */
  pulled: number;
  new: number;
  updated: number;
  invalid: number;
  gone: number;
  /** The unreadable leads (the first UNREADABLE_LISTED of them): Envoke's id when known, and why. */
  unreadable: UnreadableLead[];
  /** Changes sent (one per outbox row that reached Envoke), of which leads created. */
  pushed: number;
  created: number;
  /** Fields found changed on both sides, now waiting for the person. */
  conflicts: number;
  /** Changes Envoke refused (400): kept, shown with Envoke's message. */
  failed: number;
  /** Changes still queued afterwards (waiting for a retry or behind an unresolved create). */
  waiting: number;
  pullMs: number;
  pushMs: number;
}

/**
 * The core's command handlers take input already parsed with the contract's schema (the command
 * gate, src-shared/channel/server.ts, parses it once); they never parse it again.
 */
export interface Core extends CoreHandlers {
  /** Subscribe to a core event; returns the unsubscribe function. */
  on<E extends CoreEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * A command under an id its caller chose, for a caller that may lose the answer and ask again
   * (the core worker's supervisor after a crash): a change is made once per id and answers the
   * same each time; `onlyIfApplied` answers a saved change, or says it was not saved.
   */
  callOnce(
    name: CoreCommandName,
    input: unknown,
    commandId: string,
    onlyIfApplied?: boolean,
  ): Promise<unknown>;
  /** The local id of the lead Envoke knows by `envokeId`, or null (the CLI speaks Envoke ids). */
  findLeadByEnvokeId(envokeId: string): number | null;
  /** The local id of the lead with this remote_id (a create's key), or null. */
  findLeadByRemoteId(remoteId: string): number | null;
  /**
   * Runs one sync now and resolves when it is over (the CLI and the benchmark use it; the app
   * relies on `start`). Waits out Envoke's 429/5xx answers a few times, honouring Retry-After.
   * Rejects with CommandError 'offline', 'auth' or 'envoke-rejected' when it cannot finish;
   * everything done so far stays done, and unsent changes stay queued.
   */
  syncOnce(what: SyncWhat, onProgress?: (progress: SyncProgress) => void): Promise<SyncReport>;
  /** Start background sync: a first pull, then pushes as changes queue up, retries on a timer. */
  start(): void;
  /** A hint from the operating system that the network came back (or went away). */
  networkChanged(online: boolean): void;
  /** Stop every loop, wait for the request in flight, close the database. Idempotent. */
  close(): Promise<void>;
}
