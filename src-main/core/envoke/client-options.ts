/**
 * The account and settings a client is made with, checked before anything is sent, so a typo
 * reads as a bad address or a missing key rather than as Envoke refusing something.
 */
import { clearTextProblem, DEFAULT_BASE_URL, isWebAddress } from '#contract/envoke-address';
import { EnvokeError } from './errors';

// The address rules live with the contract: the shells check an address before the core loads.
export { DEFAULT_BASE_URL, isWebAddress };

export interface EnvokeAccount {
  baseUrl: string;
  apiId: string;
  apiKey: string;
}

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
