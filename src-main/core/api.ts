/**
 * The core's public face: what the Electron shell, the browser host, the CLI and tests hold.
 * `createCore` (src-main/core/create-core.ts) returns one of these.
 */
import type { CoreHandlers, EventName, EventPayload } from '../../src-preload/contract';

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

export interface Core extends CoreHandlers {
  /** Subscribe to a core event; returns the unsubscribe function. */
  on<E extends CoreEventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The local id of the lead Envoke knows by `envokeId`, or null (the CLI speaks Envoke ids). */
  findLeadByEnvokeId(envokeId: string): number | null;
  /** Start background sync: a first pull, then pushes as changes queue up, retries on a timer. */
  start(): void;
  /** A hint from the operating system that the network came back (or went away). */
  networkChanged(online: boolean): void;
  /** Stop every loop, wait for the request in flight, close the database. Idempotent. */
  close(): Promise<void>;
}
