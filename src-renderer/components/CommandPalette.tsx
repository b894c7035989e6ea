/** Ctrl/Cmd+K: every action with its key, and every view, found by typing. */
import { useMemo, useState } from 'react';
import { VIEW_IDS } from '../../src-preload/contract';
import { setRatingTo } from '../controller/commands';
import { keymapActions } from '../keymap/actions';
import { displayKey } from '../keymap/keys';
import { actionLabel } from '../keymap/labels';
import { isMac } from '../logic/platform';
import { STAGES } from '../logic/stage';
import { VIEW_LABELS } from '../logic/views';
import { keyContextOf } from '../store/ui-slice';
import { useRatingChoices, useRatingsOnKeys, useStore } from '../store/store';
import { Dialog } from './Dialog';

interface Entry {
  id: string;
  label: string;
  keys: readonly string[];
  run(): void;
}

function useEntries(): Entry[] {
  const keymap = useStore((s) => s.prefs.keymap);
  const stage = useStore((s) => s.stage);
  const ratings = useRatingChoices();
  const onKeys = useRatingsOnKeys();
  const panels = useStore((s) => s.panels);
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
    return [...actions, ...moreRatings, ...views];
  }, [keymap, stage, panels, ratings, onKeys]);
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
  const shown = entries.filter((entry) => matches(entry.label, query));
  const active = shown[Math.min(index, shown.length - 1)];

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
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
        placeholder="Type a command or a view"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
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
            <span>{entry.label}</span>
            <span className="keys">
              {entry.keys.map((key) => (
                <kbd key={key}>{displayKey(key, isMac)}</kbd>
              ))}
            </span>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">No command matches.</li> : null}
      </ul>
    </Dialog>
  );
}
