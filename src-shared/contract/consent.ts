/**
 * Envoke's consent statuses (envoke-lead-api.md §7.1) and what each one lets a salesperson do.
 * Envoke's docs, its Zapier app and its webhook examples spell them differently ("Implied: No
 * Expiry" / "Implied - No Expiry", "Not provided" / "Not Provided"), so reading is lenient: case,
 * spaces and punctuation do not matter.
 */

/** The documented list, in Envoke's order and spelling. */
export const CONSENT_STATUSES = [
  'Express',
  'Implied - Inquiry',
  'Implied - Transaction',
  'Implied: No Expiry',
  'Expired',
  'Not provided',
  'Revoked',
  'External Spam Reported',
  'Envoke Spam Reported',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** Letters and digits only, lower case: "Implied - No Expiry" and "implied: no expiry" agree. */
function consentKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const BY_KEY = new Map<string, ConsentStatus>(
  CONSENT_STATUSES.map((status) => [consentKey(status), status]),
);

/** The documented spelling of a consent status in any spelling Envoke uses, else undefined. */
export function normalizeConsent(value: string): ConsentStatus | undefined {
  return BY_KEY.get(consentKey(value));
}

/** Statuses under which Envoke sends email (its webhooks also say plain "Implied"). */
function allowsEmail(key: string): boolean {
  return key === 'express' || key.startsWith('implied');
}

export interface ConsentFacts {
  status: string;
  description: string;
  /** `YYYY-MM-DD HH:MM:SS` (Envoke's format) or "". */
  effectiveDate: string;
  expiry: string;
}

export interface ConsentStatement {
  /** One sentence a salesperson acts on: "Express consent since 2026-03-02: may be emailed". */
  text: string;
  /** Whether Envoke would send this contact email today. */
  mayEmail: boolean;
}

const day = (time: string): string => time.trim().slice(0, 10);

/**
 * The consent of a contact as a plain statement. `today` is `YYYY-MM-DD`: an implied consent
 * whose expiry has passed no longer allows email, whatever the status still says.
 */
export function consentStatement(facts: ConsentFacts, today: string): ConsentStatement {
  const key = consentKey(facts.status);
  const since = day(facts.effectiveDate);
  const until = day(facts.expiry);
  const sinceWords = since === '' ? '' : ` since ${since}`;
  if (key === '' || key === 'notprovided' || key === 'noconsent')
    return { text: 'No consent: do not email', mayEmail: false };
  if (allowsEmail(key)) {
    const kind =
      key === 'express'
        ? 'Express consent'
        : key === 'impliedinquiry'
          ? 'Implied consent (inquiry)'
          : key === 'impliedtransaction'
            ? 'Implied consent (transaction)'
            : 'Implied consent';
    if (until !== '' && until < today)
      return { text: `${kind} expired on ${until}: do not email`, mayEmail: false };
    const end = until !== '' ? `, until ${until}` : key === 'impliednoexpiry' ? ', no expiry' : '';
    return { text: `${kind}${sinceWords}${end}: may be emailed`, mayEmail: true };
  }
  const on = since === '' ? '' : ` on ${since}`;
  switch (key) {
    case 'expired':
      return {
        text: `Consent expired${until === '' ? on : ` on ${until}`}: do not email`,
        mayEmail: false,
      };
    case 'revoked':
      return { text: `Consent revoked${on}: do not email`, mayEmail: false };
    case 'externalspamreported':
      return { text: `Reported as spam outside Envoke${on}: do not email`, mayEmail: false };
    case 'envokespamreported':
      return { text: `Reported as spam in Envoke${on}: do not email`, mayEmail: false };
    default:
      return {
        text: `Consent "${facts.status.trim()}"${sinceWords}: check before emailing`,
        mayEmail: false,
      };
  }
}
