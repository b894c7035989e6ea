/**
 * A text box for the lead query language with completion: field names, their values, and the
 * values on this laptop (salespeople, companies, sources) asked of the core as the person types.
 * Tab or ↓ then Enter takes a suggestion; Enter alone runs the query; a wrong term is said in one
 * sentence under the box. Completions open only while the person types here: a query that ran
 * is never rewritten by a Tab that was only meant to move on.
 */
import { useEffect, useId, useState } from 'react';
import { fieldBeingTyped, suggest, type QuerySuggestion } from '#contract';
import type { CustomFieldDefinition } from '#contract/envoke-account';
import { knownValues } from '../controller/query-hints';
import { useStore } from '../store/store';

const NO_FIELDS: readonly CustomFieldDefinition[] = [];

/** The account's custom fields, whose keys completion offers as `custom.<key>:`. */
export function useCustomFields(): readonly CustomFieldDefinition[] {
  return useStore((s) => s.envokeAccount?.customFields) ?? NO_FIELDS;
}

interface Props {
  value: string;
  onChange(value: string): void;
  /** Runs the query; returns the sentence to show when it cannot be read. */
  onRun(value: string): string | null;
  onEscape?(): void;
  autoFocus?: boolean;
  label?: string;
}

export function useKnownValues(text: string): string[] {
  const [known, setKnown] = useState<string[]>([]);
  const typing = fieldBeingTyped(text);
  const field = typing?.field;
  const prefix = typing?.prefix ?? '';
  useEffect(() => {
    if (field === undefined) return;
    let current = true;
    knownValues(field, prefix)
      .then((values) => {
        if (current) setKnown(values);
      })
      .catch(() => {
        if (current) setKnown([]);
      });
    return () => {
      current = false;
    };
  }, [field, prefix]);
  return field === undefined ? [] : known;
}

/**
 * A space typed right after another (most often after a completion, which ends with one) adds
 * nothing: terms are separated by one space.
 */
export function withoutDoubleSpace(before: string, typed: string): string {
  return typed === `${before} ` && /\s$/.test(before) ? before : typed;
}

export function QueryInput({ value, onChange, onRun, onEscape, autoFocus, label }: Props) {
  const known = useKnownValues(value);
  const customFields = useCustomFields();
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(-1);
  // Completions show only while the person types here (not merely focused, not after Enter),
  // never over the buttons beside it.
  const [editing, setEditing] = useState(false);
  const listId = useId();
  const endsInWord = value !== '' && !/\s$/.test(value);
  const suggestions: QuerySuggestion[] =
    editing && endsInWord ? suggest(value, known, 8, customFields) : [];
  const chosen = index >= 0 ? suggestions[index] : undefined;

  const take = (suggestion: QuerySuggestion) => {
    onChange(suggestion.text);
    setIndex(-1);
    setError(null);
  };

  return (
    <div className="query-input">
      <input
        type="text"
        role="combobox"
        aria-label={label ?? 'Lead query'}
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={chosen ? `${listId}-${index}` : undefined}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${listId}-error` : undefined}
        data-autofocus={autoFocus ? true : undefined}
        placeholder="status:passed rating:hot company:acme created:>2026-09-01 sort:company"
        spellCheck={false}
        value={value}
        onBlur={() => setEditing(false)}
        onChange={(event) => {
          onChange(withoutDoubleSpace(value, event.target.value));
          setEditing(true);
          setIndex(-1);
          setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Tab' && !event.shiftKey) {
            // Tab takes the completion chosen with the arrows, else the first.
            const completion = chosen ?? suggestions[0];
            if (!completion) return;
            event.preventDefault();
            take(completion);
          } else if (event.key === 'ArrowDown') {
            if (suggestions.length === 0) return;
            event.preventDefault();
            setIndex((i) => (i + 1) % suggestions.length);
          } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
            event.preventDefault();
            setIndex((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            if (chosen) take(chosen);
            else {
              setEditing(false);
              setIndex(-1);
              setError(onRun(value));
            }
          } else if (event.key === 'Escape' && suggestions.length > 0) {
            // The first Esc closes the completions; the next one leaves the box.
            event.preventDefault();
            event.stopPropagation();
            setEditing(false);
            setIndex(-1);
          } else if (event.key === 'Escape' && onEscape) {
            event.preventDefault();
            event.stopPropagation();
            onEscape();
          }
        }}
      />
      {suggestions.length > 0 ? (
        <ul id={listId} role="listbox" aria-label="Completions" className="query-suggestions">
          {suggestions.map((suggestion, i) => (
            <li
              key={suggestion.text}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'current' : ''}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => take(suggestion)}
            >
              <code>{suggestion.label}</code> <span className="muted">{suggestion.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {error !== null ? (
        <p id={`${listId}-error`} role="alert" className="query-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
