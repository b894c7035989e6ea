/**
 * What the sync engine tells people about Envoke's failures, as CommandErrors the hosts and the
 * CLI show as-is.
 */
import { CommandError } from '#contract/errors';
import { describeEnvokeError, isEnvokeError } from '../envoke';

/** Sync was stopped (the core is closing) while it waited or worked. */
export class SyncStopped extends CommandError {
  constructor() {
    super('offline', 'Sync stopped because Lead Triage is closing; nothing was lost.');
    this.name = 'SyncStopped';
  }
}

/** The connection-level reading of a failure: what the status bar says. */
export type FailureKind = 'offline' | 'auth' | 'rejected' | 'trouble';

export function failureKind(error: unknown): FailureKind {
  if (!isEnvokeError(error)) return 'trouble';
  switch (error.reason) {
    case 'network':
    case 'timeout':
      return 'offline';
    case 'auth':
      return 'auth';
    case 'validation':
    case 'not-found':
      return 'rejected';
    default:
      return 'trouble';
  }
}

/** A failure as the CommandError a caller of `syncOnce` receives. */
export function toCommandError(error: unknown, context: string): CommandError {
  if (error instanceof CommandError) return error;
  const sentence = `${context}: ${describeEnvokeError(error)}`;
  switch (failureKind(error)) {
    case 'offline':
      return new CommandError('offline', sentence);
    case 'auth':
      return new CommandError('auth', sentence);
    case 'rejected':
      return new CommandError('envoke-rejected', sentence);
    default:
      // Envoke's own trouble (5xx, 429) passes; an unreadable reply needs looking into.
      if (!isEnvokeError(error)) return new CommandError('internal', sentence);
      return new CommandError(error.retryable ? 'offline' : 'envoke-rejected', sentence);
  }
}
