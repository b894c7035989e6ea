/** The views down the left, each with its live count. */
import { VIEW_IDS, type ViewId } from '#contract';
import { formatCount } from '../logic/format';
import { VIEW_LABELS } from '../logic/views';
import { useStore } from '../store/store';
import { SavedViewList } from './SavedViewList';

function ViewButton({ view }: { view: ViewId }) {
  const active = useStore((s) => s.view === view && s.activeQuery === null);
  const count = useStore((s) => s.counts[view]);
  const setView = useStore((s) => s.setView);
  const alert = (view === 'failed' || view === 'conflicts') && (count ?? 0) > 0;
  return (
    <li>
      <button
        type="button"
        className={`view${active ? ' active' : ''}${alert ? ' alert' : ''}`}
        aria-current={active ? 'page' : undefined}
        onClick={() => setView(view)}
      >
        <span className="view-label">{VIEW_LABELS[view]}</span>
        <span className="view-count">{count === undefined ? '' : formatCount(count)}</span>
      </button>
    </li>
  );
}

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Views">
      <h2 className="sidebar-title">Views</h2>
      <ul>
        {VIEW_IDS.map((view) => (
          <ViewButton key={view} view={view} />
        ))}
      </ul>
      <SavedViewList />
    </nav>
  );
}
