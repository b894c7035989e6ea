/**
 * The lead list: a listbox virtualized over every id of the view. Only the rows on screen exist in
 * the page, and only their data is fetched.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { showRange } from '../controller/data';
import { outcomeInUse } from '../logic/columns';
import type { Stage } from '../logic/stage';
import { VIEW_LABELS } from '../logic/views';
import { selectCurrentId, useStore, type Store } from '../store/store';
import { LeadRow, ROW_HEIGHT } from './LeadRow';

/**
 * What the list shows, named: a built-in view, a saved view or a pipeline bar, or a typed query.
 * `label` names the list for a screen reader; `phrase` fits in a sentence.
 */
function useListName(): { label: string; phrase: string } {
  const view = useStore((s) => s.view);
  const query = useStore((s) => s.activeQuery);
  if (query === null) return { label: VIEW_LABELS[view], phrase: VIEW_LABELS[view] };
  if (query.savedId === null && query.name === 'Query')
    return { label: 'Query', phrase: 'this query' };
  return { label: query.name, phrase: `“${query.name}”` };
}

const EMPTY_ID = 'lead-list-empty';

function EmptyList({ name }: { name: string }) {
  const search = useStore((s) => s.search);
  const loaded = useStore((s) => s.idsLoaded);
  const isQuery = useStore((s) => s.activeQuery !== null);
  const syncing = useStore((s) => s.sync?.lastSyncAt === null && s.sync.state === 'syncing');
  let text = isQuery ? `No lead matches ${name}.` : `No leads in ${name}.`;
  if (!loaded) text = 'Loading leads…';
  else if (search.trim()) text = `No lead in ${name} matches “${search.trim()}”.`;
  else if (syncing) text = 'Your leads are on their way from Envoke…';
  // A listbox holds options only: the sentence is drawn in its place but read as its description.
  return (
    <p className="empty" id={EMPTY_ID} aria-hidden="true">
      {text}
    </p>
  );
}

/** Follows a stage column's width (its header's), for the rows to fit their values to. */
function useStageWidth(stage: Stage, header: RefObject<HTMLSpanElement | null>): void {
  useEffect(() => {
    const element = header.current;
    if (!element) return;
    const setWidth = useStore.getState().setStageWidth;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(stage, Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [stage, header]);
}

export function LeadList() {
  const scroller = useRef<HTMLDivElement>(null);
  const marketingHeader = useRef<HTMLSpanElement>(null);
  const salesHeader = useRef<HTMLSpanElement>(null);
  const ids = useStore((s) => s.ids);
  const cursor = useStore((s) => s.cursor);
  const currentId = useStore(selectCurrentId);
  const listError = useStore((s) => s.listError);
  const name = useListName();
  useStageWidth('marketing', marketingHeader);
  useStageWidth('sales', salesHeader);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // React 19 warns about flushSync during rendering; a frame's delay while scrolling is invisible.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    showRange(first, last);
  }, [first, last, ids]);

  useEffect(() => {
    if (ids.length > 0) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, ids.length, virtualizer]);

  // The rows on screen (not those drawn beyond it): a column empty there gives way.
  const shownFirst = virtualizer.range?.startIndex ?? first;
  const shownLast = virtualizer.range?.endIndex ?? last;
  const outcome = useStore(
    useCallback(
      (s: Store) => outcomeInUse(ids.slice(shownFirst, shownLast + 1).map((id) => s.rows[id])),
      [ids, shownFirst, shownLast],
    ),
  );

  return (
    <div className={`list-body${outcome ? '' : ' no-outcome'}`}>
      {listError ? (
        <p className="list-error" role="alert">
          {listError}
        </p>
      ) : null}
      <div className="list-columns" aria-hidden="true">
        <span className="cell mark" />
        <span className="cell company">Company</span>
        <span className="cell contact">Contact</span>
        <span ref={marketingHeader} className="cell stage-cell marketing">
          Marketing
        </span>
        <span ref={salesHeader} className="cell stage-cell sales">
          Sales
        </span>
        <span className="cell outcome">Outcome</span>
        <span className="cell sync">Sync</span>
      </div>
      <div
        ref={scroller}
        id="lead-list"
        className="list-scroller"
        role="listbox"
        aria-label={`Leads: ${name.label}`}
        aria-activedescendant={currentId === undefined ? undefined : `lead-${currentId}`}
        aria-describedby={ids.length === 0 ? EMPTY_ID : undefined}
        tabIndex={0}
      >
        {ids.length === 0 ? <EmptyList name={name.phrase} /> : null}
        <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = ids[item.index];
            return id === undefined ? null : (
              <LeadRow key={id} id={id} index={item.index} count={ids.length} top={item.start} />
            );
          })}
        </div>
      </div>
    </div>
  );
}
