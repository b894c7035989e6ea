/**
 * The salesperson box of the editor: the account's known names (from the leads on this laptop,
 * most used first) are offered as the person types. ↓/↑ choose one, Enter or Tab takes it; with
 * none chosen Enter saves the editor as usual.
 */
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { knownValues } from '../controller/query-hints';

/** How many names are offered at once. */
const SHOWN = 6;

/** Known salespeople whose names begin with what was typed, most used first. */
function useKnownNames(typed: string): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    knownValues('salesperson', typed.trim())
      .then((values) => {
        if (current) setNames(values);
      })
      .catch(() => {
        if (current) setNames([]);
      });
    return () => {
      current = false;
    };
  }, [typed]);
  return names;
}

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  id: string;
  value: string;
  onChange(value: string): void;
}

export function SalespersonInput({ id, value, onChange, ...input }: Props) {
  const known = useKnownNames(value);
  // The value itself is not offered back; the list hides once a known name is taken.
  const names = known.filter((name) => name !== value).slice(0, SHOWN);
  const [index, setIndex] = useState(-1);
  const listId = `${id}-names`;
  const chosen = index >= 0 ? names[index] : undefined;

  const take = (name: string) => {
    onChange(name);
    setIndex(-1);
  };

  return (
    <>
      <input
        {...input}
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={names.length > 0}
        aria-controls={listId}
        aria-activedescendant={chosen === undefined ? undefined : `${listId}-${index}`}
        autoComplete="off"
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setIndex(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && names.length > 0) {
            event.preventDefault();
            setIndex((i) => (i + 1) % names.length);
          } else if (event.key === 'ArrowUp' && names.length > 0) {
            event.preventDefault();
            setIndex((i) => (i <= 0 ? names.length - 1 : i - 1));
          } else if ((event.key === 'Enter' || event.key === 'Tab') && chosen !== undefined) {
            // Takes the name; a second Enter saves.
            event.preventDefault();
            event.stopPropagation();
            take(chosen);
          }
        }}
      />
      {names.length > 0 ? (
        <ul id={listId} role="listbox" aria-label="Known salespeople" className="known-names">
          {names.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'current' : ''}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => take(name)}
            >
              {name}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
