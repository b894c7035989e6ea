/** Ctrl/Cmd+N: a new lead, created on this laptop at once and sent to Envoke with the next sync. */
import { useState } from 'react';
import { errorMessage } from '../bridge/client';
import { createLead, type NewLead } from '../controller/triage';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const FIELDS: readonly { key: keyof NewLead; label: string; type?: string }[] = [
  { key: 'email', label: 'Email (required)', type: 'email' },
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'company', label: 'Company' },
  { key: 'title', label: 'Title' },
  { key: 'phone', label: 'Phone', type: 'tel' },
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
      if (key !== 'email' && value) lead[key] = value;
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
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {FIELDS.map(({ key, label, type }, i) => (
          <label key={key} className="editor-field">
            <span>{label}</span>
            <input
              type={type ?? 'text'}
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
