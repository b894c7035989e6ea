/**
 * The messages between the main thread and the core worker, on the worker's one port.
 *
 * One port, so one order: the worker posts a command's events before its answer (the core emits
 * them synchronously while the command runs), and the main thread reads them in that order. A
 * CommandError crosses as its code and message and is rebuilt as a CommandError on arrival;
 * anything else becomes an 'internal' one, so a shell always has a sentence to show.
 */
import { CommandError, ErrorCodeSchema, type CoreCommandName } from '#contract';
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

export interface WireError {
  /** Set when the error was a CommandError. */
  code: string | null;
  message: string;
}

export type FromWorker =
  | { type: 'ready'; simulatorUrl: string | null }
  | { type: 'failed'; error: WireError }
  | { type: 'answer'; id: number; ok: true; value: unknown }
  | { type: 'answer'; id: number; ok: false; error: WireError }
  | { type: 'event'; event: CoreEventName; payload: unknown }
  | {
      type: 'log';
      level: 'info' | 'warn' | 'error';
      message: string;
      detail?: Record<string, unknown>;
    }
  | { type: 'closed' };

export function toWire(error: unknown): WireError {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(error: WireError): CommandError {
  const code = ErrorCodeSchema.safeParse(error.code);
  if (code.success) return new CommandError(code.data, error.message);
  return new CommandError('internal', error.message);
}
