/**
 * Saved views and the query the list shows: the person's views with their capped counts, the
 * query in use (saved or typed, null while a built-in view is shown), and which listed leads
 * have a possible duplicate.
 */
import type { StateCreator } from 'zustand';
import type { CappedCount, SavedView } from '#contract';
import type { Store } from './store';

export interface ActiveQuery {
  query: string;
  /** As `sort:` writes it; '-created' is newest first. */
  sort: string;
  /** The saved view shown, or null for a query not saved (yet). */
  savedId: number | null;
  name: string;
}

export interface ViewsSlice {
  savedViews: readonly SavedView[];
  savedCounts: Readonly<Record<string, CappedCount>>;
  activeQuery: ActiveQuery | null;
  duplicateCount: CappedCount | null;
  /**
   * How many leads the query shown has, capped, while the list holds only its first pages; null
   * when the list holds them all (its length is then the count) or no query is shown.
   */
  queryTotal: CappedCount | null;
  /** Listed leads known to have a possible duplicate. */
  duplicateIds: Readonly<Record<number, true>>;
  setSavedViews(views: readonly SavedView[]): void;
  setSavedCounts(counts: Readonly<Record<string, CappedCount>>): void;
  setDuplicateCount(count: CappedCount): void;
  setQueryTotal(total: CappedCount | null): void;
  /** Shows a query in the list (the built-in view stays where it was, for going back). */
  showQuery(query: ActiveQuery): void;
  markDuplicates(checked: readonly number[], flagged: readonly number[]): void;
}

export const createViewsSlice: StateCreator<Store, [], [], ViewsSlice> = (set, get) => ({
  savedViews: [],
  savedCounts: {},
  activeQuery: null,
  duplicateCount: null,
  queryTotal: null,
  duplicateIds: {},
  setSavedViews: (savedViews) => set({ savedViews }),
  setSavedCounts: (savedCounts) => set({ savedCounts }),
  setDuplicateCount: (duplicateCount) => set({ duplicateCount }),
  setQueryTotal: (queryTotal) => set({ queryTotal }),
  showQuery: (activeQuery) => {
    // setView resets the cursor, selection and list state as for any other view.
    get().setView(get().view);
    set({ activeQuery, queryTotal: null });
  },
  markDuplicates: (checked, flagged) =>
    set((state) => {
      const next = { ...state.duplicateIds };
      for (const id of checked) delete next[id];
      for (const id of flagged) next[id] = true;
      return { duplicateIds: next };
    }),
});
