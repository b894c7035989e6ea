/** When the lead reached each stage, as Envoke recorded it; stages not reached are left out. */
import { envokeTime, textOf } from '../logic/lead-profile';

const STEPS = [
  ['Created', 'create_time', null],
  ['Marketing', 'marketing_rating_time', 'marketing_rating_status'],
  ['Sales', 'sales_rating_time', 'sales_rating_status'],
  ['Opportunity', 'opportunity_time', 'opportunity'],
  ['Sale', 'sale_time', 'sale'],
] as const;

export function LeadTimeline({ record }: { record: Record<string, unknown> }) {
  const steps = STEPS.flatMap(([label, timeField, valueField]) => {
    const time = textOf(record[timeField]).trim();
    if (time === '') return [];
    const value = valueField === null ? '' : textOf(record[valueField]).trim();
    return [{ label, time: envokeTime(time), value }];
  });
  if (steps.length === 0) return null;
  return (
    <section className="profile-section" aria-label="Timeline">
      <h3>Timeline</h3>
      <ol className="timeline">
        {steps.map((step) => (
          <li key={step.label}>
            <time>{step.time}</time>
            <span className="timeline-step">
              {step.label}
              {step.value ? `: ${step.value}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
