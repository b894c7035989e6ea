/**
 * Possible duplicates side by side: leads sharing an email (in any case) or a name at the same
 * company. The person can show a pair in the list or say it is not a duplicate (kept on this
 * laptop only; nothing is merged in Envoke). Every pair is reached by keyboard, a page at a time
 * (j/k move and turn the page, Enter shows the pair, n says it is not a duplicate), and focus
 * stays in the panel throughout, so Esc always closes it.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { printValue, type DuplicateCursor, type DuplicatePair, type LeadSummary } from '#contract';
import { dismissDuplicate, duplicatePairs } from '../controller/duplicates';
import { errorMessage } from '../controller/errors';
import { DUPLICATES_QUERY, loadDuplicateCount, showTypedQuery } from '../controller/saved-views';
import { formatCount } from '../logic/format';
import { useStore } from '../store/store';
import { Dialog } from './Dialog';
import { cappedCount } from './SavedViewList';

/** Pairs on one page of the panel. */
const PAGE = 50;

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
    ? `email:=${printValue(pair.a.email)}`
    : `contact:=${printValue(pair.a.contactName)} company:=${printValue(pair.a.company)}`;
}

interface Page {
  /** Where the page starts (null: the first page). */
  from: DuplicateCursor | null;
  /** The pages before it, for k and "Previous pairs". */
  before: (DuplicateCursor | null)[];
  /** How many pairs come before it. */
  offset: number;
  pairs: DuplicatePair[];
  next: DuplicateCursor | null;
}

