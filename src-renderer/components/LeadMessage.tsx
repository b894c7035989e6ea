/** What the contact wrote on the form, first and in full: it is what a salesperson acts on. */
import { contactOf, textOf } from '../logic/lead-profile';

export function LeadMessage({ record }: { record: Record<string, unknown> }) {
  const message = textOf(contactOf(record).feedback).trim();
  if (message === '') return null;
  return (
    <section className="lead-message" aria-labelledby="lead-message-title">
      <h3 id="lead-message-title">They wrote</h3>
      {/* Focusable so a long message scrolls with the keyboard too. */}
      <blockquote className="lead-message-text" tabIndex={0}>
        {message}
      </blockquote>
    </section>
  );
}
