/**
 * Possible duplicates side by side: leads sharing an email (in any case) or a name at the same
 * company. The person can show a pair in the list or say it is not a duplicate (kept on this
 * laptop only; nothing is merged in Envoke).
 */
import { useCallback, useEffect, useState } from 'react';
import { printValue, type DuplicatePair, type LeadSummary } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { DUPLICATES_QUERY, loadDuplicateCount, showTypedQuery } from '../controller/saved-views';
import { undoOrder } from '../controller/on-screen';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';

function LeadCard({ lead }: { lead: LeadSummary }) {
  return (
    <div className="duplicate-card">
      <strong>{lead.contactName || '(no name)'}</strong>
      <span>{lead.company || '(no company)'}</span>
      <span>{lead.email}</span>
      <span className="muted">
        Created {lead.createTime} · {lead.marketing_rating_status || 'no status'}
      </span>
    </div>
  );
}

function pairQuery(pair: DuplicatePair): string {
  return pair.reason === 'email'
    ? `email:${printValue(pair.a.email)}`
    : `contact:${printValue(pair.a.contactName)} company:${printValue(pair.a.company)}`;
}

export function DuplicatesPanel() {
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    invoke('duplicates:pairs', { limit: 200 })
      .then((answer) => setPairs(answer.pairs))
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }, []);
  useEffect(() => {
    load();
    // The sidebar's count follows what the panel finds (it is otherwise recounted once a minute).
    void loadDuplicateCount();
  }, [load]);

  const show = (query: string, name: string) => {
    useStore.getState().closePanel();
    showTypedQuery(query, name);
  };
  const dismiss = async (pair: DuplicatePair) => {
    try {
      await invoke('duplicates:dismiss', { a: pair.a.id, b: pair.b.id });
      undoOrder.other();
      load();
      void loadDuplicateCount();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Dialog
      title="Possible duplicates"
      className="duplicates-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          useStore.getState().closePanel();
        }
      }}
    >
      <p>
        Leads with the same email, or the same name at the same company. Nothing is merged in
        Envoke.{' '}
        <button
          type="button"
          data-autofocus
          onClick={() => show(DUPLICATES_QUERY, 'Possible duplicates')}
        >
          Show all in the list
        </button>
      </p>
      {error !== null ? (
        <p role="alert" className="query-error">
          {error}
        </p>
      ) : null}
      {pairs === null ? <p className="muted">Looking…</p> : null}
      {pairs !== null && pairs.length === 0 ? <p>No possible duplicates.</p> : null}
      <ul className="duplicate-pairs" aria-label="Pairs">
        {(pairs ?? []).map((pair) => (
          <li key={`${pair.a.id}-${pair.b.id}`} className="duplicate-pair">
            <span className="duplicate-reason">
              {pair.reason === 'email' ? 'Same email' : 'Same name and company'}
            </span>
            <div className="duplicate-sides">
              <LeadCard lead={pair.a} />
              <LeadCard lead={pair.b} />
            </div>
            <div className="duplicate-actions">
              <button type="button" onClick={() => show(pairQuery(pair), 'Duplicate pair')}>
                Show both
              </button>
              <button type="button" onClick={() => void dismiss(pair)}>
                Not a duplicate
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
