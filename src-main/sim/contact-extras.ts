/**
 * What a generated contact said on the form and the custom fields its account keeps (catalog.ts
 * defines them), from a generator of their own: the rest of a contact is drawn as before, so the
 * same seed still gives the same names, statuses and consent.
 */
import { Prng, mixSeed } from './prng';

/** Messages people leave on a "request to be contacted" form. */
const FEEDBACK = [
  'Prefers email over phone calls',
  'Hello. We need pricing for about 40 widgets, delivered before the end of the quarter.',
  'Please call me back this week, mornings are best.',
  'Looking for a demo for our operations team (6 people).',
  'Our current supplier is closing. Can you match their price on the Gold Deluxe line?',
  'Interested in a volume discount for our three locations.',
  'Do you ship to Quebec? Need French documentation as well.',
  'Send me the spec sheet and the warranty terms, please.',
  'We met at the trade show in Toronto; following up as promised.',
  "Can someone explain the difference between the Silver and Gold models? I'm comparing quotes.",
] as const;

const WIDGET_MODELS = [
  'Gold Deluxe Model 5X33',
  'Silver Standard Model 3A10',
  'Bronze Compact Model 1C02',
  'Platinum Pro Model 9Z90',
] as const;

const DAY = 24 * 3600 * 1000;

export interface ContactExtras {
  /** A form message, used when the contact left one. */
  feedback: string;
  customFields: Record<string, string>;
}

export function contactExtras(
  seed: number,
  index: number,
  createdMs: number,
  domain: string,
): ContactExtras {
  const rng = new Prng(mixSeed(seed ^ 0x51ed27, index));
  const customFields: Record<string, string> = {};
  if (rng.chance(0.15)) customFields.widget_name = rng.pick(WIDGET_MODELS);
  if (rng.chance(0.1)) {
    const purchased = new Date(createdMs - rng.between(30, 900) * DAY);
    customFields.first_purchase_date = purchased.toISOString().slice(0, 10);
  }
  if (rng.chance(0.08))
    customFields.order_portal = `https://orders.${domain}/account/${rng.between(1000, 99_999)}`;
  return { feedback: rng.pick(FEEDBACK), customFields };
}
