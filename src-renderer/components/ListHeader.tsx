/** Above the list: search, the active stage (always visible), and the bulk selection. */
import { useEffect, useRef } from 'react';
import { plural } from '../logic/format';
import { STAGES, type Stage } from '../logic/stage';
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
        } else if (event.key === 'Enter' || event.key === 'ArrowDown') {
          event.preventDefault();
          backToList();
        }
      }}
    />
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
        <span className="auto-advance" title="Shift+A turns it on or off">
          Auto-advance {autoAdvance ? 'on' : 'off'}
        </span>
        <StageSwitch />
      </div>
      {/* A bar of its own, so the search box keeps its width while leads are selected. */}
      <BulkNote />
    </>
  );
}
