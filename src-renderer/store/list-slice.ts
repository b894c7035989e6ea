/** The lead list: which view and search, the ids in order, cached rows, the cursor and bulk selection. */
import type { StateCreator } from 'zustand';
import type { LeadSummary, TriageField, ViewId } from '#contract';
import { holdLeads, keepHeldInPlace, landingIndex, type Held } from '../logic/held';
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
  /**
   * Leads the person's own keys changed since the cursor last moved, with the fields changed: they
   * stay where they are in the list until the cursor moves, even when they left the view.
   */
  held: Held;
  /** The held leads the view no longer has: shown dimmed, "moved to …", until the cursor moves. */
  movedOut: Readonly<Record<number, true>>;
  counts: Partial<Record<ViewId, number>>;
  /** Matches of the current search outside the current view, offered beside the list. */
  elsewhere: SearchElsewhere | null;

  setView(view: ViewId): void;
  setSearch(search: string): void;
  /**
   * New ids for the view (its members only); the current lead stays current if it is still
   * there, and held leads stay where they were.
   */
  setIds(ids: readonly number[]): void;
  setListError(message: string | null): void;
  /** Moves the cursor; moving it off a held lead lets the held leads that left the view go. */
  setCursor(index: number): void;
  /** The person's key changed these leads: they stay in place until the cursor moves. */
  hold(ids: readonly number[], fields: readonly TriageField[]): void;
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

/**
 * The held leads shown though the view no longer has them; the same object when nothing changed,
 * so rows that read it do not redraw.
 */
function movedOutOf(
  shown: readonly number[],
  members: readonly number[],
  held: ReadonlySet<number>,
  before: Readonly<Record<number, true>>,
): Readonly<Record<number, true>> {
  if (held.size === 0) return Object.keys(before).length === 0 ? before : {};
  const listed = new Set(members);
  const moved = shown.filter((id) => held.has(id) && !listed.has(id));
  const same =
    moved.length === Object.keys(before).length && moved.every((id) => before[id] === true);
  return same ? before : Object.fromEntries(moved.map((id) => [id, true as const]));
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
  held: {},
  movedOut: {},
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
      held: {},
      movedOut: {},
      idsLoaded: false,
      listError: null,
      elsewhere: null,
    });
    if (left > 0) get().addToast('info', leftSelectionMessage(left));
  },
  setSearch: (search) =>
    set({
      search,
      cursor: 0,
      cursorPlaced: false,
      idsLoaded: false,
      elsewhere: null,
      held: {},
      movedOut: {},
    }),
  setIds: (members) => {
    let left = 0;
    set((state) => {
      const heldIds = new Set(Object.keys(state.held).map(Number));
      const ids =
        heldIds.size === 0 || !state.idsLoaded
          ? members
          : keepHeldInPlace(state.ids, members, heldIds);
      const movedOut = movedOutOf(ids, members, heldIds, state.movedOut);
      // The same ids again (most refreshes) keep the old array, so the list does not redraw.
      if (state.idsLoaded && sameIds(state.ids, ids)) return { listError: null, movedOut };
      // A selected lead that left the list leaves the selection: a key never acts on leads
      // the person cannot see.
      const selection = keepListed(state.bulk, ids);
      left = selection.left;
      const bulk = selection.bulk;
      // While the first download fills the list, a person who has not started stays at the top
      // instead of being carried down the list with whichever lead happened to be first; in a
      // window opened before any sync, that holds to the download's last page, which may come
      // after the sync said it was done.
      if (!state.cursorPlaced && (state.openedUnsynced ?? !state.sync?.lastSyncAt))
        return { ids, idsLoaded: true, listError: null, cursor: 0, bulk, movedOut };
      const current = state.ids[state.cursor];
      const kept = current === undefined ? -1 : ids.indexOf(current);
      const cursor = kept >= 0 ? kept : Math.min(state.cursor, Math.max(0, ids.length - 1));
      return { ids, idsLoaded: true, listError: null, cursor, bulk, movedOut };
    });
    if (left > 0) get().addToast('info', leftSelectionMessage(left));
  },
  setListError: (listError) => set({ listError, idsLoaded: true }),
  setCursor: (index) => {
    let left = 0;
    set((state) => {
      const target = Math.max(0, Math.min(index, Math.max(0, state.ids.length - 1)));
      const moves = state.ids[target] !== state.ids[state.cursor];
      if (!moves || Object.keys(state.held).length === 0)
        return { cursor: target, cursorPlaced: true };
      // The cursor moves on: the leads held in place are let go, and those that left the view
      // leave the list (and the selection) now, the cursor landing on the lead it moved to.
      const gone = new Set(Object.keys(state.movedOut).map(Number));
      if (gone.size === 0) return { cursor: target, cursorPlaced: true, held: {}, movedOut: {} };
      const ids = state.ids.filter((id) => !gone.has(id));
      const selection = keepListed(state.bulk, ids);
      left = selection.left;
      return {
        ids,
        cursor: landingIndex(state.ids, state.cursor, target, gone),
        cursorPlaced: true,
        held: {},
        movedOut: {},
        bulk: selection.bulk,
      };
    });
    if (left > 0) get().addToast('info', leftSelectionMessage(left));
  },
  hold: (ids, fields) =>
    set((state) => ({ held: holdLeads(state.held, ids, fields), cursorPlaced: true })),
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
