/**
 * The one error type the Envoke client throws. Every failure (transport, HTTP status, unreadable
 * reply, bad query) is classified into a `reason` so the sync engine can decide between retrying,
 * pausing for credentials and showing Envoke's message to the person.
 */
import { plainText } from '#contract/plain-text';

export const ENVOKE_ERROR_REASONS = [
  'network',
  'timeout',
  'auth',
  'validation',
  'not-found',
  'rate-limited',
  'server',
  'malformed',
] as const;
export type EnvokeErrorReason = (typeof ENVOKE_ERROR_REASONS)[number];

const RETRYABLE: ReadonlySet<EnvokeErrorReason> = new Set([
  'network',
  'timeout',
  'rate-limited',
  'server',
]);

export interface EnvokeErrorDetails {
  status?: number;
  /** Envoke's own words: `result_data.errors`, else `result_text`. */
  messages?: string[];
  retryAfterMs?: number;
  outcomeUnknown?: boolean;
  cause?: unknown;
}

export class EnvokeError extends Error {
  readonly reason: EnvokeErrorReason;
  readonly status?: number;
  readonly messages: string[];
  readonly retryAfterMs?: number;
  /**
   * True when a write may have been applied even though no usable reply came back (timeout or
   * reset after sending, a 5xx, an unreadable 2xx). Creates must look the lead up by `remote_id`
   * before trying again.
   */
  readonly outcomeUnknown: boolean;

  constructor(reason: EnvokeErrorReason, message: string, details: EnvokeErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EnvokeError';
    this.reason = reason;
    if (details.status !== undefined) this.status = details.status;
    this.messages = details.messages ?? [];
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }

  /** Worth trying again later; the other reasons need a person (or a code change) first. */
  get retryable(): boolean {
    return RETRYABLE.has(this.reason);
  }
}

export function isEnvokeError(value: unknown): value is EnvokeError {
  return value instanceof EnvokeError;
}

/**
 * Reads a Retry-After header: delay in seconds, or an HTTP date. Returns milliseconds from `now`
 * (never negative), or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null,
  now: number = Date.now(),
): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // Only date-looking values: Date.parse also accepts bare numbers like "-5" as years.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function firstMessage(error: EnvokeError): string {
  const text = error.messages.join('; ').trim();
  return text === '' ? '' : `: ${text}`;
}

function waitHint(error: EnvokeError): string {
  if (error.retryAfterMs === undefined) return '';
  const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
  return ` (it asked to wait ${seconds} s)`;
}

/**
 * One sentence a salesperson understands, for the status bar and the outbox; plain text of a
 * bounded length whatever Envoke sent.
 */
export function describeEnvokeError(error: unknown): string {
  return plainText(sentenceFor(error));
}

/** The system's code for a failed connection (ECONNREFUSED, ENOTFOUND…), from an error or its causes. */
export function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the error or one of its causes has exactly this message (fetch's "bad port"). */
function causeSays(error: unknown, message: string): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    if ((current as { message?: unknown }).message === message) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * What failed on the way to Envoke, by the system's code: a closed port is not a missing
 * internet connection, and the person fixes each in another place.
 */
const NETWORK_SENTENCES: Readonly<Record<string, string>> = {
  ECONNREFUSED:
    'Nothing listens at the Envoke address (the connection was refused): check the address',
  ENOTFOUND:
    'No server has the name in the Envoke address: check the address, or the internet connection',
  EAI_AGAIN: 'The name in the Envoke address could not be looked up: check the internet connection',
  ENETUNREACH: 'This computer has no network route to Envoke: check the internet connection',
  EHOSTUNREACH: 'This computer has no network route to Envoke: check the internet connection',
  ENETDOWN: 'This computer has no network route to Envoke: check the internet connection',
  ECONNRESET: 'Envoke closed the connection before answering',
};

function sentenceFor(error: unknown): string {
  if (!isEnvokeError(error)) return 'Something unexpected went wrong while talking to Envoke';
  switch (error.reason) {
    case 'network':
      return (
        NETWORK_SENTENCES[errorCode(error.cause) ?? ''] ??
        (causeSays(error.cause, 'bad port')
          ? 'The Envoke address names a port that is never connected to (reserved for other services): check the address'
          : 'Envoke could not be reached; check the internet connection')
      );
    case 'timeout':
      return 'Envoke did not answer in time';
    case 'auth':
      return error.status === 403
        ? 'Envoke refused access for this API ID (the account may not include the Lead API)'
        : 'Envoke rejected the API ID or key';
    case 'validation':
      return `Envoke rejected the request${firstMessage(error)}`;
    case 'not-found':
      return 'Envoke has no such lead (it may have been deleted or merged)';
    case 'rate-limited':
      return `Envoke asked us to slow down${waitHint(error)}`;
    case 'server':
      return `Envoke had an internal problem${waitHint(error)}`;
    case 'malformed':
      return 'Envoke sent a reply that could not be read';
  }
}
