/**
 * Where the lead came from and who has it: business unit, marketing user, the rule's rating,
 * when and why it was created, the form's qualification answers and the campaign that brought
 * it. Fields with no value are left out.
 */
import { leadLabel } from '../logic/envoke-labels';
import { envokeTime, textOf } from '../logic/lead-profile';

/** In the order a salesperson reads them. */
const FACTS = [
  'business_unit',
  'marketing_user',
  'rule_rating',
  'create_time',
  'create_note',
  'lead_region',
  'sales_channel',
  'industry',
  'timing',
  'budget',
  'marketing_source',
  'marketing_medium',
  'marketing_campaign',
  'remote_id',
] as const;

export function LeadFacts({ record }: { record: Record<string, unknown> }) {
  const rows = FACTS.flatMap((field) => {
    const value = textOf(record[field]).trim();
    if (value === '') return [];
    return [[field, field === 'create_time' ? envokeTime(value) : value] as const];
  });
  if (rows.length === 0) return null;
  return (
    <section className="profile-section" aria-label="Lead">
      <h3>Lead</h3>
      <dl className="fields">
        {rows.map(([field, value]) => (
          <div key={field} className="field-pair">
            <dt>{leadLabel(field)}</dt>
            <dd className={field === 'create_note' ? 'note' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
