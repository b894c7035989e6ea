/** The active stage's keys, always on screen: `1 N/A 2 Unproc 3 Passed …  h Hot w Warm c Cold`. */
import { displayKey } from '../keymap/keys';
import { keymapActions } from '../keymap/actions';
import { isMac } from '../logic/platform';
import { STAGES, shortStatus } from '../logic/stage';
import { useStore } from '../store/store';

const RATING_ACTIONS = [
  ['rating-hot', 'Hot'],
  ['rating-warm', 'Warm'],
  ['rating-cold', 'Cold'],
] as const;

export function KeyLegend() {
  const stage = useStore((s) => s.stage);
  const keymap = useStore((s) => s.prefs.keymap);
  const actions = keymapActions(keymap);
  const firstKey = (id: string) => {
    const key = actions.find((action) => action.id === id)?.keys[0];
    return key ? displayKey(key, isMac) : '';
  };
  const statuses = STAGES[stage].statuses.map(
    (status, i) => [firstKey(`status-${i + 1}`), shortStatus(status)] as const,
  );
  const ratings = RATING_ACTIONS.map(([id, label]) => [firstKey(id), label] as const);
  return (
    <div className="key-legend" aria-label={`${STAGES[stage].label} keys`}>
      <span className="legend-stage">{STAGES[stage].label}</span>
      {[...statuses, ...ratings].map(([key, label]) =>
        key ? (
          <span key={label} className="legend-item">
            <kbd>{key}</kbd> {label}
          </span>
        ) : null,
      )}
      <span className="legend-item">
        <kbd>?</kbd> keys
      </span>
    </div>
  );
}
