/**
 * Above the list while a query or saved view is shown: the query (editable, with completion), its
 * sort, saving it as a view or renaming, moving and deleting the saved one, and export.
 */
import { useEffect, useState } from 'react';
import { SORT_KEYS } from '#contract';
import { exportCurrent } from '../controller/export';
import { unknownValueHints } from '../controller/query-hints';
import {
  deleteSavedView,
  moveSavedView,
  renameSavedView,
  saveCurrentQuery,
  setQuerySort,
  showTypedQuery,
} from '../controller/saved-views';
import { useStore } from '../store/store';
import { QueryInput } from './QueryInput';
import { cappedCount, shownQueryCount } from './SavedViewList';

const SORT_LABELS: Record<(typeof SORT_KEYS)[number], string> = {
  created: 'Created',
  company: 'Company',
  contact: 'Contact',
  rating: 'Rating',
  'status-time': 'Marketing status time',
  'sales-time': 'Sales status time',
};

function SortChoice({ sort }: { sort: string }) {
  return (
    <label className="query-sort">
      Sort
      <select value={sort} onChange={(event) => setQuerySort(event.target.value)}>
        {SORT_KEYS.flatMap((key) => [
          <option key={key} value={key}>
            {SORT_LABELS[key]} ↑
          </option>,
          <option key={`-${key}`} value={`-${key}`}>
            {SORT_LABELS[key]} ↓
          </option>,
        ])}
      </select>
    </label>
  );
}

function NameForm({
  initial,
  action,
  onSubmit,
}: {
  initial: string;
  action: string;
  onSubmit(name: string): Promise<string | null>;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setName(initial), [initial]);
  return (
    <form
      className="view-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(name).then(setError);
      }}
    >
      <input
        type="text"
        aria-label="View name"
        value={name}
        placeholder="Name this view"
        onChange={(event) => {
          setName(event.target.value);
          setError(null);
        }}
      />
      <button type="submit">{action}</button>
      {error !== null ? (
        <span role="alert" className="query-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** Says which of the query's values no lead has, with the values there are. */
function UnknownValues({ query }: { query: string }) {
  const [hints, setHints] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    unknownValueHints(query)
      .then((found) => {
        if (current) setHints(found);
      })
      .catch(() => {
        if (current) setHints([]);
      });
    return () => {
      current = false;
    };
  }, [query]);
  if (hints.length === 0) return null;
  return (
    <p className="query-note" role="status">
      {hints.join(' ')}
    </p>
  );
}

export function QueryBar() {
  const active = useStore((s) => s.activeQuery);
  const count = useStore((s) => shownQueryCount(s)?.count ?? null);
  const capped = useStore((s) => shownQueryCount(s)?.capped ?? false);
  const [text, setText] = useState(active?.query ?? '');
  useEffect(() => setText(active?.query ?? ''), [active?.query]);
  if (active === null) return null;
  const saved = active.savedId;
  return (
    <section className="query-bar" aria-label="Query">
      <div className="query-row">
        <strong className="query-name">{saved === null ? 'Query' : active.name}</strong>
        <QueryInput
          value={text}
          onChange={setText}
          onRun={(value) => {
            const problem = showTypedQuery(value, 'Query', { keepSort: true });
            // The box holds what ran, in the query's own spelling (its sort is the choice beside).
            if (problem === null) setText(useStore.getState().activeQuery?.query ?? value);
            return problem;
          }}
          onEscape={() => document.getElementById('lead-list')?.focus()}
        />
        <SortChoice sort={active.sort} />
        <span className="query-count" aria-live="polite">
          {count === null
            ? ''
            : `${cappedCount({ count, capped })} ${count === 1 && !capped ? 'lead' : 'leads'}`}
        </span>
        <button
          type="button"
          aria-label="Close the query"
          onClick={() => useStore.getState().setView(useStore.getState().view)}
        >
          ×
        </button>
      </div>
      <UnknownValues query={active.query} />
      <div className="query-row">
        {saved === null ? (
          <NameForm initial="" action="Save view" onSubmit={saveCurrentQuery} />
        ) : (
          <>
            <NameForm
              initial={active.name}
              action="Rename"
              onSubmit={(name) => renameSavedView(saved, name)}
            />
            <button type="button" onClick={() => void moveSavedView(saved, -1)}>
              Move up
            </button>
            <button type="button" onClick={() => void moveSavedView(saved, 1)}>
              Move down
            </button>
            <button type="button" onClick={() => void deleteSavedView(saved)}>
              Delete view
            </button>
          </>
        )}
        <span className="query-export">
          <button type="button" onClick={() => void exportCurrent('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportCurrent('json')}>
            Export JSON
          </button>
        </span>
      </div>
    </section>
  );
}
