/** The Envoke account: API ID, key, address; test it, save it, or go back to demo data. */
import { useState } from 'react';
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';
import { FormMessage } from './FormMessage';

const DEFAULT_BASE_URL = 'https://e1.envoke.com';

const KEY_STORAGE_WORDS = {
  encrypted: 'The API key is kept encrypted by your operating system.',
  'session-only':
    'This computer offers no encrypted storage: the API key is kept only until Lead Triage closes.',
  unavailable:
    'This computer offers no encrypted storage. Tick “only for this session” to use the key without writing it to disk.',
} as const;

export function AccountSettings() {
  const info = useStore((s) => s.info);
  // Envoke's name for the account (GET /v1/settings), once a sync has read it.
  const accountName = useStore((s) => s.envokeAccount?.name);
  const [baseUrl, setBaseUrl] = useState(info?.account?.baseUrl ?? DEFAULT_BASE_URL);
  const [apiId, setApiId] = useState(info?.account?.apiId ?? '');
  const [apiKey, setApiKey] = useState('');
  const [sessionOnly, setSessionOnly] = useState(info?.keyStorage !== 'encrypted');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (
    what: () => Promise<{ ok: boolean; message: string }>,
    reloadOnSuccess: boolean,
  ) => {
    // Buttons say they are busy with aria-disabled rather than disabled: a disabled button loses
    // focus to the page, and the keys of the dialog (Esc, Tab) with it.
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await what();
      setMessage({ ok: result.ok, text: result.message });
      // A new account means a new database: start the window over on it.
      if (result.ok && reloadOnSuccess) window.location.reload();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const account = { baseUrl: baseUrl.trim(), apiId: apiId.trim(), apiKey };
  return (
    <section className="settings-section" aria-labelledby="account-title">
      <h3 id="account-title">Envoke account</h3>
      <p className="muted">
        {info?.demo
          ? `You are looking at demo data${accountName ? ` (${accountName})` : ''}. Enter your Envoke API ID and key to work on your own leads.`
          : `Connected${accountName ? ` to ${accountName}` : ''} as ${info?.account?.apiId ?? '?'} at ${info?.account?.baseUrl ?? '?'}.`}
      </p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => invoke('account:save', { ...account, sessionOnly }), true);
        }}
      >
        <label className="editor-field">
          <span>API ID</span>
          <input
            data-autofocus
            type="text"
            value={apiId}
            onChange={(e) => setApiId(e.target.value)}
            autoComplete="off"
          />
        </label>
        <label className="editor-field">
          <span>API key</span>
          <input
            type="password"
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
            autoComplete="off"
          />
        </label>
        <label className="editor-field">
          <span>Envoke address</span>
          <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
        <p className="muted">{info ? KEY_STORAGE_WORDS[info.keyStorage] : ''}</p>
        {info && info.keyStorage !== 'encrypted' ? (
          <label className="check">
            <input
              type="checkbox"
              checked={sessionOnly}
              onChange={(e) => setSessionOnly(e.target.checked)}
            />
            Keep the key only for this session
          </label>
        ) : null}
        <FormMessage message={message} />
        <div className="dialog-actions">
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => void run(() => invoke('account:test', account), false)}
          >
            Test connection
          </button>
          <button type="submit" aria-disabled={busy}>
            Save and use this account
          </button>
          {info?.demo ? null : (
            <button
              type="button"
              aria-disabled={busy}
              onClick={() =>
                void run(async () => {
                  await invoke('account:clear', {});
                  return { ok: true, message: 'Back to demo data.' };
                }, true)
              }
            >
              Remove account (back to demo data)
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
