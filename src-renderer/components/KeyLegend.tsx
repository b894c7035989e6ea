/** The active stage's keys, always on screen: `1 N/A 2 Unproc 3 Passed …  h Hot w Warm c Cold`. */
import { displayKey } from '../keymap/keys';
import { keymapActions } from '../keymap/actions';
import { isMac } from '../logic/platform';
import { STAGES, shortStatus } from '../logic/stage';
import { RATING_ACTION_IDS, useRatingsOnKeys, useStore } from '../store/store';

export function KeyLegend() {
  const stage = useStore((s) => s.stage);
  const keymap = useStore((s) => s.prefs.keymap);
  const ratings = useRatingsOnKeys();
  const actions = keymapActions(keymap);
  const firstKey = (id: string) => {
    const key = actions.find((action) => action.id === id)?.keys[0];
    return key ? displayKey(key, isMac) : '';
  };
  const statuses = STAGES[stage].statuses.map(
    (status, i) => [firstKey(`status-${i + 1}`), shortStatus(status)] as const,
  );
  // The account's own ratings of this stage, on h, w and c.
  const rated = RATING_ACTION_IDS.flatMap((id, i) => {
    const rating = ratings[i];
    return rating === undefined ? [] : [[firstKey(id), rating] as const];
  });
  const more = firstKey('rating-pick');
  return (
    <div className="key-legend" aria-label={`${STAGES[stage].label} keys`}>
      <span className="legend-stage">{STAGES[stage].label}</span>
      {[...statuses, ...rated].map(([key, label]) =>
        key ? (
          <span key={label} className="legend-item">
            <kbd>{key}</kbd> {label}
          </span>
        ) : null,
      )}
      {more ? (
        <span className="legend-item">
          <kbd>{more}</kbd> rating…
        </span>
      ) : null}
      <span className="legend-item">
        <kbd>?</kbd> keys
      </span>
    </div>
  );
}
