/** What the list's keys do: move, set statuses and ratings, open editors and panels. */
import { VIEW_IDS, type TriageField } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { editorField } from '../logic/fields';
import { paintFields, paintRow } from '../logic/optimistic';
import { plural } from '../logic/format';
import { pickerOrder } from '../logic/ratings';
import { STAGES, statusForKey } from '../logic/stage';
import {
  selectCurrentId,
  selectRatingChoices,
  selectRatingsOnKeys,
  targetIds,
  useStore,
  type Store,
} from '../store/store';
import { openResolver } from './conflicts';
import { openSavedView } from './saved-views';
import { applyChange } from './triage';

export function move(step: number): void {
  const { cursor, setCursor } = useStore.getState();
  setCursor(cursor + step);
}

/**
 * The advance key: done with this lead, on to the next one. A status key never moves on by
 * itself, so a rating or note after it still lands on the same lead; with auto-advance off this
 * key only says so.
 */
export function advance(): void {
  const state = useStore.getState();
  if (!state.prefs.autoAdvance) {
    state.addToast('info', 'Auto-advance is off: j goes to the next lead (Shift+A turns it on).');
    return;
  }
  move(1);
}

export function moveTo(index: 'first' | 'last'): void {
  const { ids, setCursor } = useStore.getState();
  setCursor(index === 'first' ? 0 : ids.length - 1);
}

/**
 * `]` and `[`: the next or previous view, the built-in ones first, then the saved views in their
 * sidebar order, round again after the last.
 */
export function stepView(step: number): void {
  const { view, setView, activeQuery, savedViews } = useStore.getState();
  const count = VIEW_IDS.length + savedViews.length;
  const saved = savedViews.findIndex((candidate) => candidate.id === activeQuery?.savedId);
  const here = saved >= 0 ? VIEW_IDS.length + saved : VIEW_IDS.indexOf(view);
  const index = (((here + step) % count) + count) % count;
  const builtIn = VIEW_IDS[index];
  if (builtIn !== undefined) setView(builtIn);
  else {
    const next = savedViews[index - VIEW_IDS.length];
    if (next) openSavedView(next);
  }
}

/** Shows the current search's matches in the view that holds them all, the search kept. */
export function showSearchElsewhere(): void {
  const { elsewhere, setView } = useStore.getState();
  if (elsewhere !== null) setView(elsewhere.view);
}

export function setStatus(n: number): void {
  const state = useStore.getState();
  const status = statusForKey(state.stage, n);
  const ids = targetIds(state);
  if (!status || ids.length === 0) return;
  const patch = { [STAGES[state.stage].status]: status };
  void applyChange(ids, patch, 'set the status', isBulk(state, ids) ? status : undefined);
}

/** What the `n`th rating action (h, w, c) sets in the active stage. */
export function setRating(n: number): void {
  const state = useStore.getState();
  const stage = STAGES[state.stage];
  const choices = selectRatingChoices(state);
  const rating = selectRatingsOnKeys(state)[n - 1];
  if (rating === undefined) {
    state.addToast(
      'info',
      `${stage.label} offers ${plural(choices.length, 'rating')}; add more in Settings ( , ).`,
    );
    return;
  }
  setRatingTo(rating);
}

export function setRatingTo(rating: string): void {
  const state = useStore.getState();
  const ids = targetIds(state);
  const patch = { [STAGES[state.stage].rating]: rating };
  void applyChange(ids, patch, 'set the rating', isBulk(state, ids) ? rating : undefined);
}

/** True when a key acts on the bulk selection rather than on the current lead alone. */
function isBulk(state: Store, ids: readonly number[]): boolean {
  const first = ids[0];
  return first !== undefined && state.bulk[first] === true;
}

/** The active stage's rating as a picker of the values it offers. */
export function openRatingPicker(): Promise<void> {
  const state = useStore.getState();
  const stage = STAGES[state.stage];
  return openEditor(`${stage.label} rating`, [stage.rating], {
    [stage.rating]: pickerOrder(selectRatingChoices(state), selectRatingsOnKeys(state)),
  });
}

/**
 * The lead's fields as the person sees them, for an editor's starting values. When the detail pane
 * has not loaded the lead yet (a key pressed right after moving), they are read from the core: an
 * editor that opened empty would save a note over one the person never saw.
 */
async function fieldsOf(id: number): Promise<Record<string, string>> {
  const loaded = useStore.getState().detail;
  const detail = loaded?.id === id ? loaded : await invoke('leads:get', { id });
  return paintFields(detail.fields, useStore.getState().overlay[id]);
}

/**
 * The value the selected leads share, as the list shows them, or '' where they differ (or a row
 * is not at hand): a bulk editor starts from what all of them have.
 */
