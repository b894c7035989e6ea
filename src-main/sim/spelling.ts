/**
 * How Envoke spells its enum values in responses is unknown (§6.3, §12.4): display strings per
 * the docs, UPPER_SNAKE as its filter examples write them, or "Open" per its Zapier app.
 */
import { type SimLead } from './lead-model';

export const ENUM_SPELLINGS = ['display', 'upper', 'open'] as const;
export type EnumSpelling = (typeof ENUM_SPELLINGS)[number];

const SPELLED_FIELDS = [
  'marketing_rating_status',
  'sales_rating_status',
  'opportunity',
  'sale',
] as const;

function spell(value: string, spelling: EnumSpelling): string {
  if (value === '' || spelling === 'display') return value;
  if (spelling === 'upper') return value.toUpperCase().replace(/\s+/g, '_');
  return value === 'Unprocessed' ? 'Open' : value;
}

export function spellLead(lead: SimLead, spelling: EnumSpelling): SimLead {
  if (spelling === 'display') return lead;
  const spelled = { ...lead };
  for (const field of SPELLED_FIELDS) spelled[field] = spell(lead[field], spelling);
  return spelled;
}
