/**
 * The keys a lead is found by from its email address and its phone number (migration 0098): a
 * salesperson types part of a phone number, or an email or its domain, and expects the lead.
 * The words index (lead_search) cannot answer either: it splits an email into its words, each
 * common ("example", "com"), and holds no phone at all.
 *
 * Each key is one word of the `lead_contact_keys` full-text index, looked for by its beginning:
 * - `p` and the phone's digits from each position on, three digits at least: a fragment of the
 *   number ("555 01", "+1 (416) 555-0199") is the beginning of one of them.
 * - `e` and the whole email, and `e` and `@` with the domain and each shorter domain after a dot
 *   (`@mail.acme.com`, `@acme.com`, `@com`): "jane@acme" and "@acme.com" are beginnings of them.
 * The text is folded as search folds it and written in letters and digits only (encodeKey), so
 * the index's tokenizer keeps a key whole.
 */
import { foldText, isAscii } from '#contract/fold';
import { contactField, type LeadRecord } from './lead-record';

/** Fewer digits than this are not a phone fragment: they would match nearly every number. */
export const MIN_PHONE_DIGITS = 3;
/** No phone has more digits than this (Envoke keeps 25 characters); more is not a phone. */
const MAX_PHONE_DIGITS = 32;
/** The longest email address (RFC 5321); a longer text is kept by its beginning. */
const MAX_EMAIL_LENGTH = 254;

/**
 * Characters of an email other than letters and digits, each written as `x` and one letter;
 * `x` itself is `xx`, and anything else `xu` and six hex digits. No code is the beginning of
 * another, so one text begins another exactly when its key begins the other's key.
 */
const CODES: Readonly<Record<string, string>> = {
  '@': 'xa',
  '.': 'xb',
  '-': 'xc',
  _: 'xd',
  '+': 'xe',
  x: 'xx',
};

export function encodeKey(text: string): string {
  return text.replace(
    /[^a-wyz0-9]/gu,
    (char) => CODES[char] ?? `xu${char.codePointAt(0)!.toString(16).padStart(6, '0')}`,
  );
}

/** The digits of a phone number or of what was typed for one (full-width digits too). */
export function phoneDigits(text: string): string {
  return (isAscii(text) ? text : text.normalize('NFKC')).replace(/[^0-9]/g, '');
}

/** The key whose beginnings find the leads whose phone holds `digits`. */
export function phoneKey(digits: string): string {
  return `p${digits}`;
}

/** The key whose beginnings find the leads whose email (or, from `@`, domain) begins `folded`. */
export function emailKey(folded: string): string {
  return `e${encodeKey(folded)}`;
}

/** A lead's email as the index reads it: folded, without spaces around it. */
export function foldedEmail(email: string): string {
  return foldText(email.trim()).slice(0, MAX_EMAIL_LENGTH);
}

/** The phone digits a lead is found by ('' when too few to search for). */
export function leadPhoneDigits(record: LeadRecord): string {
  const digits = phoneDigits(contactField(record, 'phone')).slice(0, MAX_PHONE_DIGITS);
  return digits.length >= MIN_PHONE_DIGITS ? digits : '';
}

/** Every key of a lead, space separated, as the index holds them. */
export function contactKeys(record: LeadRecord): string {
  const keys: string[] = [];
  const digits = leadPhoneDigits(record);
  for (let start = 0; start + MIN_PHONE_DIGITS <= digits.length; start += 1)
    keys.push(phoneKey(digits.slice(start)));
  const email = foldedEmail(contactField(record, 'email'));
  if (email !== '') {
    keys.push(emailKey(email));
    const at = email.lastIndexOf('@');
    if (at >= 0) {
      const domain = email.slice(at + 1);
      keys.push(emailKey(`@${domain}`));
      for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1))
        if (dot + 1 < domain.length) keys.push(emailKey(`@${domain.slice(dot + 1)}`));
    }
  }
  return keys.join(' ');
}
