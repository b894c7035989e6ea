/**
 * The Envoke account: API ID, key, address; test it, save it, or go back to demo data. Saving
 * says what it is doing while Envoke is asked and the account's own cache opens; typed details
 * not saved are reported to the dialog, so Esc asks before dropping them.
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../controller/errors';
import { clearAccount, saveAccount, testAccount } from '../controller/settings';
import { SWITCHED_KEY, SWITCHED_NOTE } from '../logic/account-switch';
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

/** Said while a button works: what is happening now, and for how long so far. */
function useProgress(doing: string | null): string | null {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (doing === null) return;
    const timer = window.setInterval(() => setSeconds((s) => s + 1), 1_000);
    return () => window.clearInterval(timer);
  }, [doing]);
  if (doing === null) return null;
  return seconds < 2 ? `${doing}…` : `${doing}… ${seconds} s`;
}

export function AccountSettings({ onDirty }: { onDirty?: (dirty: boolean) => void }) {
  const info = useStore((s) => s.info);
  // Envoke's name for the account (GET /v1/settings), once a sync has read it.
  const accountName = useStore((s) => s.envokeAccount?.name);
  const initialUrl = info?.account?.baseUrl ?? DEFAULT_BASE_URL;
  const initialId = info?.account?.apiId ?? '';
  const [baseUrl, setBaseUrl] = useState(initialUrl);
  const [apiId, setApiId] = useState(initialId);
  const [apiKey, setApiKey] = useState('');
  const [sessionOnly, setSessionOnly] = useState(info?.keyStorage !== 'encrypted');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [doing, setDoing] = useState<string | null>(null);
  const busy = doing !== null;
  const progress = useProgress(doing);

  const dirty = apiKey !== '' || apiId.trim() !== initialId || baseUrl.trim() !== initialUrl;
  useEffect(() => onDirty?.(dirty && !busy), [dirty, busy, onDirty]);

  const run = async (
    what: () => Promise<{ ok: boolean; message: string }>,
    words: string,
    reloadOnSuccess: boolean,
  ) => {
    // Buttons say they are busy with aria-disabled rather than disabled: a disabled button loses
    // focus to the page, and the keys of the dialog (Esc, Tab) with it.
    if (busy) return;
    setDoing(words);
    setMessage(null);
    try {
      const result = await what();
      setMessage({ ok: result.ok, text: result.message });
      // A new account means a new database: start the window over on it, at the top of its list,
      // and say there that the saved views are the account's own.
      if (result.ok && reloadOnSuccess) {
        setDoing('Opening the account’s leads');
        window.sessionStorage.setItem(SWITCHED_KEY, SWITCHED_NOTE);
        window.location.reload();
        return;
      }
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
    setDoing(null);
  };

  const account = { baseUrl: baseUrl.trim(), apiId: apiId.trim(), apiKey };
  return (
    <section className="settings-section" aria-labelledby="account-title">
      <h3 id="account-title">Envoke account</h3>
      <p className="muted">
        {info?.demo
          ? `You are looking at demo data${accountName ? ` (${accountName})` : ''}. Enter your Envoke API ID and key to work on your own leads.`
          : `Connected${accountName ? ` to ${accountName}` : ''} as ${info?.account?.apiId ?? '?'} at ${info?.account?.baseUrl ?? '?'}.`}{' '}
        Each account keeps its own leads, saved views and unsent changes on this laptop.
      </p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () => saveAccount(account, sessionOnly),
            'Checking the API ID and key with Envoke, then opening this account',
            true,
          );
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
        {progress !== null ? (
          <p className="form-progress" role="status">
            {progress}
          </p>
        ) : (
          <FormMessage message={message} />
        )}
        <div className="dialog-actions">
          <button
            type="button"
            aria-disabled={busy}
            onClick={() => void run(() => testAccount(account), 'Asking Envoke', false)}
          >
            Test connection
          </button>
          <button type="submit" aria-disabled={busy}>
            {busy && doing?.startsWith('Checking') ? 'Saving…' : 'Save and use this account'}
          </button>
          {info?.demo ? null : (
            <button
              type="button"
              aria-disabled={busy}
              onClick={() =>
                void run(
                  async () => {
                    await clearAccount();
                    return { ok: true, message: 'Back to demo data.' };
                  },
                  'Going back to demo data',
                  true,
                )
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
