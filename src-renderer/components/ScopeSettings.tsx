/** Which leads are kept on this laptop: by salesperson and status. Empty means every lead. */
import { useEffect, useState } from 'react';
import { MARKETING_STATUSES, SALES_STATUSES, type SyncScope } from '#contract';
import { errorMessage } from '../controller/errors';
import { readSyncScope, saveSyncScope } from '../controller/settings';
import { FormMessage } from './FormMessage';

function StatusChecks({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly string[];
  chosen: readonly string[];
  onChange(next: string[]): void;
}) {
  return (
    <fieldset className="checks">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, option]
                  : chosen.filter((value) => value !== option),
              )
            }
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

export function ScopeSettings() {
  const [scope, setScope] = useState<SyncScope | null>(null);
  const [salespeople, setSalespeople] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    readSyncScope()
      .then((loaded) => {
        setScope(loaded);
        setSalespeople(loaded.salespeople.join(', '));
      })
      .catch((error: unknown) => setMessage({ ok: false, text: errorMessage(error) }));
  }, []);

  if (!scope) {
    return (
      <section className="settings-section">
        <h3>Sync scope</h3>
        <p className={message ? 'form-error' : 'muted'}>{message?.text ?? 'Loading…'}</p>
      </section>
    );
  }

  const save = async () => {
    const next: SyncScope = {
      ...scope,
      salespeople: salespeople
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    };
    try {
      await saveSyncScope(next);
      setScope(next);
      setMessage({ ok: true, text: 'Saved. The next sync keeps just these leads.' });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="scope-title">
      <h3 id="scope-title">Sync scope</h3>
      <p className="muted">Leave everything empty to keep every lead on this laptop.</p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="editor-field">
          <span>Salespeople (comma-separated)</span>
          <input type="text" value={salespeople} onChange={(e) => setSalespeople(e.target.value)} />
        </label>
        <StatusChecks
          legend="Marketing statuses"
          options={MARKETING_STATUSES}
          chosen={scope.marketingStatuses}
          onChange={(marketingStatuses) => setScope({ ...scope, marketingStatuses })}
        />
        <StatusChecks
          legend="Sales statuses"
          options={SALES_STATUSES}
          chosen={scope.salesStatuses}
          onChange={(salesStatuses) => setScope({ ...scope, salesStatuses })}
        />
        <FormMessage message={message} />
        <div className="dialog-actions">
          <button type="submit">Save sync scope</button>
        </div>
      </form>
    </section>
  );
}
