/**
 * A small keyboard picker for one field with a few values (opportunity, sale, a rating): numbered
 * options, 1-9 choose, ↑/↓ move, Enter saves (the editor around it handles Enter). One focusable
 * listbox rather than a row of radio buttons, so the keys work the moment it opens.
 */
import type { KeyboardEvent } from 'react';
import type { EditorField } from '../store/ui-slice';

interface Props {
  field: EditorField;
  value: string;
  autofocus: boolean;
  /** The dialog's title already names the field (a picker on its own). */
  labelHidden?: boolean;
  onChange(value: string): void;
  /** A number key picked a value: the editor may save at once (a picker on its own does). */
  onPick(value: string): void;
}

const MAX_NUMBERED = 9;

export function ChoicePicker({ field, value, autofocus, labelHidden, onChange, onPick }: Props) {
  const options = field.options ?? [];
  const index = options.indexOf(value);
  const id = `picker-${field.field}`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) : null;
    let next: number | null = null;
    if (digit !== null && digit <= Math.min(options.length, MAX_NUMBERED)) {
      event.preventDefault();
      const picked = options[digit - 1];
      if (picked !== undefined) onPick(picked);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight' || event.key === 'j')
      next = Math.min(options.length - 1, index + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft' || event.key === 'k')
      next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = options.length - 1;
    if (next === null) return;
    event.preventDefault();
    const moved = options[next];
    if (moved !== undefined) onChange(moved);
  };

  return (
    <div className="picker-field">
      <span id={`${id}-label`} className={labelHidden ? 'visually-hidden' : 'picker-label'}>
        {field.label}
      </span>
      <div
        role="listbox"
        tabIndex={0}
        aria-labelledby={`${id}-label`}
        aria-activedescendant={index >= 0 ? optionId(index) : undefined}
        className="picker"
        onKeyDown={onKeyDown}
        {...(autofocus ? { 'data-autofocus': true } : {})}
      >
        {options.map((option, i) => (
          <div
            key={option}
            id={optionId(i)}
            role="option"
            aria-selected={i === index}
            className={`picker-option${i === index ? ' chosen' : ''}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChange(option)}
          >
            <kbd aria-hidden="true">{i < MAX_NUMBERED ? i + 1 : ''}</kbd>
            <span className="picker-value">{option}</span>
            {option === field.value && field.value !== '' ? (
              <span className="picker-now">now</span>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
