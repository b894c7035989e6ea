/** The bottom line: connection, sync progress, queue counts, last sync, demo data, and the key legend. */
import { useEffect, useState } from 'react';
import { onUpdateReady, restartToUpdate } from '../controller/app-update';
import { connectionWords, plural, retryWords, shortProgress, timeAgo } from '../logic/format';
import { useStore } from '../store/store';
import { KeyLegend } from './KeyLegend';

/** "synced 2 min ago" must age while nothing else changes. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

function SyncSummary() {
  const sync = useStore((s) => s.sync);
  const demo = useStore((s) => s.info?.demo ?? false);
  const hostReachable = useStore((s) => s.hostReachable);
  const networkOnline = useStore((s) => s.networkOnline);
  const waiting = sync?.nextRetryAt && (sync.state === 'offline' || sync.state === 'error');
  // A retry counts down by the second; otherwise "synced 2 min ago" ages by the half minute.
  const now = useNow(waiting ? 1_000 : 30_000);
  if (!hostReachable)
    return (
      <span className="conn conn-offline">
        Lead Triage is not answering (is it still running?): reconnecting…
      </span>
    );
  if (!sync) return <span>Connecting…</span>;
  // The computer has no network: "Offline" at once, whatever the core said before it noticed.
  const state = !networkOnline && sync.state !== 'auth-required' ? 'offline' : sync.state;
  // Most important first: a narrow window cuts the end of the line.
  const parts = [
    <span key="state" className={`conn conn-${state}`} title={sync.lastError ?? undefined}>
      {connectionWords({ ...sync, state })}
      {waiting && sync.nextRetryAt && networkOnline ? `, ${retryWords(sync.nextRetryAt, now)}` : ''}
    </span>,
  ];
  // "Offline" says what the error would; a stopped sync needs its reason on screen.
  if (sync.state === 'error' && sync.lastError)
    parts.push(
      <span key="error" className="status-error">
        {sync.lastError}
      </span>,
    );
  if (demo)
    parts.push(
      <span key="demo" className="demo">
        Demo data
      </span>,
    );
  if (sync.progress) parts.push(<span key="progress">{shortProgress(sync.progress)}</span>);
  parts.push(
    <span key="last">
      {sync.lastSyncAt
        ? `${state === 'idle' ? '' : 'last '}synced ${timeAgo(sync.lastSyncAt, now)}`
        : 'not synced yet'}
    </span>,
    <span
      key="pending"
      className={sync.pending > 0 ? 'count-pending' : ''}
    >{`${sync.pending} pending`}</span>,
    // "0 failed" and "0 conflicts" are the first words a narrow window leaves out (styles.css).
    <span key="failed" className={sync.failed > 0 ? 'count-failed' : 'zero'}>
      {`${sync.failed} failed`}
    </span>,
    <span key="conflicts" className={sync.conflicts > 0 ? 'count-conflict' : 'zero'}>
      {plural(sync.conflicts, 'conflict')}
    </span>,
  );
  return (
    <>
      {parts.flatMap((part, i) =>
        i === 0
          ? [part]
          : [
              <span
                key={`sep${i}`}
                className={part.props.className === 'zero' ? 'sep zero' : 'sep'}
              >
                ·
              </span>,
              part,
            ],
      )}
    </>
  );
}

/**
 * The desktop app downloaded an update: a button to install it. The app asks before restarting
 * (saying how many changes are still unsent) and never restarts by itself.
 */
function UpdateButton() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => onUpdateReady(setVersion), []);
  if (version === null) return null;
  return (
    <button
      type="button"
      className="update-button"
      title={`Version ${version} is downloaded`}
      onClick={restartToUpdate}
    >
      Restart to update
    </button>
  );
}

export function StatusBar() {
  return (
    <footer className="status-bar">
      <div className="status-line" role="status" aria-live="polite">
        <SyncSummary />
      </div>
      <UpdateButton />
      <KeyLegend />
    </footer>
  );
}
