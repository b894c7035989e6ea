/**
 * One HTTP exchange with Envoke: auth, headers, timeout, and the classification of every way it
 * can fail into an EnvokeError. Returns only 2xx replies; callers interpret the body.
 */
import { plainText } from '#contract/plain-text';
import { EnvokeError, errorCode, parseRetryAfter, type EnvokeErrorReason } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH';

export interface TransportOptions {
  baseUrl: string;
  apiId: string;
  apiKey: string;
  timeoutMs: number;
  fetch: typeof globalThis.fetch;
  userAgent: string;
  now: () => number;
}

export interface EnvokeRequest {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  /** Serialized query string without `?`. */
  query?: string;
  body?: unknown;
  /**
   * The path names one lead, so a 400 whose message says "not found" means the lead is missing
   * (Envoke reports unknown ids as validation errors, envoke-lead-api.md §3.2).
   */
  namesOneLead?: boolean;
}

export interface EnvokeReply {
  status: number;
  /** The parsed JSON body; `undefined` when the body was empty. */
  body: unknown;
}

export type Transport = (request: EnvokeRequest) => Promise<EnvokeReply>;

/** Connection failures that prove the request never left this machine. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

function isWrite(method: HttpMethod): boolean {
  return method !== 'GET';
}

/**
 * Envoke's words from an error envelope: `result_data.errors`, else `result_text`. They are shown
 * to people (status bar, outbox, terminal), so they are made plain text here, where they enter.
 */
export function envelopeMessages(body: unknown): string[] {
  return rawEnvelopeMessages(body)
    .map((message) => plainText(message))
    .filter((message) => message !== '');
}

function rawEnvelopeMessages(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const envelope = body as { result_text?: unknown; result_data?: unknown };
  const data = envelope.result_data;
  if (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { errors?: unknown }).errors)
  ) {
    const errors = (data as { errors: unknown[] }).errors.map((item) =>
      typeof item === 'string' ? item : JSON.stringify(item),
    );
    if (errors.length > 0) return errors;
  }
  return typeof envelope.result_text === 'string' && envelope.result_text.trim() !== ''
    ? [envelope.result_text]
    : [];
}

/** "Item with id '42' not found" and the like. */
export function saysNotFound(messages: readonly string[]): boolean {
  return messages.some((message) =>
    /\bnot\s+found\b|\bdoes not exist\b|\bno such\b/i.test(message),
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function statusReason(status: number): EnvokeErrorReason {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  if (status >= 300 && status < 400) return 'malformed';
  return 'validation';
}

function describeRequest(request: EnvokeRequest): string {
  return `${request.method} ${request.path}`;
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.apiId}:${options.apiKey}`, 'utf8').toString('base64')}`;

  function failure(
    request: EnvokeRequest,
    status: number,
    body: unknown,
    headers: Headers,
  ): EnvokeError {
    const messages = envelopeMessages(body);
    let reason = statusReason(status);
    if (reason === 'validation' && request.namesOneLead && saysNotFound(messages))
      reason = 'not-found';
    const retryAfterMs =
      reason === 'rate-limited' || reason === 'server'
        ? parseRetryAfter(headers.get('retry-after'), options.now())
        : undefined;
    const where =
      reason === 'malformed'
        ? ` (redirected to ${plainText(headers.get('location') ?? 'nowhere', 200)}; check the address)`
        : '';
    return new EnvokeError(
      reason,
      `Envoke answered ${describeRequest(request)} with HTTP ${status}${where}`,
      {
        status,
        messages,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        // A write answered 5xx may still have been applied before the failure.
        outcomeUnknown: isWrite(request.method) && reason === 'server',
      },
    );
  }

  function transportFailure(
    request: EnvokeRequest,
    error: unknown,
    timedOut: boolean,
  ): EnvokeError {
    if (timedOut) {
      return new EnvokeError(
        'timeout',
        `Envoke did not answer ${describeRequest(request)} within ${options.timeoutMs} ms`,
        { outcomeUnknown: isWrite(request.method), cause: error },
      );
    }
    const code = errorCode(error);
    const sent = code === undefined || !NOT_SENT_CODES.has(code);
    return new EnvokeError(
      'network',
      `Could not reach Envoke for ${describeRequest(request)}${code ? ` (${code})` : ''}`,
      { outcomeUnknown: isWrite(request.method) && sent, cause: error },
    );
  }

  return async function send(request) {
    const url = `${base}${request.path}${request.query ? `?${request.query}` : ''}`;
    const headers: Record<string, string> = {
      Authorization: authorization,
      Accept: 'application/json',
      'User-Agent': options.userAgent,
    };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs);

    let response: Response;
    let text: string;
    try {
      response = await options.fetch(url, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: controller.signal,
        // A followed redirect would turn a POST into a GET; surface it instead.
        redirect: 'manual',
      });
      // The timeout also covers a reply that stalls after its headers.
      text = await response.text();
    } catch (error) {
      throw transportFailure(request, error, timedOut);
    } finally {
      clearTimeout(timer);
    }

    const parsed = parseJson(text);
    if (response.status < 200 || response.status >= 300) {
      throw failure(
        request,
        response.status,
        parsed.ok ? parsed.value : undefined,
        response.headers,
      );
    }
    if (!parsed.ok) {
      throw new EnvokeError(
        'malformed',
        `Envoke's reply to ${describeRequest(request)} is not JSON`,
        {
          status: response.status,
          // The write was received and answered 2xx: it was most likely applied.
          outcomeUnknown: isWrite(request.method),
        },
      );
    }
    return { status: response.status, body: parsed.value };
  };
}
