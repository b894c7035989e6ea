/**
 * Errors as they cross a boundary (the worker's port, IPC, HTTP): a code and a sentence, from
 * which a CommandError is made again on arrival. An error that is not a CommandError crosses as
 * 'internal' with its message, so whoever receives it always has a sentence to show or log.
 */
import {
  BridgeErrorSchema,
  CommandError,
  type BridgeError,
  type ErrorCode,
  type Result,
} from '#contract';

export function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

export function errorToWire(error: unknown): BridgeError {
  if (error instanceof CommandError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function errorFromWire(error: unknown): CommandError {
  const parsed = BridgeErrorSchema.safeParse(error);
  if (parsed.success) return new CommandError(parsed.data.code, parsed.data.message);
  const message = (error as { message?: unknown } | null)?.message;
  return new CommandError('internal', typeof message === 'string' ? message : String(error));
}
