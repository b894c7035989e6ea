/**
 * The account and settings a client is made with, checked before anything is sent, so a typo
 * reads as a bad address or a missing key rather than as Envoke refusing something.
 */
import { clearTextProblem } from '#contract';
import { EnvokeError } from './errors';

export interface EnvokeAccount {
  baseUrl: string;
  apiId: string;
  apiKey: string;
}

export const DEFAULT_BASE_URL = 'https://e1.envoke.com';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface EnvokeClientOptions extends EnvokeAccount {
  /** Per request, covering the whole reply body. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  /** Wall clock for Retry-After dates. */
  now?: () => number;
}

/** A problem with what the caller asked for, found before any request. */
export function invalidInput(problem: string): EnvokeError {
  return new EnvokeError('validation', problem, { messages: [problem] });
}

/**
 * An http(s) address with a host, such as https://e1.envoke.com. Hosts check it before anything
 * is sent, so a typo reads as a bad address rather than as Envoke refusing something.
 */
export function isWebAddress(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return false;
  }
  // "http:/host" parses (WHATWG fixes the slashes); a scheme typo like "htp:" does not pass here.
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
}

export function checkOptions(options: EnvokeClientOptions): void {
  if (!isWebAddress(options.baseUrl)) {
    throw invalidInput(`"${options.baseUrl}" is not a web address such as ${DEFAULT_BASE_URL}`);
  }
  // The key goes in every request's Authorization header: never in clear across a network.
  const clearText = clearTextProblem(options.baseUrl);
  if (clearText !== null) throw invalidInput(clearText);
  if (typeof options.apiId !== 'string' || options.apiId === '' || options.apiId.includes(':')) {
    throw invalidInput('The API ID is missing or contains ":"');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw invalidInput('The API key is missing');
  }
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0)
    throw invalidInput('The timeout must be a positive number');
}
