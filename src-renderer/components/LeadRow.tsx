/** One lead in the list, painted with any change still on its way to the core. */
import { memo, useMemo } from 'react';
import { RATINGS, type LeadSyncState } from '#contract';
import { fitStage } from '../logic/fit-words';
import { movedLabel } from '../logic/held';
import { paintRow } from '../logic/optimistic';
import { statusTone, type Stage } from '../logic/stage';
import { useStore } from '../store/store';
import { pillMeasure, ratingMeasure } from './text-width';

export const ROW_HEIGHT = 28;

const SYNC_WORDS: Record<LeadSyncState, string> = {
  synced: '',
  pending: 'pending',
  failed: 'failed',
  conflict: 'conflict',
};

/** Hot, Warm and Cold have colours; an account's own rating labels (any words) are shown plain. */
function ratingClass(rating: string): string {
  return (RATINGS as readonly string[]).includes(rating) ? `rating-${rating.toLowerCase()}` : '';
}

/** The gap between a status and its rating (styles.css, .lead-row .stage-cell). */
const STAGE_GAP = 6;

/**
 * A value as fitted to its column: when cut, the words shown are hidden from screen readers and
 * the whole value is read instead (and shown on hover, the title).
 */
function Fitted({ whole, shown }: { whole: string; shown: string }) {
  if (shown === whole) return <>{whole}</>;
  return (
    <>
      <span aria-hidden="true">{shown}</span>
      <span className="visually-hidden">{whole}</span>
    </>
  );
}

function StageCell({
  stage,
  status,
  rating,
  active,
}: {
  stage: Stage;
  status: string;
  rating: string;
  active: boolean;
}) {
  const width = useStore((s) => s.stageWidths[stage]);
  const tone = status ? statusTone(status) : 'quiet';
  // Cut at a word's end when both do not fit: the rating gives way first, neither vanishes.
  const shown = useMemo(
    () =>
      width > 0
        ? fitStage(
            status,
            rating,
            width,
            { status: pillMeasure(tone === 'quiet'), rating: ratingMeasure() },
            STAGE_GAP,
          )
        : { status, rating },
    [status, rating, width, tone],
  );
  return (
    <span className={`cell stage-cell${active ? ' active' : ''}`}>
      {status ? (
        <span className={`status-pill tone-${tone}`} title={status}>
          <Fitted whole={status} shown={shown.status} />
        </span>
      ) : (
        <span className="status-none">–</span>
      )}
      {rating ? (
        <span className={`rating ${ratingClass(rating)}`} title={rating}>
          <Fitted whole={rating} shown={shown.rating} />
        </span>
      ) : null}
    </span>
  );
}

interface Props {
  id: number;
  index: number;
  count: number;
  top: number;
}

export const LeadRow = memo(function LeadRow({ id, index, count, top }: Props) {
  const raw = useStore((s) => s.rows[id]);
  const overlay = useStore((s) => s.overlay[id]);
  const current = useStore((s) => s.cursor === index);
  const inBulk = useStore((s) => s.bulk[id] === true);
  const duplicate = useStore((s) => s.duplicateIds[id] === true);
  const stage = useStore((s) => s.stage);
  const moved = useStore((s) => s.movedOut[id] === true);
  const heldFields = useStore((s) => s.held[id]);
  const setCursor = useStore((s) => s.setCursor);
  const row = useMemo(() => (raw ? paintRow(raw, overlay) : undefined), [raw, overlay]);

  const syncWord = row ? (row.goneFromEnvoke ? 'gone' : SYNC_WORDS[row.syncState]) : '';
  const outcome = row?.sale === 'Yes' ? 'Sale' : row?.opportunity === 'Yes' ? 'Opportunity' : '';
  const movedTo = moved ? movedLabel(row, heldFields ?? []) : null;
  return (
    <div
      role="option"
      id={`lead-${id}`}
      aria-selected={current}
      aria-posinset={index + 1}
      aria-setsize={count}
      data-sync={row?.syncState}
      data-envoke-id={row?.envokeId ?? undefined}
      data-moved={moved ? true : undefined}
      className={`lead-row${current ? ' current' : ''}${inBulk ? ' in-bulk' : ''}${row ? '' : ' loading'}${moved ? ' moved' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        setCursor(index);
        document.getElementById('lead-list')?.focus();
      }}
    >
      {/* The narrow first column marks a row: selected for a bulk change, else a possible
          duplicate. The flag never takes room from the company's name. */}
      <span className="cell mark" aria-label={inBulk ? 'selected for bulk change' : undefined}>
        {inBulk ? (
          '✓'
        ) : duplicate ? (
          <span
            className="dup-flag"
            role="img"
            aria-label="Possible duplicate"
            title="Possible duplicate"
          >
            ≈
          </span>
        ) : (
          ''
        )}
      </span>
      {row ? (
        <>
          <span className="cell company" title={row.company || undefined}>
            {row.company || '(no company)'}
          </span>
          <span
            className={`cell contact${row.contactName ? '' : ' is-email'}`}
            title={row.contactName || row.email}
          >
            {row.contactName || row.email}
          </span>
          <StageCell
            stage="marketing"
            status={row.marketing_rating_status}
            rating={row.marketing_rating}
            active={stage === 'marketing'}
          />
          <StageCell
            stage="sales"
            status={row.sales_rating_status}
            rating={row.sales_rating}
            active={stage === 'sales'}
          />
          <span className="cell outcome">{outcome}</span>
          <span
            className={`cell sync sync-${row.goneFromEnvoke ? 'gone' : row.syncState}`}
            title={syncWord || undefined}
          >
            <span className="sync-word">{syncWord}</span>
          </span>
          {/* Left the view by the person's own key: it stays here, for more keys, until the
              cursor moves on. */}
          {movedTo ? <span className="moved-note">{movedTo}</span> : null}
        </>
      ) : (
        <span className="cell company placeholder">Loading…</span>
      )}
    </div>
  );
});
