/** Ctrl/Cmd+N: a new lead, created on this laptop at once and sent to Envoke with the next sync. */
import { useState } from 'react';
import { commands, describeIssues, EMAIL_MAX_LENGTH } from '#contract';
import { errorMessage } from '../controller/errors';
import { createLead, type NewLead } from '../controller/triage';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';
import { LengthCounter } from './LengthCounter';

const LIMITS = commands['leads:create'].input.shape;
/**
 * The contract's lengths (Envoke's limits), shown as counters while the person types. They are not
 * put on the inputs as maxLength: that silently cuts a pasted name, where a counter and a sentence
 * on saving let the person choose what to shorten.
 */
const maxOf = (key: Exclude<keyof NewLead, 'email' | 'fields' | 'contact'>) =>
  LIMITS[key].unwrap().maxLength ?? undefined;
const RULE_RATING_MAX = LIMITS.fields.unwrap().shape.rule_rating.unwrap().maxLength ?? undefined;

type FieldKey = Exclude<keyof NewLead, 'fields' | 'contact'> | 'rule_rating';
const FIELDS: readonly { key: FieldKey; label: string; type?: string; max?: number }[] = [
  { key: 'email', label: 'Email (required)', type: 'email', max: EMAIL_MAX_LENGTH },
  { key: 'firstName', label: 'First name', max: maxOf('firstName') },
  { key: 'lastName', label: 'Last name', max: maxOf('lastName') },
  { key: 'company', label: 'Company', max: maxOf('company') },
  { key: 'title', label: 'Title', max: maxOf('title') },
  { key: 'phone', label: 'Phone', type: 'tel', max: maxOf('phone') },
  // Envoke's create example rates the new lead ("Hot"); it is a lead field, not a contact one.
  { key: 'rule_rating', label: 'Rule rating', max: RULE_RATING_MAX },
];

export function NewLeadForm() {
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const close = () => useStore.getState().closePanel();

  const save = async () => {
    const lead: NewLead = { email: values.email?.trim() ?? '' };
    for (const { key } of FIELDS) {
      const value = values[key]?.trim();
      if (key === 'rule_rating') {
        if (value) lead.fields = { rule_rating: value };
      } else if (key !== 'email' && value) lead[key] = value;
    }
    // The contract's own sentences, shown in the form rather than the browser's bubble.
    const checked = commands['leads:create'].input.safeParse(lead);
    if (!checked.success) {
      setError(describeIssues(checked.error.issues));
      return;
    }
    setSaving(true);
    try {
      await createLead(lead);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title="New lead" className="editor" onClose={close}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(({ key, label, type, max }, i) => (
          <label key={key} className="editor-field">
            <span>{label}</span>
            <input
              type={type ?? 'text'}
              value={values[key] ?? ''}
              aria-describedby={max ? `new-lead-${key}-length` : undefined}
              onChange={(event) => setValues((old) => ({ ...old, [key]: event.target.value }))}
              {...(i === 0 ? { 'data-autofocus': true } : {})}
            />
            {max ? (
              <LengthCounter
                id={`new-lead-${key}-length`}
                length={(values[key] ?? '').trim().length}
                max={max}
              />
            ) : null}
          </label>
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            Create lead
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
