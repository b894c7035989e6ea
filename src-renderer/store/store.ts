/**
 * The renderer's state: one zustand store built from typed slices. Components read it through
 * narrow selectors (one field, or one row) so a change repaints only what shows it.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { keepListed } from '../logic/selection';
import { applyOverrides } from '../keymap/registry';
import { ACTION_SPECS } from '../keymap/specs';
import { ratingChoices, ratingsOnKeys } from '../logic/ratings';
import { createAccountSlice, type AccountSlice } from './account-slice';
import { createDetailSlice, type DetailSlice } from './detail-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { createPanelsSlice, type PanelsSlice } from './panels-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';
import { createRatingsSlice, type RatingsSlice } from './ratings-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createViewsSlice, type ViewsSlice } from './views-slice';

export type Store = ListSlice &
  DetailSlice &
  SyncSlice &
  PrefsSlice &
  UiSlice &
  PanelsSlice &
  RatingsSlice &
  ViewsSlice &
  AccountSlice;

export const useStore = create<Store>()((...args) => ({
  ...createListSlice(...args),
  ...createDetailSlice(...args),
  ...createSyncSlice(...args),
  ...createPrefsSlice(...args),
  ...createUiSlice(...args),
  ...createPanelsSlice(...args),
  ...createRatingsSlice(...args),
  ...createViewsSlice(...args),
  ...createAccountSlice(...args),
}));

/** The id of the current lead, or undefined in an empty list. */
export const selectCurrentId = (state: Store): number | undefined => state.ids[state.cursor];

/**
 * The view's leads as the list holds them, without the held leads that left it (shown until the
 * cursor moves, but no longer the view's): what a reload or a count compares against.
 */
export function memberIds(state: Store): readonly number[] {
  if (Object.keys(state.movedOut).length === 0) return state.ids;
  return state.ids.filter((id) => state.movedOut[id] !== true);
}

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

/** The rating values the active stage offers, in key order (`h` the first, `w` the second...). */
export function selectRatingChoices(state: Store): readonly string[] {
  return ratingChoices(state.stage, state.accountRatings, state.prefs.ratings);
}

/** The same, for components: repaints only when the stage or one of the two lists changes. */
export function useRatingChoices(): readonly string[] {
  const stage = useStore((s) => s.stage);
  const account = useStore((s) => s.accountRatings);
  const added = useStore((s) => s.prefs.ratings);
  return useMemo(() => ratingChoices(stage, account, added), [stage, account, added]);
}

/** The rating actions in key order; their first keys decide which value each one sets. */
export const RATING_ACTION_IDS = ['rating-1', 'rating-2', 'rating-3'] as const;

function ratingKeys(keymap: Store['prefs']['keymap']): (string | undefined)[] {
  const specs = applyOverrides(ACTION_SPECS, keymap);
  return RATING_ACTION_IDS.map((id) => specs.find((spec) => spec.id === id)?.keys[0]);
}

/** The value each rating action sets in the active stage (undefined: the stage offers too few). */
export function selectRatingsOnKeys(state: Store): (string | undefined)[] {
  return ratingsOnKeys(selectRatingChoices(state), ratingKeys(state.prefs.keymap));
}

export function useRatingsOnKeys(): (string | undefined)[] {
  const choices = useRatingChoices();
  const keymap = useStore((s) => s.prefs.keymap);
  return useMemo(() => ratingsOnKeys(choices, ratingKeys(keymap)), [choices, keymap]);
}