function sharedValue(state: Store, ids: readonly number[], field: TriageField): string {
  const values = new Set(
    ids.map((id) => {
      const row = state.rows[id];
      return row
        ? (paintRow(row, state.overlay[id]) as unknown as Record<string, unknown>)[field]
        : undefined;
    }),
  );
  const [only] = values;
  return values.size === 1 && typeof only === 'string' ? only : '';
}

/**
 * An editor for the current lead, or for the bulk selection when there is one. A selection gets
 * the fields one value fits for all (the opportunity, not its note); `perLead` fields (notes,
 * amounts) are left out of a bulk editor, and an editor of per-lead fields only says it works on
 * one lead at a time.
 */
export async function openEditor(
  title: string,
  fields: readonly TriageField[],
  options: Partial<Record<TriageField, readonly string[]>> = {},
  perLead: readonly TriageField[] = [],
): Promise<void> {
  const state = useStore.getState();
  const targets = targetIds(state);
  if (targets.length > 0 && isBulk(state, targets)) {
    const shared = fields.filter((field) => !perLead.includes(field));
    if (shared.length === 0) {
      state.addToast(
        'info',
        `${title} is written for one lead at a time: Esc clears the selection of ${plural(targets.length, 'lead')}.`,
      );
      return;
    }
    state.openPanel({
      kind: 'editor',
      editor: {
        title: `${title} · ${plural(targets.length, 'selected lead')}`,
        fields: shared.map((field) =>
          editorField(field, sharedValue(state, targets, field), options[field]),
        ),
        target: { type: 'leads', ids: targets },
      },
    });
    return;
  }
  const id = selectCurrentId(state);
  if (id === undefined) return;
  let values: Record<string, string>;
  try {
    values = await fieldsOf(id);
  } catch (error) {
    useStore
      .getState()
      .addToast('error', `Could not read this lead to edit it: ${errorMessage(error)}`);
    return;
  }
  useStore.getState().openPanel({
    kind: 'editor',
    editor: {
      title,
      fields: fields.map((field) => editorField(field, values[field] ?? '', options[field])),
      target: { type: 'lead', id },
    },
  });
}

export function editNote(): Promise<void> {
  const stage = STAGES[useStore.getState().stage];
  return openEditor(`${stage.label} note`, [stage.note], {}, [stage.note]);
}

export function editOpportunity(): Promise<void> {
  return openEditor('Opportunity', ['opportunity', 'opportunity_note'], {}, ['opportunity_note']);
}

export function editSale(): Promise<void> {
  return openEditor('Sale', ['sale', 'revenue', 'cost_of_goods_sold', 'sale_note'], {}, [
    'revenue',
    'cost_of_goods_sold',
    'sale_note',
  ]);
}

export function editSalesperson(): Promise<void> {
  return openEditor('Salesperson', ['salesperson']);
}

export function toggleSelect(): void {
  const state = useStore.getState();
  const id = selectCurrentId(state);
  if (id !== undefined) state.toggleBulk(id);
}

/** Escape on the list: clear the search first, then the bulk selection, then messages. */
export function clear(): void {
  const state = useStore.getState();
  if (state.search !== '') state.setSearch('');
  else if (Object.keys(state.bulk).length > 0) state.clearBulk();
  else for (const toast of state.toasts) state.dismissToast(toast.id);
}

export function togglePanel(kind: 'help' | 'outbox' | 'palette'): void {
  const state = useStore.getState();
  if (state.panels.at(-1)?.kind === kind) state.closePanel();
  else state.openPanel({ kind });
}

export function resolveCurrent(): void {
  const state = useStore.getState();
  const id = selectCurrentId(state);
  if (id === undefined) return;
  void openResolver(id);
}

export async function syncNow(): Promise<void> {
  try {
    await invoke('sync:run-now', {});
    useStore.getState().addToast('info', 'Syncing with Envoke…');
  } catch (error) {
    useStore.getState().addToast('error', `Could not start a sync: ${errorMessage(error)}`);
  }
}

export async function savePreferences(
  change: Parameters<typeof invoke<'settings:set'>>[1],
): Promise<void> {
  const prefs = await invoke('settings:set', change);
  useStore.getState().setPrefs(prefs);
}

export async function toggleAutoAdvance(): Promise<void> {
  const on = !useStore.getState().prefs.autoAdvance;
  try {
    await savePreferences({ autoAdvance: on });
    useStore.getState().addToast('info', on ? 'Auto-advance is on.' : 'Auto-advance is off.');
  } catch (error) {
    useStore.getState().addToast('error', `Could not change auto-advance: ${errorMessage(error)}`);
  }
}
