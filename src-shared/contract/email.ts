/**
 * A contact's email address as Lead Triage accepts it.
 *
 * Internationalised addresses (`zoë.ñandú@exämple.com`, RFC 6531 local parts and IDN domains) are
 * accepted: they are real addresses people have, Envoke stores a contact's email as a plain string
 * of up to 60 characters, and refusing them here would lock such a lead out of the app for good.
 * Should an Envoke account refuse one, the change stays in the outbox with Envoke's reason, to
 * correct or discard; nothing is lost. What is refused is what cannot be an address at all: no @,
 * spaces, no dot in the domain, characters that RFC 5322 only allows inside quotes.
 */
import { z } from 'zod';

/** Envoke's limit for a contact's email. */
export const EMAIL_MAX_LENGTH = 60;

const LOCAL_PART = String.raw`[^\s@"(),:;<>[\]\\]{1,64}`;
const DOMAIN_LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const TOP_LEVEL = String.raw`\p{L}[\p{L}\p{N}-]{1,62}`;
export const EMAIL_PATTERN = new RegExp(`^${LOCAL_PART}@(?:${DOMAIN_LABEL}\\.)+${TOP_LEVEL}$`, 'u');

export const EmailSchema = z
  .string()
  .trim()
  // An empty field and a mistyped address need different words; the first answer is enough.
  .min(1, { message: 'Enter the contact’s email address', abort: true })
  .max(EMAIL_MAX_LENGTH, {
    message: `Email addresses are limited to ${EMAIL_MAX_LENGTH} characters`,
    abort: true,
  })
  .regex(EMAIL_PATTERN, {
    error: (issue) =>
      `“${String(issue.input)}” is not an email address: it needs a name, an @ and a domain, such as ann@example.com`,
  });
