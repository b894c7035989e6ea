/**
 * The person's changes: painted at once, made durable by the core, reverted with a readable
 * message if the core refuses. Changes, undo and redo run one after another in the order they were
 * asked for, so an undo pressed right after a key always undoes that key's change.
 */
import type { CommandOutput } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { displayKey } from '../keymap/keys';
import { applyOverrides } from '../keymap/registry';
import { ACTION_SPECS } from '../keymap/specs';
import type { FieldPatch } from '../logic/optimistic';
import { isMac } from '../logic/platform';
import { bulkChangeMessage } from '../logic/selection';
import { askSentence } from '../logic/undo-order';
import { useStore } from '../store/store';
import { loadCounts, loadIds } from './data';
import { followMembership } from './membership';
import { undoOrder } from './on-screen';
import { refreshRatingValues } from './ratings';
import {
  ORIGIN,
  paintAnsweredDetail,
  paintChange,
  placeAnsweredLead,
  rereadChange,
  shownNow,
} from './paint';
import { restoreSavedView } from './saved-views';

let queue: Promise<unknown> = Promise.resolve();
let paintSeq = 0;

function enqueue(task: () => Promise<void>): Promise<void> {
  const next = queue.then(task, task);
  queue = next;
  return next;
}

/**
 * Sets fields on leads. `what` names the change in an error message ("set the status"). A change
 * to a bulk selection says how many leads it changed ("Marked 3 leads Hot"), so a person always
 * learns how far a key reached.
 */
export function applyChange(
  ids: readonly number[],
  patch: FieldPatch,
  what: string,
  bulkValue?: string,
): Promise<void> {
  if (ids.length === 0) return Promise.resolve();
  const seq = ++paintSeq;
  const store = useStore.getState();
  // The leads stay where they are until the cursor moves, even if the change takes them out of
  // the view: the next key (a rating after a status) acts on them too.
  store.hold(ids, Object.keys(patch) as (keyof FieldPatch)[]);
  store.paint(seq, ids, patch);
  return enqueue(async () => {
    const shown = shownNow();
    let answer: CommandOutput<'leads:update'>;
    try {
      answer = await invoke('leads:update', { ids: [...ids], patch, origin: ORIGIN, shown });
      if (answer.actionId !== null) undoOrder.leadChange();
      if (bulkValue !== undefined)
        useStore
          .getState()
          .addToast('info', bulkChangeMessage(ids.length, answer.changed, bulkValue));
    } catch (error) {
      useStore.getState().unpaint(seq, ids);
      useStore.getState().addToast('error', `Could not ${what}: ${errorMessage(error)}`);
      return;
    }
    // A rating new to the account joins the values the rating keys offer (read now and then).
    if ('marketing_rating' in patch || 'sales_rating' in patch) refreshRatingValues();
    const { paint } = answer;
    // Rows answered replace the paint in the same frame; rows read again replace it once read.
    // The next key's change need not wait for the list to place them.
    const placed = paint
      ? paintChange(paint, shown, paint.rows?.map((row) => row.id) ?? [...ids])
      : rereadChange(ids);
    if (paint?.rows) useStore.getState().unpaint(seq, ids);
    else void placed.finally(() => useStore.getState().unpaint(seq, ids));
  });
}

async function history(command: 'history:undo' | 'history:redo'): Promise<void> {
  try {
    const shown = shownNow();
    const result = await invoke(command, { origin: ORIGIN, shown });
    const store = useStore.getState();
    if (result.label === null) {
      store.addToast('info', command === 'history:undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    // The core says what came back ("Undone: sales note cleared").
    store.addToast('info', result.label);
    if (command === 'history:redo') undoOrder.redone();
    refreshRatingValues();
    // An undone status may bring the lead back into the view: placed before the cursor goes.
    if (result.paint) await paintChange(result.paint, shown, result.leadIds);
    else await rereadChange(result.leadIds);
    // Bring the person back to the lead the change was on (auto-advance moved them on).
    const [only] = result.leadIds;
    if (result.leadIds.length === 1 && only !== undefined && result.paint)
      await placeAnsweredLead(result.paint, shown, only);
    const { ids, setCursor } = useStore.getState();
    const index = result.leadIds.length === 1 && only !== undefined ? ids.indexOf(only) : -1;
    if (index >= 0) setCursor(index);
    // The answer's detail is the lead's, taken now that it is the current one.
    if (index >= 0 && result.paint) paintAnsweredDetail(result.paint);
  } catch (error) {
    useStore
      .getState()
      .addToast(
        'error',
        `Could not ${command === 'history:undo' ? 'undo' : 'redo'}: ${errorMessage(error)}`,
      );
  }
}

/** The undo key as the person sees it ("z"), for the sentence that asks before reaching back. */
function undoKey(): string {
  const spec = applyOverrides(ACTION_SPECS, useStore.getState().prefs.keymap).find(
    (action) => action.id === 'undo',
  );
  return displayKey(spec?.keys[0] ?? 'z', isMac);
}

/**
 * Undoes the last thing the person did on this screen: a lead change (the core's history) or a
 * deleted saved view. Reaching further back (a change from before, or past something undo does
 * not cover) first says what would be undone; the same key again does it.
 */
async function undoNext(): Promise<void> {
  const step = undoOrder.next(Date.now());
  if (step.kind === 'view') return restoreSavedView(step.view);
  if (step.kind === 'core') return history('history:undo');
  try {
    const core = step.about?.kind === 'view' ? null : (await invoke('history:next', {})).undo;
    useStore.getState().addToast('info', askSentence(undoKey(), step.about, core, Date.now()));
  } catch (error) {
    useStore.getState().addToast('error', `Could not undo: ${errorMessage(error)}`);
  }
}

export const undo = () => enqueue(undoNext);
export const redo = () => enqueue(() => history('history:redo'));

export interface NewLead {
  email: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  title?: string;
  phone?: string;
  /** Lead fields beyond the contact: the rating of the rule that made the lead. */
  fields?: { rule_rating?: string };
}

/** Creates a lead and makes it the current one. Throws the core's message for the form to show. */
export async function createLead(lead: NewLead): Promise<void> {
  await enqueue(async () => {
    const { id } = await invoke('leads:create', lead);
    await followMembership([id]);
    if (!useStore.getState().ids.includes(id)) {
      // The view or search leaves the new lead out: show every lead, so the person sees it.
      useStore.getState().setSearch('');
      useStore.getState().setView('all');
      await loadIds();
    }
    const store = useStore.getState();
    const index = store.ids.indexOf(id);
    if (index >= 0) store.setCursor(index);
    store.addToast('info', 'Lead created. It goes to Envoke with the next sync.');
    void loadCounts();
  });
}
