/** The contact's consent as one sentence to act on, with what it rests on. */
import { useMemo } from 'react';
import { consentOf, today } from '../logic/lead-profile';
import { DatesKeptWhole } from './LineBreaks';

export function ConsentNote({ record }: { record: Record<string, unknown> }) {
  const consent = useMemo(() => consentOf(record, today()), [record]);
  return (
    <p className={`consent ${consent.mayEmail ? 'consent-ok' : 'consent-no'}`}>
      <span className="consent-statement">
        <DatesKeptWhole text={consent.text} />
      </span>
      {consent.description ? (
        <span className="consent-description"> ({consent.description})</span>
      ) : null}
    </p>
  );
}
