/** `?`: the live keymap, grouped, with the person's own keys. */
import { keymapActions } from '../keymap/actions';
import { displayKey } from '../keymap/keys';
import { actionLabel } from '../keymap/labels';
import type { ActionSpec } from '../keymap/specs';
import { isMac } from '../logic/platform';
import { useRatingsOnKeys, useStore } from '../store/store';
import { Dialog } from './Dialog';

const GROUP_ORDER: readonly ActionSpec['group'][] = [
  'Move',
  'Triage',
  'Select',
  'History',
  'Find',
  'Views',
  'Panels',
  'Outbox',
  'Conflict',
];

export function HelpOverlay() {
  const keymap = useStore((s) => s.prefs.keymap);
  const stage = useStore((s) => s.stage);
  const ratings = useRatingsOnKeys();
  const actions = keymapActions(keymap);
  return (
    <Dialog title="Keyboard shortcuts" className="help">
      <p className="muted">
        Keys do nothing while you type in a field. Change them in Settings ( , ). Esc closes.
      </p>
      <div className="help-groups">
        {GROUP_ORDER.map((group) => (
          <section key={group} className="help-group">
            <h3>
              {group === 'Outbox'
                ? 'In the outbox'
                : group === 'Conflict'
                  ? 'In the conflict resolver'
                  : group}
            </h3>
            <dl>
              {actions
                .filter((action) => action.group === group)
                .map((action) => (
                  <div key={action.id} className="help-row">
                    <dt>
                      {action.keys.length === 0 ? <span className="muted">no key</span> : null}
                      {action.keys.map((key) => (
                        <kbd key={key}>{displayKey(key, isMac)}</kbd>
                      ))}
                    </dt>
                    <dd>{actionLabel(action, stage, ratings)}</dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
