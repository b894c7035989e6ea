/** Who the lead is: company, name, title and how to reach them. */
import type { LeadDetail } from '#contract';
import { Fragment } from 'react';
import { KeptWhole } from './LineBreaks';

/**
 * An email that a narrow pane breaks after its @ or before a dot ("mara.ivanova@" /
 * "granitemedia.example"), rather than anywhere in a word.
 */
function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?<=@)|(?=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}

export function ContactCard({ detail }: { detail: LeadDetail }) {
  const { contact } = detail;
  const name =
    [contact.firstName, contact.lastName].filter(Boolean).join(' ') || detail.contactName;
  const place = [contact.city, contact.province, contact.country].filter(Boolean).join(', ');
  return (
    <header className="contact-card">
      <h2>
        {detail.company || contact.company || '(no company)'}
        {name ? <span className="contact-name"> — {name}</span> : null}
      </h2>
      <p className="contact-line">
        {[contact.title, contact.email || detail.email, contact.phone, place]
          .filter(Boolean)
          .map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? ' · ' : null}
              {part === (contact.email || detail.email) ? (
                <BreakableEmail email={part} />
              ) : part === contact.phone ? (
                <KeptWhole>{part}</KeptWhole>
              ) : (
                part
              )}
            </Fragment>
          ))}
      </p>
      <p className="contact-line muted">
        {detail.envokeId ? `Envoke lead ${detail.envokeId}` : 'Not on Envoke yet'} · created{' '}
        {detail.createTime ? <KeptWhole>{detail.createTime}</KeptWhole> : 'at an unknown time'}
      </p>
    </header>
  );
}
