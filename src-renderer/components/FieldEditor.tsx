/**
 * A small form for a few fields: a note, the opportunity, the sale, a rating, the salesperson, or
 * a queued change. Fields with a few values are keyboard pickers (1-9 choose). Enter saves
 * (Shift+Enter starts a new line in a note), Esc cancels.
 */
import { useState, type KeyboardEvent } from 'react';
import { describeIssues, LABEL_MAX_LENGTH, NOTE_MAX_LENGTH, TriagePatchSchema } from '#contract';
import { errorMessage } from '../controller/errors';
import { saveOutboxEdit } from '../controller/outbox';
import { applyChange } from '../controller/triage';
import { plural } from '../logic/format';
import type { FieldPatch } from '../logic/optimistic';
import type { EditorField, EditorSpec } from '../store/ui-slice';
import { useStore } from '../store/store';
import { ChoicePicker } from './ChoicePicker';
import { Dialog } from './Dialog';
import { LengthCounter } from './LengthCounter';
import { SalespersonInput } from './SalespersonInput';

function Control({
  field,
  value,
  first,
  alone,
  error,
  onChange,
  onPick,
}: {
  field: EditorField;
  value: string;
  first: boolean;
  /** The only field of its editor, named by the editor's title. */
  alone: boolean;
  /** Why this field's value cannot be saved, shown under it. */
  error: string | undefined;
  onChange(value: string): void;
  onPick(value: string): void;
}) {
  const autofocus = first ? { 'data-autofocus': true } : {};
  const id = `editor-${field.field}`;
  const errorId = `${id}-error`;
  if (field.kind === 'choice') {
    return (
      <ChoicePicker
        field={field}
        value={value}
        autofocus={first}
        labelHidden={alone}
        onChange={onChange}
        onPick={onPick}
      />
    );
  }
  const max =
    field.kind === 'note' ? NOTE_MAX_LENGTH : field.kind === 'text' ? LABEL_MAX_LENGTH : 0;
  const counterId = `${id}-length`;
  const describedBy =
    [max ? counterId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? { 'aria-invalid': true } : {};
  return (
    <label className={`editor-field${error ? ' invalid' : ''}`} htmlFor={id}>
      <span id={`${id}-label`}>{field.label}</span>
      {field.kind === 'note' ? (
        <textarea
          id={id}
          rows={5}
          value={value}
          aria-describedby={describedBy}
          {...invalid}
          onChange={(e) => onChange(e.target.value)}
          {...autofocus}
        />
      ) : field.field === 'salesperson' ? (
        <SalespersonInput
          id={id}
          // Named by the label alone, not by the names offered inside it.
          aria-labelledby={`${id}-label`}
          value={value}
          aria-describedby={describedBy}
          {...invalid}
          onChange={onChange}
          {...autofocus}
        />
      ) : (
        <input
          id={id}
          type="text"
          inputMode={field.kind === 'money' ? 'decimal' : undefined}
          placeholder={field.kind === 'money' ? 'Amount, such as 7595.00' : undefined}
          value={value}
          aria-describedby={describedBy}
          {...invalid}
          onChange={(e) => onChange(e.target.value)}
          {...autofocus}
        />
      )}
      {max ? (
        <LengthCounter
          id={counterId}
          length={field.kind === 'note' ? value.length : value.trim().length}
          max={max}
          // A note's limit is far away; its counter appears as the note comes near it.
          showFrom={field.kind === 'note' ? max - 5_000 : 0}
        />
      ) : null}
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

function changedPatch(editor: EditorSpec, values: Record<string, string>): FieldPatch {
  const patch: FieldPatch = {};
  for (const field of editor.fields) {
    const value = values[field.field] ?? '';
    if (value !== field.value || editor.target.type === 'outbox') patch[field.field] = value;
  }
  return patch;
}

/** The keys this editor answers to, in the order a person needs them. */
function editorHint(editor: EditorSpec): string {
  const kinds = new Set(editor.fields.map((field) => field.kind));
  const choices = Math.min(
    9,
    Math.max(0, ...editor.fields.map((field) => field.options?.length ?? 0)),
  );
  return [
    kinds.has('choice') ? `1–${choices} choose · ↑ ↓ move` : null,
    editor.fields.some((field) => field.field === 'salesperson') ? '↓ picks a known name' : null,
    editor.fields.length > 1 ? 'Tab next field' : null,
    'Enter saves',
    kinds.has('note') ? 'Shift+Enter starts a new line' : null,
    'Esc cancels',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function FieldEditor({ editor }: { editor: EditorSpec }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(editor.fields.map((field) => [field.field, field.value])),
  );
  const [error, setError] = useState<string | null>(null);
  /** Problems of single fields, each shown under its field. */
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<string, string>>>({});
  const [saving, setSaving] = useState(false);
  const close = () => useStore.getState().closePanel();

  // An editor that is only a picker saves as soon as a number picks a value.
  const pickSaves = editor.fields.length === 1 && editor.fields[0]?.kind === 'choice';

  const save = async (chosen: Record<string, string> = values) => {
    const patch = changedPatch(editor, chosen);
    if (Object.keys(patch).length === 0) return close();
    const checked = TriagePatchSchema.safeParse(patch);
    if (!checked.success) {
      const byField: Partial<Record<string, string>> = {};
      const rest = [];
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (editor.fields.some((f) => f.field === field))
          byField[field] ??= describeIssues([issue]);
        else rest.push(issue);
      }
      setFieldErrors(byField);
      setError(rest.length > 0 ? describeIssues(rest) : null);
      // The first field in trouble takes the keyboard, to be corrected there.
      const first = editor.fields.find((f) => byField[f.field] !== undefined);
      if (first) document.getElementById(`editor-${first.field}`)?.focus();
      return;
    }
    setFieldErrors({});
    // As the core will keep them: an amount in Envoke's form (12500 is 12500.00).
    const taken = checked.data as FieldPatch;
    if (editor.target.type === 'lead') {
      close();
      void applyChange([editor.target.id], taken, `save ${editor.title.toLowerCase()}`);
      return;
    }
    if (editor.target.type === 'leads') {
      close();
      // The same value for every selected lead, said with how many it reached ("Marked 3 leads Yes").
      void applyChange(
        editor.target.ids,
        taken,
        `save ${editor.title.toLowerCase()}`,
        Object.values(taken).join(', '),
      );
      return;
    }
    setSaving(true);
    try {
      await saveOutboxEdit(editor.target.entryId, taken);
      close();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.shiftKey && target.tagName !== 'BUTTON') {
      event.preventDefault();
      void save();
    }
  };

  return (
    <Dialog title={editor.title} className="editor" onKeyDown={onKeyDown} onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {editor.fields.map((field, i) => (
          <Control
            key={field.field}
            field={field}
            first={i === 0}
            alone={editor.fields.length === 1}
            value={values[field.field] ?? ''}
            error={fieldErrors[field.field]}
            onChange={(value) => {
              setValues((old) => ({ ...old, [field.field]: value }));
              setFieldErrors(({ [field.field]: _fixed, ...others }) => others);
            }}
            onPick={(value) => {
              const chosen = { ...values, [field.field]: value };
              setValues(chosen);
              if (pickSaves) void save(chosen);
            }}
          />
        ))}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {editor.target.type === 'leads' ? (
          <p className="editor-bulk">
            Sets the same value on {plural(editor.target.ids.length, 'selected lead')}.
          </p>
        ) : null}
        <p className="muted">{editorHint(editor)}</p>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            Save
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
