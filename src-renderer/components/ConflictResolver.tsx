/** Per field: what the person saw, what Envoke has now, what the person set. Chosen with t / m. */
import { choose } from '../controller/conflicts';
import { fieldLabel } from '../logic/fields';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const shown = (value: string) => (value === '' ? '–' : value);

export function ConflictResolver() {
  const conflicts = useStore((s) => s.conflicts);
  const index = useStore((s) => s.conflictIndex);
  const error = useStore((s) => s.conflictError);
  const setIndex = useStore((s) => s.setConflictIndex);

  return (
    <Dialog title="Resolve conflict" className="conflict">
      <p className="muted">
        Envoke changed these fields while your change was on its way. <kbd>j</kbd>/<kbd>k</kbd> move
        · <kbd>t</kbd> keep Envoke’s · <kbd>m</kbd> keep mine · <kbd>Esc</kbd> decide later
      </p>
      {error ? (
        <p className="list-error" role="alert">
          {error}
        </p>
      ) : null}
      {conflicts.length === 0 ? <p className="empty">Loading…</p> : null}
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">What you saw</th>
            <th scope="col">Envoke now</th>
            <th scope="col">Your change</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict, i) => (
            <tr
              key={conflict.field}
              className={i === index ? 'current' : ''}
              aria-selected={i === index}
              onClick={() => setIndex(i)}
            >
              <th scope="row">{fieldLabel(conflict.field)}</th>
              <td className="base">{shown(conflict.base)}</td>
              <td className="theirs">
                <button
                  type="button"
                  onClick={() => {
                    setIndex(i);
                    void choose('theirs');
                  }}
                >
                  {shown(conflict.theirs)} <kbd>t</kbd>
                </button>
              </td>
              <td className="mine">
                <button
                  type="button"
                  onClick={() => {
                    setIndex(i);
                    void choose('mine');
                  }}
                >
                  {shown(conflict.mine)} <kbd>m</kbd>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
