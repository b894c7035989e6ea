/** Above the list: search, the active stage (always visible), and the bulk selection. */
import { useEffect, useRef } from 'react';
import { showSearchElsewhere } from '../controller/list-keys';
import { formatCount, plural } from '../logic/format';
import { STAGES, type Stage } from '../logic/stage';
import { VIEW_LABELS } from '../logic/views';
import { useStore } from '../store/store';

function SearchBox() {
  const search = useStore((s) => s.search);
  const setSearch = useStore((s) => s.setSearch);
  const focusRequest = useStore((s) => s.searchFocus);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest > 0) input.current?.select();
  }, [focusRequest]);

  const backToList = () => document.getElementById('lead-list')?.focus();

  return (
    <input
      ref={input}
      type="search"
      className="search"
      aria-label="Search leads"
      placeholder="Search company, name or email  ( / )"
      value={search}
      onChange={(event) => setSearch(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          if (search !== '') setSearch('');
          else backToList();
        } else if (event.key === 'Enter' && offersEnter(event.shiftKey)) {
          // The current view has none of the matches (or Shift asks for the others): show them.
          event.preventDefault();
          showSearchElsewhere();
          backToList();
        } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          backToList();
        }
      }}
    />
  );
}

/** True when Enter (or Shift+Enter) in the search box takes the person to the other matches. */
function offersEnter(shift: boolean): boolean {
  const { elsewhere, idsLoaded, ids } = useStore.getState();
  if (elsewhere === null) return false;
  return shift || (idsLoaded && ids.length === 0);
}

/**
 * Search looks in the current view first. When other leads match too, this says how many and
 * where, so a lead that just left the view (passed to sales) is one key away.
 */
function SearchOffer() {
  const elsewhere = useStore((s) => s.elsewhere);
  const search = useStore((s) => s.search.trim());
  const view = useStore((s) => s.view);
  const noneHere = useStore((s) => s.idsLoaded && s.ids.length === 0);
  if (elsewhere === null || elsewhere.search !== search) return null;
  const count = elsewhere.capped
    ? `${formatCount(elsewhere.count)}+`
    : formatCount(elsewhere.count);
  const where = VIEW_LABELS[elsewhere.view];
  return (
    <p className="search-offer" aria-live="polite">
      <span>
        {noneHere ? `No match in ${VIEW_LABELS[view]} · ` : ''}
        <strong>
          {count} {noneHere ? '' : 'more '}in {where}
        </strong>{' '}
        · <kbd>{noneHere ? 'Enter' : 'Shift+Enter'}</kbd> to show
      </span>
      <button type="button" onClick={() => showSearchElsewhere()}>
        Show in {where}
      </button>
    </p>
  );
}

function StageSwitch() {
  const stage = useStore((s) => s.stage);
  const setStage = useStore((s) => s.setStage);
  return (
    <div className="stage-switch" role="group" aria-label="Active stage">
      {(['marketing', 'sales'] as Stage[]).map((value) => (
        <button
          key={value}
          type="button"
          aria-pressed={stage === value}
          className={stage === value ? 'on' : ''}
          onClick={() => setStage(value)}
        >
          <kbd>{value === 'marketing' ? 'm' : 's'}</kbd> {STAGES[value].label}
        </button>
      ))}
    </div>
  );
}

function BulkNote() {
  const selected = useStore((s) => Object.keys(s.bulk).length);
  if (selected === 0) return null;
  return (
    <p className="bulk-note" aria-live="polite">
      {plural(selected, 'lead')} selected: status and rating keys change them all. <kbd>x</kbd> adds
      or removes a lead · <kbd>Esc</kbd> clears the selection
    </p>
  );
}

export function ListHeader() {
  const autoAdvance = useStore((s) => s.prefs.autoAdvance);
  return (
    <>
      <div className="list-header">
        <SearchBox />
        <span
          className="auto-advance"
          title="Space goes on to the next lead; Shift+A turns auto-advance on or off"
        >
          Auto-advance {autoAdvance ? 'on' : 'off'}
        </span>
        <StageSwitch />
      </div>
      <SearchOffer />
      {/* A bar of its own, so the search box keeps its width while leads are selected. */}
      <BulkNote />
    </>
  );
}
