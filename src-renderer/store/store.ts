/**
 * The renderer's state: one zustand store built from typed slices. Components read it through
 * narrow selectors (one field, or one row) so a change repaints only what shows it.
 */
import { create } from 'zustand';
import { keepListed } from '../logic/selection';
import { createDetailSlice, type DetailSlice } from './detail-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { createPanelsSlice, type PanelsSlice } from './panels-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createViewsSlice, type ViewsSlice } from './views-slice';

export type Store = ListSlice &
  DetailSlice &
  SyncSlice &
  PrefsSlice &
  UiSlice &
  PanelsSlice &
  ViewsSlice;

export const useStore = create<Store>()((...args) => ({
  ...createListSlice(...args),
  ...createDetailSlice(...args),
  ...createSyncSlice(...args),
  ...createPrefsSlice(...args),
  ...createUiSlice(...args),
  ...createPanelsSlice(...args),
  ...createViewsSlice(...args),
}));

/** The id of the current lead, or undefined in an empty list. */
export const selectCurrentId = (state: Store): number | undefined => state.ids[state.cursor];

/**
 * The leads a triage key acts on: the bulk selection, or else the current lead. Only leads in
 * the list count, even if a selected one left it a moment ago and the list has not said so yet.
 */
export function targetIds(state: Store): number[] {
  const bulk = Object.keys(keepListed(state.bulk, state.ids).bulk).map(Number);
  if (bulk.length > 0) return bulk;
  const current = selectCurrentId(state);
  return current === undefined ? [] : [current];
}
