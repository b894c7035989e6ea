/** Auto-advance and theme; each change is saved at once. */
import { useState } from 'react';
import type { Preferences } from '#contract';
import { errorMessage } from '../controller/errors';
import { savePreferences } from '../controller/list-keys';
import { useStore } from '../store/store';

export function PreferenceSettings() {
  const prefs = useStore((s) => s.prefs);
  const [error, setError] = useState<string | null>(null);
  const save = (change: Partial<Preferences>) => {
    savePreferences(change).then(
      () => setError(null),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  return (
    <section className="settings-section" aria-labelledby="prefs-title">
      <h3 id="prefs-title">Preferences</h3>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.autoAdvance}
          onChange={(e) => save({ autoAdvance: e.target.checked })}
        />
        Space goes on to the next lead (auto-advance). A status key never moves on by itself, so the
        next key still acts on the same lead.
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.notifyProblems}
          onChange={(e) => save({ notifyProblems: e.target.checked })}
        />
        Notify me when a sync finds conflicts or Envoke refuses a change (desktop app)
      </label>
      <label className="editor-field inline">
        <span>Theme</span>
        <select
          value={prefs.theme}
          onChange={(e) => save({ theme: e.target.value as Preferences['theme'] })}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
