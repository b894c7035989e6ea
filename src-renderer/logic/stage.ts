/**
 * The two rating stages of Envoke's lifecycle and the fields each one owns. The `1`-`5`, `h`/`w`/`c`
 * and `n` keys act on whichever stage is active.
 */
import { MARKETING_STATUSES, SALES_STATUSES, type TriageField } from '#contract';

export type Stage = 'marketing' | 'sales';

export interface StageFields {
  label: string;
  status: TriageField;
  rating: TriageField;
  note: TriageField;
  statuses: readonly string[];
}

export const STAGES: Record<Stage, StageFields> = {
  marketing: {
    label: 'Marketing',
    status: 'marketing_rating_status',
    rating: 'marketing_rating',
    note: 'marketing_rating_note',
    statuses: MARKETING_STATUSES,
  },
  sales: {
    label: 'Sales',
    status: 'sales_rating_status',
    rating: 'sales_rating',
    note: 'sales_rating_note',
    statuses: SALES_STATUSES,
  },
};

/** Short forms for the key legend and the narrow list column. */
const SHORT: Record<string, string> = {
  'Not applicable': 'N/A',
  Unprocessed: 'Unproc',
  'Passed to sales': 'Passed',
  Deferred: 'Deferred',
  'Lead updated': 'Updated',
  'Rated good': 'Good',
  'Rated bad': 'Bad',
  'Contact attempted': 'Attempted',
};

export function shortStatus(status: string): string {
  return SHORT[status] ?? status;
}

/**
 * The colour family of a status pill in the list: where the lead stands, readable at a glance.
 * "Not applicable" has none: it is shown as quiet text, since most leads carry it in one stage.
 */
export type StatusTone = 'new' | 'forward' | 'waiting' | 'good' | 'bad' | 'quiet';

const TONES: Record<string, StatusTone> = {
  Unprocessed: 'new',
  'Passed to sales': 'forward',
  'Lead updated': 'forward',
  Deferred: 'waiting',
  'Contact attempted': 'waiting',
  'Rated good': 'good',
  'Rated bad': 'bad',
  'Not applicable': 'quiet',
};

export function statusTone(status: string): StatusTone {
  return TONES[status] ?? 'new';
}

/** The status the `n`th key (1-based) sets on a stage, or undefined outside 1-5. */
export function statusForKey(stage: Stage, n: number): string | undefined {
  return STAGES[stage].statuses[n - 1];
}

/** Where a lead stands in Envoke's lifecycle: new lead -> marketing -> sales -> opportunity -> sale. */
export type LifecycleStep = 'New lead' | 'Marketing' | 'Sales' | 'Opportunity' | 'Sale';
export const LIFECYCLE: readonly LifecycleStep[] = [
  'New lead',
  'Marketing',
  'Sales',
  'Opportunity',
  'Sale',
];

interface LifecycleFields {
  marketing_rating_status: string;
  sales_rating_status: string;
  opportunity: string;
  sale: string;
}

const untouched = (status: string) => status === '' || status === 'Unprocessed';
/** Envoke gives a lead marketing has not passed on "Not applicable" as its sales status. */
const salesUntouched = (status: string) => untouched(status) || status === 'Not applicable';

/** The furthest step a lead has reached. */
export function lifecycleStep(lead: LifecycleFields): LifecycleStep {
  if (lead.sale === 'Yes') return 'Sale';
  if (lead.opportunity === 'Yes') return 'Opportunity';
  if (
    !salesUntouched(lead.sales_rating_status) ||
    lead.marketing_rating_status === 'Passed to sales'
  )
    return 'Sales';
  if (!untouched(lead.marketing_rating_status)) return 'Marketing';
  return 'New lead';
}