export function DuplicatesPanel() {
  const [page, setPage] = useState<Page | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const leadsWithDuplicate = useStore((s) => s.duplicateCount);
  const list = useRef<HTMLUListElement>(null);

  const load = useCallback(
    async (from: DuplicateCursor | null, before: Page['before'], offset: number, at: number) => {
      try {
        const answer = await duplicatePairs(from, PAGE);
        setPage({ from, before, offset, pairs: answer.pairs, next: answer.next });
        setIndex(at < 0 ? answer.pairs.length - 1 : Math.min(at, answer.pairs.length - 1));
        setError(null);
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [],
  );

  useEffect(() => {
    void load(null, [], 0, 0);
    // The sidebar's count follows what the panel finds (it is otherwise recounted once a minute).
    void loadDuplicateCount();
  }, [load]);

  // Set by a dismissal: the pair that takes the dismissed one's place gets focus on "Show both",
  // even where focus was on its "Not a duplicate" (clicked with the mouse), so Enter shows it
  // rather than dismissing the next pair too.
  const showNext = useRef(false);

  // Focus follows the current pair (its "Show both" button), unless it is on that pair already.
  // Before paint, so no key lands on the page behind while a page of pairs is redrawn.
  useLayoutEffect(() => {
    const pair = list.current?.querySelector<HTMLElement>(`[data-pair="${index}"]`);
    if (!pair) return;
    const forced = showNext.current;
    showNext.current = false;
    if (!forced && pair.contains(document.activeElement)) return;
    pair.querySelector<HTMLButtonElement>('button[data-show]')?.focus();
  }, [page, index]);

  const show = (query: string, name: string) => {
    useStore.getState().closePanel();
    showTypedQuery(query, name);
  };

  const nextPage = () => {
    if (page?.next) void load(page.next, [...page.before, page.from], page.offset + PAGE, 0);
  };
  const previousPage = (at: number) => {
    if (!page || page.before.length === 0) return;
    const from = page.before[page.before.length - 1] ?? null;
    void load(from, page.before.slice(0, -1), Math.max(0, page.offset - PAGE), at);
  };

  const move = (step: number) => {
    if (!page) return;
    const to = index + step;
    if (to >= page.pairs.length) nextPage();
    else if (to < 0) previousPage(-1);
    else setIndex(to);
  };

  const dismiss = async (pair: DuplicatePair) => {
    try {
      await dismissDuplicate(pair);
      showNext.current = true;
      // The same page again, from where it started: the next pair moves into this one's place.
      if (page) await load(page.from, page.before, page.offset, index);
      void loadDuplicateCount();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = page?.pairs[index];
    if (event.key === 'j' || event.key === 'ArrowDown') move(1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
    else if (event.key === 'PageDown') nextPage();
    else if (event.key === 'PageUp') previousPage(0);
    else if (event.key === 'n' && current) void dismiss(current);
    else return;
    event.preventDefault();
  };

  const first = page ? page.offset + 1 : 0;
  const last = page ? page.offset + page.pairs.length : 0;
  return (
    <Dialog
      title="Possible duplicates"
      className="duplicates-panel"
      onKeyDown={onKeyDown}
      onClose={() => useStore.getState().closePanel()}
    >
      <p>
        Leads with the same email, or the same name at the same company. Nothing is merged in
        Envoke.{' '}
        <button type="button" onClick={() => show(DUPLICATES_QUERY, 'Possible duplicates')}>
          Show all in the list
        </button>
      </p>
      <p className="muted duplicates-keys">
        <kbd>j</kbd> <kbd>k</kbd> next and previous pair (pages turn by themselves) ·{' '}
        <kbd>Enter</kbd> show the pair in the list · <kbd>n</kbd> not a duplicate · <kbd>Esc</kbd>{' '}
        close
      </p>
      {error !== null ? (
        <p role="alert" className="query-error">
          {error}
        </p>
      ) : null}
      {page === null ? <p className="muted">Looking…</p> : null}
      {page !== null && page.pairs.length === 0 ? <p>No possible duplicates.</p> : null}
      {page !== null && page.pairs.length > 0 ? (
        <p className="duplicates-range" aria-live="polite">
          Pairs {formatCount(first)}–{formatCount(last)}
          {page.next ? ', more follow' : page.offset > 0 ? ', the last ones' : ''}
          {leadsWithDuplicate
            ? ` · ${cappedCount(leadsWithDuplicate)} ${leadsWithDuplicate.count === 1 && !leadsWithDuplicate.capped ? 'lead has' : 'leads have'} a possible duplicate`
            : ''}
        </p>
      ) : null}
      <ul ref={list} className="duplicate-pairs" aria-label="Pairs">
        {(page?.pairs ?? []).map((pair, i) => {
          const reason = pair.reason === 'email' ? 'Same email' : 'Same name and company';
          const describedBy = `pair-${pair.a.id}-${pair.b.id}`;
          return (
            <li
              key={describedBy}
              data-pair={i}
              aria-current={i === index ? 'true' : undefined}
              className={`duplicate-pair${i === index ? ' current' : ''}`}
            >
              <span className="duplicate-reason" id={describedBy}>
                {reason}: {pair.a.contactName || pair.a.email} and{' '}
                {pair.b.contactName || pair.b.email}
              </span>
              <div className="duplicate-sides">
                <LeadCard lead={pair.a} />
                <LeadCard lead={pair.b} />
              </div>
              <div className="duplicate-actions">
                <button
                  type="button"
                  data-show
                  aria-describedby={describedBy}
                  onFocus={() => setIndex(i)}
                  onClick={() => show(pairQuery(pair), 'Duplicate pair')}
                >
                  Show both
                </button>
                <button
                  type="button"
                  aria-describedby={describedBy}
                  onFocus={() => setIndex(i)}
                  onClick={() => void dismiss(pair)}
                >
                  Not a duplicate
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {page !== null && (page.before.length > 0 || page.next) ? (
        <div className="dialog-actions">
          <button
            type="button"
            aria-disabled={page.before.length === 0}
            onClick={() => previousPage(0)}
          >
            Previous pairs
          </button>
          <button type="button" aria-disabled={page.next === null} onClick={nextPage}>
            Next pairs
          </button>
        </div>
      ) : null}
    </Dialog>
  );
}
