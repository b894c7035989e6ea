/** The contact's interests (tags and subscriptions) and the autoresponders they are on. */
import { contactOf, tagNames } from '../logic/lead-profile';

function TagList({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <section className="profile-section" aria-label={title}>
      <h3>{title}</h3>
      <ul className="tag-list">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </section>
  );
}

export function TagLists({ record }: { record: Record<string, unknown> }) {
  const contact = contactOf(record);
  return (
    <>
      <TagList title="Interests" names={tagNames(contact.interests)} />
      <TagList title="Autoresponders" names={tagNames(contact.autoresponders)} />
    </>
  );
}
