/** Ctrl/Cmd+N: a new lead, created on this laptop at once and sent to Envoke with the next sync. */
import { useState } from 'react';
import { commands } from '../../src-preload/contract';
import { errorMessage } from '../bridge/client';
import { asSentence } from '../logic/format';
import { createLead, type NewLead } from '../controller/triage';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const LIMITS = commands['leads:create'].input.shape;
/** The contract's lengths (Envoke's limits) go on the fields, so none takes more than can be saved. */
const maxOf = (key: Exclude<keyof NewLead, 'email' | 'fields'>) =>
  LIMITS[key].unwrap().maxLength ?? undefined;
const RULE_RATING_MAX = LIMITS.fields.unwrap().shape.rule_rating.unwrap().maxLength ?? undefined;

type FieldKey = Exclude<keyof NewLead, 'fields'> | 'rule_rating';
const FIELDS: readonly { key: FieldKey; label: string; type?: string; max?: number }[] = [
  { key: 'email', label: 'Email (required)', type: 'email' },
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
    // The contract's own sentence, shown in the form rather than the browser's bubble.
    const checked = commands['leads:create'].input.safeParse(lead);
    if (!checked.success) {
      setError(asSentence(checked.error.issues[0]?.message ?? 'These values cannot be saved'));
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
    <Dialog
      title="New lead"
      className="editor"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
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
              maxLength={max}
              value={values[key] ?? ''}
              onChange={(event) => setValues((old) => ({ ...old, [key]: event.target.value }))}
              {...(i === 0 ? { 'data-autofocus': true } : {})}
            />
          </label>
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" disabled={saving}>
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
