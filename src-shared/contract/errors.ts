/**
 * Error codes every command may answer with. The renderer shows `message` to the person; `code`
 * lets it choose what to offer (re-enter credentials, edit the value, try again).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  /** The input did not match the command's schema, or a value is not allowed. */
  'invalid-input',
  /** No such command, or a caller not allowed to use the bridge. */
  'unknown-command',
  'forbidden',
  /** The lead, outbox entry or conflict does not exist (any more). */
  'not-found',
  /** Envoke is unreachable or timed out. */
  'offline',
  /** Envoke rejected the API ID or key. */
  'auth',
  /** Envoke refused the request with its own message. */
  'envoke-rejected',
  /** The local database cannot be used (corrupt, from a newer version, disk full). */
  'storage',
  /**
   * The local database cannot be opened with the key kept for it (lost or replaced key, or a
   * damaged file). The message says how many unsent changes downloading the leads again would lose.
   */
  'storage-key',
  /** A queued change is out to Envoke at this moment; it can be changed once that try ends. */
  'busy',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const BridgeErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

/** Thrown by the core for failures the person should read; carried over the bridge as-is. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
