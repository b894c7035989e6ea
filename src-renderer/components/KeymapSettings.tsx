/**
 * The keymap, remappable: "Change" listens for the next key, which is refused (with the reason)
 * when another action already uses it in the same place.
 */
import { useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../controller/errors';
import { savePreferences } from '../controller/list-keys';
import { keymapActions } from '../keymap/actions';
import { displayKey, keyName } from '../keymap/keys';
import { actionLabel } from '../keymap/labels';
import { checkRemap } from '../keymap/registry';
import { ACTION_SPECS } from '../keymap/specs';
import { isMac } from '../logic/platform';
import { useRatingsOnKeys, useStore } from '../store/store';

export function KeymapSettings() {
  const keymap = useStore((s) => s.prefs.keymap);
  const stage = useStore((s) => s.stage);
  const ratings = useRatingsOnKeys();
  const [listening, setListening] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const actions = keymapActions(keymap);

  const store = (next: Record<string, string[]>) =>
    savePreferences({ keymap: next }).catch((error: unknown) => setMessage(errorMessage(error)));

  const capture = (event: KeyboardEvent<HTMLButtonElement>, actionId: string) => {
    const key = keyName(event);
    if (!key) return;
    event.preventDefault();
    event.stopPropagation();
    setListening(null);
    if (key === 'Escape' || key === 'Tab') return;
    const clash = checkRemap(ACTION_SPECS, keymap, actionId, [key]);
    if (clash) {
      setMessage(clash);
      return;
    }
    setMessage(null);
    void store({ ...keymap, [actionId]: [key] });
  };

  const reset = (actionId: string) => {
    const next = { ...keymap };
    delete next[actionId];
    void store(next);
  };

  return (
    <section className="settings-section" aria-labelledby="keymap-title">
      <h3 id="keymap-title">Keyboard</h3>
      <p className="muted">Press Change, then the new key. Esc keeps the old one.</p>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <table className="keymap-table">
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">{actionLabel(action, stage, ratings)}</th>
              <td>
                {action.keys.map((key) => (
                  <kbd key={key}>{displayKey(key, isMac)}</kbd>
                ))}
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Change the key for ${actionLabel(action, stage, ratings)}`}
                  className={listening === action.id ? 'listening' : ''}
                  onClick={() => setListening(action.id)}
                  onBlur={() => setListening((id) => (id === action.id ? null : id))}
                  onKeyDown={(event) => {
                    if (listening === action.id) capture(event, action.id);
                  }}
                >
                  {listening === action.id ? 'Press a key…' : 'Change'}
                </button>
                {keymap[action.id] ? (
                  <button type="button" onClick={() => reset(action.id)}>
                    Reset
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(keymap).length > 0 ? (
        <button type="button" onClick={() => void store({})}>
          Reset every key
        </button>
      ) : null}
    </section>
  );
}
