/** Every change on its way to Envoke, with its state and Envoke's own words when it failed. */
import { useEffect } from 'react';
import type { OutboxEntry } from '#contract';
import {
  discardSelected,
  editSelected,
  loadOutbox,
  resolveSelected,
  retrySelected,
} from '../controller/outbox';
import { describeFields } from '../logic/fields';
import { asSentence, formatTime, plural } from '../logic/format';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

const STATE_WORDS: Record<OutboxEntry['state'], string> = {
  pending: 'Waiting',
  sending: 'Sending',
  failed: 'Failed',
  conflict: 'Conflict',
  done: 'Sent',
  cancelled: 'Discarded',
};

function EntryRow({ entry, index }: { entry: OutboxEntry; index: number }) {
  const current = useStore((s) => s.outboxIndex === index);
  const armed = useStore((s) => s.discardArmed === entry.id);
  return (
    <li
      role="option"
      aria-selected={current}
      className={`outbox-entry state-${entry.state}${current ? ' current' : ''}`}
      onClick={() => useStore.getState().setOutboxIndex(index)}
    >
      <div className="outbox-line">
        <span className={`badge badge-${entry.state}`}>{STATE_WORDS[entry.state]}</span>
        <strong>{entry.leadLabel}</strong>
        <span className="muted">{entry.kind === 'create' ? 'new lead' : 'change'}</span>
        <span className="muted right">
          {plural(entry.attempts, 'attempt')} · {formatTime(entry.updatedAt)}
          {entry.nextAttemptAt ? ` · next try ${formatTime(entry.nextAttemptAt)}` : ''}
        </span>
      </div>
      <div className="outbox-fields">{describeFields(entry.fields)}</div>
      {entry.lastError ? (
        <div className="outbox-error">
          {entry.state === 'failed' ? '' : 'Last try: '}
          {asSentence(entry.lastError)}
        </div>
      ) : null}
      {entry.conflicts.length > 0 ? (
        <div className="outbox-error">
          Envoke changed {plural(entry.conflicts.length, 'field')} too: press Enter to choose.
        </div>
      ) : null}
      {armed ? (
        <div className="outbox-error">Press d again to discard this change for good.</div>
      ) : null}
    </li>
  );
}

export function OutboxPanel() {
  const entries = useStore((s) => s.outbox);
  const error = useStore((s) => s.outboxError);
  const sync = useStore((s) => s.sync);

  // The queue moves as sync works through it; follow it while the panel is open.
  useEffect(() => {
    void loadOutbox();
  }, [sync]);

  return (
    <Dialog title="Outbox" className="outbox">
      <p className="muted">
        Changes wait here until Envoke has them. <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>r</kbd> retry
        · <kbd>e</kbd> edit · <kbd>d</kbd> discard · <kbd>Enter</kbd> resolve a conflict ·{' '}
        <kbd>Esc</kbd> close
      </p>
      {error ? (
        <p className="list-error" role="alert">
          {error}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="empty">Nothing waiting: every change has reached Envoke.</p>
      ) : (
        <ul className="outbox-list" role="listbox" aria-label="Queued changes">
          {entries.map((entry, index) => (
            <EntryRow key={entry.id} entry={entry} index={index} />
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void retrySelected()} disabled={entries.length === 0}>
          Retry <kbd>r</kbd>
        </button>
        <button type="button" onClick={() => editSelected()} disabled={entries.length === 0}>
          Edit <kbd>e</kbd>
        </button>
        <button
          type="button"
          onClick={() => void discardSelected()}
          disabled={entries.length === 0}
        >
          Discard <kbd>d</kbd>
        </button>
        <button type="button" onClick={() => resolveSelected()} disabled={entries.length === 0}>
          Resolve <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={() => useStore.getState().closePanel()}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
