/** The lead list: which view and search, the ids in order, cached rows, the cursor and bulk selection. */
import type { StateCreator } from 'zustand';
import type { LeadSummary, ViewId } from '#contract';
import {
  addToOverlay,
  removeFromOverlay,
  type FieldPatch,
  type Overlay,
} from '../logic/optimistic';
import { mergeRows } from '../logic/row-window';
import { keepListed, leftSelectionMessage } from '../logic/selection';
import type { Store } from './store';

/** How many rows the cache may hold before it drops those far from the screen. */
const ROW_CACHE_CAP = 5_000;

export interface ListSlice {
  view: ViewId;
  search: string;
  ids: readonly number[];
  /** False until the first id list of the current view and search has arrived. */
  idsLoaded: boolean;
  listError: string | null;
  rows: Readonly<Record<number, LeadSummary>>;
  overlay: Overlay;
  /** Index of the current lead in `ids`. */
  cursor: number;
  /** True once the person moved or acted in this view; until then the cursor may follow the top. */
  cursorPlaced: boolean;
  bulk: Readonly<Record<number, true>>;
  counts: Partial<Record<ViewId, number>>;
  /** Matches of the current search outside the current view, offered beside the list. */
  elsewhere: SearchElsewhere | null;

  setView(view: ViewId): void;
  setSearch(search: string): void;
  /** New ids for the view; the current lead stays current if it is still there. */
  setIds(ids: readonly number[]): void;
  setListError(message: string | null): void;
  setCursor(index: number): void;
  addRows(rows: readonly LeadSummary[], keep: ReadonlySet<number>): void;
  /** Forgets every cached row but those given (after "many leads changed"). */
  replaceRows(rows: readonly LeadSummary[]): void;
  paint(seq: number, ids: readonly number[], patch: FieldPatch): void;
  unpaint(seq: number, ids: readonly number[]): void;
  toggleBulk(id: number): void;
  clearBulk(): void;
  setCounts(counts: Partial<Record<ViewId, number>>): void;
  setElsewhere(elsewhere: SearchElsewhere | null): void;
}

export interface SearchElsewhere {
  /** The search these matches are for. */
  search: string;
  view: ViewId;
  count: number;
  /** More than `count`: the count stopped at its cap. */
  capped: boolean;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const createListSlice: StateCreator<Store, [], [], ListSlice> = (set, get) => ({
  view: 'all',
  search: '',
  ids: [],
  idsLoaded: false,
  listError: null,
  rows: {},
  overlay: {},
  cursor: 0,
  cursorPlaced: false,
  bulk: {},
  counts: {},
  elsewhere: null,

  setView: (view) => {
    const state = get();
    // Another view shows other leads: whatever was selected is off screen from now on.
    const left = view === state.view ? 0 : Object.keys(state.bulk).length;
    const bulk = view === state.view ? state.bulk : {};
    set({
      view,
      // A built-in view replaces any query shown (a saved view sets its query right after).
      activeQuery: null,
      cursor: 0,
      cursorPlaced: false,
      bulk,
      idsLoaded: false,
      listError: null,
      elsewhere: null,
    });
    if (left > 0) get().addToast('info', leftSelectionMessage(left));
  },
  setSearch: (search) =>
    set({ search, cursor: 0, cursorPlaced: false, idsLoaded: false, elsewhere: null }),
  setIds: (ids) => {
    let left = 0;
    set((state) => {
      // The same ids again (most refreshes) keep the old array, so the list does not redraw.
      if (state.idsLoaded && sameIds(state.ids, ids)) return { listError: null };
      // A selected lead that left the list leaves the selection: a key never acts on leads
      // the person cannot see.
      const selection = keepListed(state.bulk, ids);
      left = selection.left;
      const bulk = selection.bulk;
      // While the first download fills the list, a person who has not started stays at the top
      // instead of being carried down the list with whichever lead happened to be first.
      if (!state.cursorPlaced && !state.sync?.lastSyncAt)
        return { ids, idsLoaded: true, listError: null, cursor: 0, bulk };
      const current = state.ids[state.cursor];
      const kept = current === undefined ? -1 : ids.indexOf(current);
      const cursor = kept >= 0 ? kept : Math.min(state.cursor, Math.max(0, ids.length - 1));
      return { ids, idsLoaded: true, listError: null, cursor, bulk };
    });
    if (left > 0) get().addToast('info', leftSelectionMessage(left));
  },
  setListError: (listError) => set({ listError, idsLoaded: true }),
  setCursor: (index) =>
    set((state) => ({
      cursor: Math.max(0, Math.min(index, Math.max(0, state.ids.length - 1))),
      cursorPlaced: true,
    })),
  addRows: (rows, keep) =>
    set((state) => ({ rows: mergeRows(state.rows, rows, keep, ROW_CACHE_CAP) })),
  replaceRows: (rows) => set({ rows: Object.fromEntries(rows.map((row) => [row.id, row])) }),
  paint: (seq, ids, patch) =>
    set((state) => ({ overlay: addToOverlay(state.overlay, seq, ids, patch), cursorPlaced: true })),
  unpaint: (seq, ids) => set((state) => ({ overlay: removeFromOverlay(state.overlay, seq, ids) })),
  toggleBulk: (id) =>
    set((state) => {
      if (!state.bulk[id] && !state.ids.includes(id)) return {};
      const bulk = { ...state.bulk };
      if (bulk[id]) delete bulk[id];
      else bulk[id] = true;
      return { bulk, cursorPlaced: true };
    }),
  clearBulk: () => set({ bulk: {} }),
  setCounts: (counts) => set({ counts }),
  setElsewhere: (elsewhere) => set({ elsewhere }),
});
