/** The bottom line: connection, sync progress, queue counts, last sync, demo data, and the key legend. */
import { useEffect, useState } from 'react';
import { connectionWords, plural, shortProgress, timeAgo } from '../logic/format';
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
  const now = useNow(30_000);
  if (!sync) return <span>Connecting…</span>;
  const parts = [
    <span key="state" className={`conn conn-${sync.state}`}>
      {connectionWords(sync)}
    </span>,
  ];
  // Most important first: a narrow window cuts the end of the line.
  if (demo)
    parts.push(
      <span key="demo" className="demo">
        Demo data
      </span>,
    );
  if (sync.progress) parts.push(<span key="progress">{shortProgress(sync.progress)}</span>);
  parts.push(
    <span key="last">
      {sync.lastSyncAt ? `synced ${timeAgo(sync.lastSyncAt, now)}` : 'not synced yet'}
    </span>,
    <span
      key="pending"
      className={sync.pending > 0 ? 'count-pending' : ''}
    >{`${sync.pending} pending`}</span>,
    <span
      key="failed"
      className={sync.failed > 0 ? 'count-failed' : ''}
    >{`${sync.failed} failed`}</span>,
    <span key="conflicts" className={sync.conflicts > 0 ? 'count-conflict' : ''}>
      {plural(sync.conflicts, 'conflict')}
    </span>,
  );
  if ((sync.state === 'offline' || sync.state === 'error') && sync.nextRetryAt) {
    parts.push(<span key="retry">next try {new Date(sync.nextRetryAt).toLocaleTimeString()}</span>);
  }
  return (
    <>
      {parts.flatMap((part, i) =>
        i === 0
          ? [part]
          : [
              <span key={`sep${i}`} className="sep">
                ·
              </span>,
              part,
            ],
      )}
      {sync.lastError && sync.state !== 'idle' ? (
        <span className="status-error"> — {sync.lastError}</span>
      ) : null}
    </>
  );
}

export function StatusBar() {
  return (
    <footer className="status-bar">
      <div className="status-line" role="status" aria-live="polite">
        <SyncSummary />
      </div>
      <KeyLegend />
    </footer>
  );
}
