/**
 * What may reach a log file a person sends to support: never the Envoke API key or the browser
 * host's token, and nothing of a lead beyond its ids. Applied to every line by the desktop app's
 * log (electron-log) and the browser host's console log.
 *
 * Two passes: detail fields named after lead contents or secrets are replaced whole, whatever
 * they hold; then every remaining string is scrubbed of the known secrets and of anything shaped
 * like an email address or a phone number (Envoke's own error messages quote the values they
 * refuse).
 */

import type { Logger } from '../core';
import type { CredentialStore } from './credentials';

export const REDACTED = '[redacted]';
export const LEAD_DATA = '[lead data]';

/** Secret-bearing field names: their values never appear. */
const SECRET_KEY = /(api[-_]?key|token|secret|password|authorization|cookie|dbkey|^key$)/i;
/** Fields that carry what a lead says about a person; ids and counts are kept. */
const LEAD_KEY =
  /^(email|emails|name|first_?name|last_?name|contact_?name|full_?name|phone|mobile|company|notes?|address|title|city|street|fields|patch|values?|before|after|base|mine|theirs|body|input|text|lead|leads|contact|search|query)$/i;

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
/** Seven or more digits, possibly with +, spaces, dots, dashes or parentheses between them. */
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g;
/** `Authorization: Basic …` or `Bearer …` as they would appear in a quoted request. */
const AUTH_HEADER = /\b(basic|bearer)\s+[a-z0-9+/=._-]{8,}/gi;

/**
 * A run of digits is a phone number when written as one (a leading +, or separators between
 * groups); a bare run is an id (Envoke's lead ids are digits) and a dated one is a date.
 */
function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return false;
  if (/^\d{4}-\d{2}-\d{2}/.test(match)) return false;
  return match.startsWith('+') || /\d[\s().-]+\d/.test(match.trim());
}

export interface Redactor {
  /** Scrubs one log line: its message and detail. */
  (
    message: string,
    detail?: Record<string, unknown>,
  ): {
    message: string;
    detail?: Record<string, unknown>;
  };
  /** A secret to take out of every line from now on (a key entered while the app runs). */
  addSecret(secret: string | null | undefined): void;
}

export function createRedactor(initialSecrets: Array<string | null | undefined> = []): Redactor {
  const secrets = new Set<string>();

  function scrub(text: string): string {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join(REDACTED);
    return out
      .replace(AUTH_HEADER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
      .replace(EMAIL, '[email]')
      .replace(PHONE, (match) => (looksLikePhone(match) ? '[phone]' : match));
  }

  function clean(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return scrub(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > 6) return '[deep]';
    if (value instanceof Error) return scrub(value.stack ?? `${value.name}: ${value.message}`);
    if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_KEY.test(key)) out[key] = REDACTED;
      else if (LEAD_KEY.test(key)) out[key] = LEAD_DATA;
      else out[key] = clean(item, depth + 1);
    }
    return out;
  }

  const redact = ((message: string, detail?: Record<string, unknown>) => {
    const cleaned = { message: scrub(message) };
    return detail === undefined
      ? cleaned
      : { ...cleaned, detail: clean(detail, 0) as Record<string, unknown> };
  }) as Redactor;
  redact.addSecret = (secret) => {
    // Very short strings would blank out ordinary words; keys and tokens are long.
    if (secret && secret.length >= 6) secrets.add(secret);
  };
  for (const secret of initialSecrets) redact.addSecret(secret);
  return redact;
}

/** Every `data` item of a log call (as electron-log hands them to hooks), redacted. */
export function redactLogData(redact: Redactor, data: unknown[]): unknown[] {
  return data.map((item) => {
    if (typeof item === 'string') return redact(item).message;
    if (
      item !== null &&
      typeof item === 'object' &&
      !Array.isArray(item) &&
      !(item instanceof Error)
    ) {
      return redact('', item as Record<string, unknown>).detail;
    }
    return redact('', { item }).detail?.item;
  });
}

/** A Logger whose every line is redacted before `inner` writes it. */
export function redactingLogger(inner: Logger, redact: Redactor): Logger {
  const level =
    (write: Logger['info']) =>
    (message: string, detail?: Record<string, unknown>): void => {
      const line = redact(message, detail);
      write(line.message, line.detail);
    };
  return { info: level(inner.info), warn: level(inner.warn), error: level(inner.error) };
}

/** The store as it was, with every API key it loads or saves also taken out of the log. */
export function redactingCredentials(inner: CredentialStore, redact: Redactor): CredentialStore {
  return {
    ...inner,
    load() {
      const loaded = inner.load();
      redact.addSecret(loaded?.apiKey);
      return loaded;
    },
    save(saved, options) {
      redact.addSecret(saved.apiKey);
      inner.save(saved, options);
    },
  };
}
