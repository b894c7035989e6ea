/**
 * The contact's custom fields under the labels the account gave them (Envoke's custom field
 * definitions): dates as dates, links as links, notes as written. A value whose field is not
 * defined still shows, under its key.
 */
import { useMemo } from 'react';
import { customValues, dateText, type CustomValue } from '../logic/lead-profile';
import { useStore } from '../store/store';
import { ExternalLink } from './ExternalLink';
import { BreakableKey } from './LineBreaks';

function Shown({ field }: { field: CustomValue }) {
  if (field.type === 'date') return <>{dateText(field.value)}</>;
  if (field.type === 'url') return <ExternalLink value={field.value} />;
  return <>{field.value}</>;
}

export function CustomFields({ record }: { record: Record<string, unknown> }) {
  const definitions = useStore((s) => s.envokeAccount?.customFields);
  const fields = useMemo(() => customValues(record, definitions ?? []), [record, definitions]);
  if (fields.length === 0) return null;
  return (
    <section className="profile-section" aria-label="Custom fields">
      <h3>Custom fields</h3>
      <dl className="fields">
        {fields.map((field) => (
          <div key={field.key} className="field-pair" data-custom-field={field.key}>
            <dt title={field.label === field.key ? undefined : field.key}>
              <BreakableKey text={field.label} />
            </dt>
            <dd className={field.type === 'note' ? 'note' : undefined}>
              <Shown field={field} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
