/**
 * The sidebar's saved views with their live counts ("1,000+" past the cap), `g 1`…`g 9` shown
 * beside the first nine, then the possible duplicates and the pipeline.
 */
import type { CappedCount } from '#contract';
import { openSavedView } from '../controller/saved-views';
import { formatCount } from '../logic/format';
import { memberIds, useStore, type Store } from '../store/store';

export function cappedCount(count: CappedCount | undefined | null): string {
  if (!count) return '';
  return count.capped ? `${formatCount(count.count)}+` : formatCount(count.count);
}

/**
 * The query shown, counted as its query bar says it: exact past 1,000 once counted ("1,000+" while
 * counting), or the list's own length when it holds every lead. Null until the list is read.
 */
export function shownQueryCount(state: Store): CappedCount | null {
  if (state.activeQuery === null || !state.idsLoaded) return null;
  return state.queryTotal ?? { count: memberIds(state).length, capped: false };
}

/**
 * The sidebar count of the saved view shown, when its query bar has a number for it: one number
 * for one view on one screen (the sidebar's own counts stop at 1,000). A search narrows the list
 * but not the view, so then the sidebar keeps its own.
 */
function shownViewCount(state: Store): string | null {
  if (state.search.trim() !== '') return null;
  const shown = shownQueryCount(state);
  return shown === null ? null : cappedCount(shown);
}

export function SavedViewList() {
  const views = useStore((s) => s.savedViews);
  const counts = useStore((s) => s.savedCounts);
  const activeId = useStore((s) => s.activeQuery?.savedId ?? null);
  const activeCount = useStore(shownViewCount);
  const duplicates = useStore((s) => s.duplicateCount);
  const openPanel = useStore((s) => s.openPanel);
  return (
    <>
      <h2 className="sidebar-title">Saved views</h2>
      {views.length === 0 ? (
        <p className="sidebar-hint">Type a query in the palette (Ctrl+K), then save it.</p>
      ) : null}
      <ul aria-label="Saved views">
        {views.map((view, index) => (
          <li key={view.id}>
            <button
              type="button"
              className={`view${activeId === view.id ? ' active' : ''}`}
              aria-current={activeId === view.id ? 'page' : undefined}
              aria-keyshortcuts={index < 9 ? `g ${index + 1}` : undefined}
              title={`${view.query || 'All leads'}${index < 9 ? ` · g ${index + 1}` : ''}`}
              onClick={() => openSavedView(view)}
            >
              <span className="view-label">{view.name}</span>
              <span className="view-count">
                {activeId === view.id && activeCount !== null
                  ? activeCount
                  : cappedCount(counts[String(view.id)])}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="sidebar-title">Insights</h2>
      <ul>
        <li>
          <button type="button" className="view" onClick={() => openPanel({ kind: 'duplicates' })}>
            <span className="view-label">Possible duplicates</span>
            <span className="view-count">{cappedCount(duplicates)}</span>
          </button>
        </li>
        <li>
          <button type="button" className="view" onClick={() => openPanel({ kind: 'pipeline' })}>
            <span className="view-label">Pipeline</span>
            <span className="view-count">g p</span>
          </button>
        </li>
      </ul>
    </>
  );
}
