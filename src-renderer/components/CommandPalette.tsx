/** Ctrl/Cmd+K: every action with its key, and every view, found by typing. */
import { useMemo, useState } from 'react';
import { suggest, tryParseQuery, VIEW_IDS } from '#contract';
import { setRatingTo } from '../controller/list-keys';
import { openSavedView, showTypedQuery } from '../controller/saved-views';
import { keymapActions } from '../keymap/actions';
import { displayKey } from '../keymap/keys';
import { actionLabel } from '../keymap/labels';
import { isMac } from '../logic/platform';
import { STAGES } from '../logic/stage';
import { VIEW_LABELS } from '../logic/views';
import { keyContextOf } from '../store/ui-slice';
import { useRatingChoices, useRatingsOnKeys, useStore } from '../store/store';
import { Dialog } from './Dialog';
import { useCustomFields, useKnownValues, withoutDoubleSpace } from './QueryInput';

interface Entry {
  id: string;
  label: string;
  keys: readonly string[];
  run(): void;
  /** Set for a completion: Enter puts this text in the box and the palette stays open. */
  complete?: string;
  detail?: string;
}

/** Typing `field:` turns the palette into a query builder. */
export function looksLikeQuery(text: string): boolean {
  return /(^|\s)-?([A-Za-z][A-Za-z-]*|custom\.[A-Za-z0-9_]+):/i.test(text);
}

/** The word being typed begins a field's name (`sta` of `status:`): completion starts there. */
function beginsField(text: string): boolean {
  return /(^|\s)-?[A-Za-z][A-Za-z-]*$/.test(text);
}

function completionEntries(
  text: string,
  known: readonly string[],
  customFields: Parameters<typeof suggest>[3],
): Entry[] {
  if (/\s$/.test(text) || text === '') return [];
  return suggest(text, known, 8, customFields).map((suggestion, index) => ({
    id: `complete-${suggestion.text}`,
    label: suggestion.label,
    detail: suggestion.detail,
    keys: index === 0 ? ['Tab'] : [],
    complete: suggestion.text,
    run: () => undefined,
  }));
}

function useQueryEntries(text: string): { entries: Entry[]; problem: string | null } {
  const known = useKnownValues(text);
  const customFields = useCustomFields();
  // A first word that begins a field's name is completed beside the commands it matches.
  if (!looksLikeQuery(text))
    return {
      entries: beginsField(text) ? completionEntries(text, known, customFields) : [],
      problem: null,
    };
  const parsed = tryParseQuery(text);
  const completions = completionEntries(text, known, customFields);
  const show: Entry = {
    id: 'show-query',
    label: `Show leads matching: ${text.trim()}`,
    keys: ['Enter'],
    run: () => void showTypedQuery(text),
  };
  return {
    entries: parsed.ok ? [show, ...completions] : completions,
    problem: parsed.ok ? null : parsed.error.message,
  };
}

function useEntries(): Entry[] {
  const keymap = useStore((s) => s.prefs.keymap);
  const stage = useStore((s) => s.stage);
  const ratings = useRatingChoices();
  const onKeys = useRatingsOnKeys();
  const panels = useStore((s) => s.panels);
  const saved = useStore((s) => s.savedViews);
  return useMemo(() => {
    // The palette acts in the context it was opened from.
    const context = keyContextOf(panels.filter((panel) => panel.kind !== 'palette')) ?? 'list';
    const actions = keymapActions(keymap)
      .filter((action) => action.id !== 'palette' && action.when.includes(context))
      .map((action) => ({
        id: action.id,
        label: actionLabel(action, stage, onKeys),
        keys: action.keys,
        run: action.run,
      }));
    // Every rating the active stage offers: the ones on h, w and c are the rating actions above.
    const moreRatings =
      context === 'list'
        ? ratings
            .filter((rating) => !onKeys.includes(rating))
            .map((rating, i) => ({
              id: `set-rating-${i + 1}`,
              label: `${STAGES[stage].label} rating: ${rating}`,
              keys: [],
              run: () => setRatingTo(rating),
            }))
        : [];
    const views = VIEW_IDS.map((view) => ({
      id: `view-${view}`,
      label: `Go to ${VIEW_LABELS[view]}`,
      keys: [],
      run: () => useStore.getState().setView(view),
    }));
    const savedViews = saved.map((view) => ({
      id: `saved-${view.id}`,
      label: `Go to saved view ${view.name}`,
      keys: [],
      run: () => openSavedView(view),
    }));
    return [...actions, ...moreRatings, ...views, ...savedViews];
  }, [keymap, stage, panels, ratings, onKeys, saved]);
}

function matches(label: string, query: string): boolean {
  const text = label.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}

export function CommandPalette() {
  const entries = useEntries();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const typed = useQueryEntries(query);
  const shown = looksLikeQuery(query)
    ? typed.entries
    : [...entries.filter((entry) => matches(entry.label, query)), ...typed.entries];
  const active = shown[Math.min(index, shown.length - 1)];

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.complete !== undefined) {
      setQuery(entry.complete);
      setIndex(0);
      return;
    }
    useStore.getState().closePanel();
    entry.run();
  };

  return (
    <Dialog
      title="Commands"
      className="palette"
      onKeyDown={(event) => {
        if (
          event.key === 'Escape' ||
          ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')
        ) {
          event.preventDefault();
          useStore.getState().closePanel();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setIndex((i) =>
            Math.max(0, Math.min(shown.length - 1, Math.min(i, shown.length - 1) + step)),
          );
        } else if (event.key === 'Enter') {
          event.preventDefault();
          run(active);
        } else if (event.key === 'Tab' && !event.shiftKey) {
          // Tab completes: the completion chosen with the arrows, else the first one.
          const completion =
            active?.complete !== undefined
              ? active
              : shown.find((entry) => entry.complete !== undefined);
          if (completion) {
            event.preventDefault();
            run(completion);
          }
        }
      }}
    >
      <input
        data-autofocus
        type="text"
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={active ? `palette-${active.id}` : undefined}
        aria-label="Type a command"
        placeholder="Type a command, a view, or a query such as status:passed rating:hot"
        value={query}
        onChange={(event) => {
          setQuery(withoutDoubleSpace(query, event.target.value));
          setIndex(0);
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
        {shown.map((entry) => (
          <li
            key={entry.id}
            id={`palette-${entry.id}`}
            role="option"
            aria-selected={entry === active}
            className={entry === active ? 'current' : ''}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(entry)}
          >
            <span>
              {entry.label}
              {entry.detail ? <span className="muted"> · {entry.detail}</span> : null}
            </span>
            <span className="keys">
              {entry.keys.map((key) => (
                <kbd key={key}>{displayKey(key, isMac)}</kbd>
              ))}
            </span>
          </li>
        ))}
        {shown.length === 0 && typed.problem === null ? (
          <li className="muted">No command matches.</li>
        ) : null}
      </ul>
      {typed.problem !== null ? (
        <p className="query-error" role="alert">
          {typed.problem}
        </p>
      ) : null}
    </Dialog>
  );
}
