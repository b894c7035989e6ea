/**
 * The keymap's actions with what they do: `{ id, label, keys, when, run }`. The key handler, the
 * command palette and the help overlay all take their actions from `keymapActions`.
 */
import { choose, moveConflict } from '../controller/conflicts';
import * as list from '../controller/list-keys';
import {
  discardSelected,
  editSelected,
  moveOutbox,
  resolveSelected,
  retrySelected,
} from '../controller/outbox';
import { openSavedViewAt } from '../controller/saved-views';
import { redo, undo } from '../controller/triage';
import { useStore } from '../store/store';
import { applyOverrides, type KeymapOverrides } from './registry';
import { ACTION_SPECS, type ActionId, type ActionSpec } from './specs';

export interface Action extends ActionSpec {
  id: ActionId;
  run(): void;
}

const RUNS: Record<ActionId, () => void> = {
  next: () => list.move(1),
  previous: () => list.move(-1),
  advance: () => list.advance(),
  first: () => list.moveTo('first'),
  last: () => list.moveTo('last'),
  'next-view': () => list.stepView(1),
  'previous-view': () => list.stepView(-1),
  'stage-marketing': () => useStore.getState().setStage('marketing'),
  'stage-sales': () => useStore.getState().setStage('sales'),
  'status-1': () => list.setStatus(1),
  'status-2': () => list.setStatus(2),
  'status-3': () => list.setStatus(3),
  'status-4': () => list.setStatus(4),
  'status-5': () => list.setStatus(5),
  'rating-1': () => list.setRating(1),
  'rating-2': () => list.setRating(2),
  'rating-3': () => list.setRating(3),
  'rating-pick': () => void list.openRatingPicker(),
  note: () => void list.editNote(),
  opportunity: () => void list.editOpportunity(),
  sale: () => void list.editSale(),
  salesperson: () => void list.editSalesperson(),
  'new-lead': () => useStore.getState().openPanel({ kind: 'new-lead' }),
  'toggle-select': () => list.toggleSelect(),
  undo: () => void undo(),
  redo: () => void redo(),
  search: () => useStore.getState().focusSearch(),
  'saved-view-1': () => openSavedViewAt(0),
  'saved-view-2': () => openSavedViewAt(1),
  'saved-view-3': () => openSavedViewAt(2),
  'saved-view-4': () => openSavedViewAt(3),
  'saved-view-5': () => openSavedViewAt(4),
  'saved-view-6': () => openSavedViewAt(5),
  'saved-view-7': () => openSavedViewAt(6),
  'saved-view-8': () => openSavedViewAt(7),
  'saved-view-9': () => openSavedViewAt(8),
  pipeline: () => useStore.getState().openPanel({ kind: 'pipeline' }),
  duplicates: () => useStore.getState().openPanel({ kind: 'duplicates' }),
  clear: () => list.clear(),
  palette: () => list.togglePanel('palette'),
  help: () => list.togglePanel('help'),
  outbox: () => list.togglePanel('outbox'),
  resolve: () => list.resolveCurrent(),
  settings: () => useStore.getState().openPanel({ kind: 'settings' }),
  'sync-now': () => void list.syncNow(),
  'toggle-auto-advance': () => void list.toggleAutoAdvance(),
  close: () => useStore.getState().closePanel(),
  'outbox-next': () => moveOutbox(1),
  'outbox-previous': () => moveOutbox(-1),
  'outbox-retry': () => void retrySelected(),
  'outbox-edit': () => editSelected(),
  'outbox-discard': () => void discardSelected(),
  'outbox-resolve': () => resolveSelected(),
  'conflict-next': () => moveConflict(1),
  'conflict-previous': () => moveConflict(-1),
  'conflict-theirs': () => void choose('theirs'),
  'conflict-mine': () => void choose('mine'),
};

let memo: { overrides: KeymapOverrides; actions: Action[] } | null = null;

/** Every action with the person's keys; rebuilt only when the overrides change. */
export function keymapActions(overrides: KeymapOverrides): Action[] {
  if (memo?.overrides === overrides) return memo.actions;
  const actions = applyOverrides(ACTION_SPECS, overrides).map((spec) => ({
    ...spec,
    run: RUNS[spec.id],
  }));
  memo = { overrides, actions };
  return actions;
}
