/** Every way to reach the contact and where they are; fields with no value are left out. */
import type { ReactNode } from 'react';
import { contactLabel } from '../logic/envoke-labels';
import { addressLines, contactOf, envokeTime, languageText, textOf } from '../logic/lead-profile';
import { ExternalLink } from './ExternalLink';
import { KeptWhole } from './LineBreaks';

export function ContactDetails({ record }: { record: Record<string, unknown> }) {
  const contact = contactOf(record);
  const text = (name: string) => textOf(contact[name]).trim();
  const address = addressLines(contact);
  const rows: [string, ReactNode][] = [];
  if (text('email')) rows.push([contactLabel('email'), text('email')]);
  if (text('phone'))
    rows.push([contactLabel('phone'), <KeptWhole key="phone">{text('phone')}</KeptWhole>]);
  if (address.length > 0)
    rows.push([
      contactLabel('address_1'),
      address.map((line) => (
        <span key={line} className="address-line">
          {line}
        </span>
      )),
    ]);
  if (text('language')) rows.push([contactLabel('language'), languageText(text('language'))]);
  if (text('website'))
    rows.push([contactLabel('website'), <ExternalLink key="website" value={text('website')} />]);
  if (text('remote_id')) rows.push([contactLabel('remote_id'), text('remote_id')]);
  if (text('date_created'))
    rows.push([contactLabel('date_created'), envokeTime(text('date_created'))]);
  if (rows.length === 0) return null;
  return (
    <section className="profile-section" aria-label="Contact">
      <h3>Contact</h3>
      <dl className="fields">
        {rows.map(([label, value]) => (
          <div key={label} className="field-pair">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
