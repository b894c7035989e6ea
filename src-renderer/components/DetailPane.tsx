/** The current lead in full: contact, lifecycle, both stages, outcome, markers, all fields, activity. */
import { useMemo } from 'react';
import type { LeadDetail } from '#contract';
import { paintFields, paintRow } from '../logic/optimistic';
import { STAGES, type Stage } from '../logic/stage';
import { selectCurrentId, useStore } from '../store/store';
import { ActivityLog } from './ActivityLog';
import { AllFields } from './AllFields';
import { ConsentNote } from './ConsentNote';
import { ContactCard } from './ContactCard';
import { ContactDetails } from './ContactDetails';
import { CustomFields } from './CustomFields';
import { LeadFacts } from './LeadFacts';
import { LeadMessage } from './LeadMessage';
import { LeadTimeline } from './LeadTimeline';
import { Lifecycle } from './Lifecycle';
import { SyncMarkers } from './SyncMarkers';
import { TagLists } from './TagLists';

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

function Detail({ detail }: { detail: LeadDetail }) {
  const overlay = useStore((s) => s.overlay[detail.id]);
  const fields = useMemo(() => paintFields(detail.fields, overlay), [detail.fields, overlay]);
  const summary = useMemo(() => paintRow(detail, overlay), [detail, overlay]);
  return (
    <article className="detail" aria-label={`Lead ${detail.company || detail.contactName}`}>
      <ContactCard detail={detail} />
      <LeadMessage record={detail.record} />
      <ConsentNote record={detail.record} />
      <SyncMarkers detail={detail} syncState={summary.syncState} />
      <Lifecycle lead={summary} />
      <StageSection stage="marketing" fields={fields} envoke={detail.envokeFields} />
      <StageSection stage="sales" fields={fields} envoke={detail.envokeFields} />
      <OutcomeSection fields={fields} envoke={detail.envokeFields} />
      <CustomFields record={detail.record} />
      <TagLists record={detail.record} />
      <ContactDetails record={detail.record} />
      <LeadFacts record={detail.record} />
      <LeadTimeline record={detail.record} />
      <AllFields record={detail.record} />
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
