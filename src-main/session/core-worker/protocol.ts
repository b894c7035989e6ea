/**
 * The messages between the main thread and the core worker, on the worker's one port.
 *
 * One port, so one order: the worker posts a command's events before its answer (the core emits
 * them synchronously while the command runs), and the main thread reads them in that order.
 * Errors cross as the channel carries them everywhere (#channel's errorToWire / errorFromWire): a
 * CommandError's code and message, anything else an 'internal' one with its message.
 */
import type { BridgeError, CoreCommandName } from '#contract';
import type { CoreEventName, SyncWhat } from '../../core';

/** What the worker opens: the same inputs as opening the core in process, key bytes included. */
export interface WorkerStart {
  /** A real account (with its API key), or null for demo data from a simulator in the worker. */
  target: { baseUrl: string; apiId: string; apiKey: string } | null;
  dbPath: string;
  /** Resolved on the main thread (keychain, environment, key file stay there). */
  dbKey: Uint8Array;
  sqliteBinding: string | undefined;
  demoLeads: number | undefined;
  /** The demo simulator's API key, chosen by the main thread so it can reach the controls. */
  demoApiKey: string;
  /** Test harnesses only: the demo simulator serves its `/_sim/` controls. */
  simulatorControl: boolean;
}

export type ToWorker =
  | {
      type: 'call';
      id: number;
      name: CoreCommandName;
      input: unknown;
      /** Chosen by the main thread, kept when the call is sent again to a restarted worker. */
      commandId: string;
      /** Sent again a second time: answer whether the change was saved, without making it. */
      onlyIfApplied?: boolean;
    }
  | { type: 'sync-once'; id: number; what: SyncWhat }
  | { type: 'network'; online: boolean }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; simulatorUrl: string | null }
  | { type: 'failed'; error: BridgeError }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; error: BridgeError }
  | { type: 'event'; event: CoreEventName; payload: unknown }
  | {
      type: 'log';
      level: 'info' | 'warn' | 'error';
      message: string;
      detail?: Record<string, unknown>;
    }
  | { type: 'closed' };
