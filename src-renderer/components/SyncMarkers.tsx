/** Whether this lead's changes have reached Envoke, and what to do when they cannot. */
import type { LeadDetail, LeadSyncState } from '#contract';
import { describeFields, fieldLabel } from '../logic/fields';
import { asSentence } from '../logic/format';

export function SyncMarkers({
  detail,
  syncState,
}: {
  detail: LeadDetail;
  syncState: LeadSyncState;
}) {
  const failed = detail.pending.filter((entry) => entry.state === 'failed');
  const waiting = detail.pending.filter(
    (entry) => entry.state === 'pending' || entry.state === 'sending',
  );
  return (
    <div className="markers">
      {detail.goneFromEnvoke ? (
        <p className="marker marker-failed">This lead is no longer on Envoke.</p>
      ) : null}
      {syncState === 'pending' || waiting.length > 0 ? (
        <p className="marker marker-pending">
          Pending:{' '}
          {waiting.length > 0
            ? waiting.map((entry) => describeFields(entry.fields)).join('; ')
            : 'saving…'}
        </p>
      ) : null}
      {failed.map((entry) => (
        <p key={entry.id} className="marker marker-failed">
          Not sent: {describeFields(entry.fields)}.{' '}
          {asSentence(entry.lastError ?? 'Envoke gave no reason')} Press <kbd>p</kbd> to edit, retry
          or discard it.
        </p>
      ))}
      {detail.conflicts.length > 0 ? (
        <p className="marker marker-conflict">
          Conflict: Envoke changed {detail.conflicts.map((c) => fieldLabel(c.field)).join(', ')}{' '}
          too. Press <kbd>r</kbd> to choose.
        </p>
      ) : null}
      {syncState === 'synced' && detail.pending.length === 0 && detail.conflicts.length === 0 ? (
        <p className="marker marker-synced">In step with Envoke.</p>
      ) : null}
    </div>
  );
}
