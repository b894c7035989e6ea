/** The current lead in full: contact, lifecycle, both stages, outcome, markers, all fields, activity. */
import { useMemo } from 'react';
import { TRIAGE_FIELDS, type LeadDetail } from '#contract';
import { paintFields, paintRow } from '../logic/optimistic';
import { STAGES, type Stage } from '../logic/stage';
import { selectCurrentId, useStore } from '../store/store';
import { ActivityLog } from './ActivityLog';
import { ContactCard } from './ContactCard';
import { Lifecycle } from './Lifecycle';
import { SyncMarkers } from './SyncMarkers';

function Value({
  fields,
  envoke,
  field,
}: {
  fields: Record<string, string>;
  envoke: Record<string, string> | null;
  field: string;
}) {
  const value = fields[field] ?? '';
  const was = envoke?.[field];
  return (
    <>
      <span className={value ? 'value' : 'value unset'}>{value || '–'}</span>
      {was !== undefined && was !== value ? (
        <span className="was">Envoke: {was || '–'}</span>
      ) : null}
    </>
  );
}

function StageSection({
  stage,
  fields,
  envoke,
}: {
  stage: Stage;
  fields: Record<string, string>;
  envoke: Record<string, string> | null;
}) {
  const active = useStore((s) => s.stage === stage);
  const spec = STAGES[stage];
  return (
    <section
      className={`stage-section${active ? ' active' : ''}`}
      aria-label={`${spec.label} stage`}
    >
      <h3>
        {spec.label}
        {active ? <span className="active-tag">active</span> : null}
      </h3>
      <dl className="fields">
        <dt>Status</dt>
        <dd>
          <Value fields={fields} envoke={envoke} field={spec.status} />
        </dd>
        <dt>Rating</dt>
        <dd>
          <Value fields={fields} envoke={envoke} field={spec.rating} />
        </dd>
        <dt>Note</dt>
        <dd className="note">
          <Value fields={fields} envoke={envoke} field={spec.note} />
        </dd>
      </dl>
    </section>
  );
}

function OutcomeSection({
  fields,
  envoke,
}: {
  fields: Record<string, string>;
  envoke: Record<string, string> | null;
}) {
  return (
    <section className="stage-section" aria-label="Opportunity and sale">
      <h3>Opportunity and sale</h3>
      <dl className="fields">
        <dt>
          Opportunity <kbd>o</kbd>
        </dt>
        <dd>
          <Value fields={fields} envoke={envoke} field="opportunity" />
        </dd>
        <dt>Opportunity note</dt>
        <dd className="note">
          <Value fields={fields} envoke={envoke} field="opportunity_note" />
        </dd>
        <dt>
          Sale <kbd>$</kbd>
        </dt>
        <dd>
          <Value fields={fields} envoke={envoke} field="sale" />
        </dd>
        <dt>Revenue</dt>
        <dd>
          <Value fields={fields} envoke={envoke} field="revenue" />
        </dd>
        <dt>Cost of goods sold</dt>
        <dd>
          <Value fields={fields} envoke={envoke} field="cost_of_goods_sold" />
        </dd>
        <dt>Sale note</dt>
        <dd className="note">
          <Value fields={fields} envoke={envoke} field="sale_note" />
        </dd>
        <dt>
          Salesperson <kbd>a</kbd>
        </dt>
        <dd>
          <Value fields={fields} envoke={envoke} field="salesperson" />
        </dd>
      </dl>
    </section>
  );
}

/** Every other field Envoke keeps on the lead, for reference. */
function OtherFields({ fields }: { fields: Record<string, string> }) {
  const other = Object.entries(fields).filter(
    ([field, value]) => value !== '' && !(TRIAGE_FIELDS as readonly string[]).includes(field),
  );
  if (other.length === 0) return null;
  return (
    <details className="other-fields">
      <summary>All fields ({other.length})</summary>
      <dl className="fields">
        {other.map(([field, value]) => (
          <div key={field} className="field-pair">
            <dt>{field}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Detail({ detail }: { detail: LeadDetail }) {
  const overlay = useStore((s) => s.overlay[detail.id]);
  const fields = useMemo(() => paintFields(detail.fields, overlay), [detail.fields, overlay]);
  const summary = useMemo(() => paintRow(detail, overlay), [detail, overlay]);
  return (
    <article className="detail" aria-label={`Lead ${detail.company || detail.contactName}`}>
      <ContactCard detail={detail} />
      <SyncMarkers detail={detail} syncState={summary.syncState} />
      <Lifecycle lead={summary} />
      <StageSection stage="marketing" fields={fields} envoke={detail.envokeFields} />
      <StageSection stage="sales" fields={fields} envoke={detail.envokeFields} />
      <OutcomeSection fields={fields} envoke={detail.envokeFields} />
      <OtherFields fields={detail.fields} />
      <ActivityLog activity={detail.activity} />
    </article>
  );
}

export function DetailPane() {
  const currentId = useStore(selectCurrentId);
  const detail = useStore((s) => s.detail);
  const error = useStore((s) => s.detailError);
  const idsLoaded = useStore((s) => s.idsLoaded);
  let body;
  if (currentId === undefined)
    body = <p className="empty">{idsLoaded ? 'No lead in this view.' : 'Loading…'}</p>;
  else if (error && detail?.id !== currentId)
    body = (
      <p className="list-error" role="alert">
        {error}
      </p>
    );
  else if (!detail || detail.id !== currentId) body = <p className="empty">Loading…</p>;
  else body = <Detail detail={detail} />;
  return (
    <aside className="detail-pane" aria-label="Lead details">
      {body}
    </aside>
  );
}
