/**
 * Saved views: loading them with their counts, opening one (by click, palette or `g 1`…`g 9`),
 * showing a typed query, saving, renaming, reordering and deleting, and marking the listed leads
 * that have a possible duplicate.
 */
import { DEFAULT_SORT, parseQuery, printQuery, printSort, type SavedView } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { throttle } from '../logic/throttle';
import { undoOrder } from './on-screen';
import { useStore } from '../store/store';

export const DUPLICATES_QUERY = 'is:duplicate';
/** Newest first, as every built-in view. */
const DEFAULT_SORT_TEXT = printSort(DEFAULT_SORT);

export async function loadSavedViews(): Promise<void> {
  try {
    const { views } = await invoke('views:list', {});
    useStore.getState().setSavedViews(views);
    await Promise.all([loadSavedCounts(), loadDuplicateCount()]);
  } catch (error) {
    useStore.getState().addToast('error', `Saved views could not be read: ${errorMessage(error)}`);
  }
}

let countsRequest = 0;

/** Saved views are recounted after changes at most this often. */
const RECOUNT_INTERVAL_MS = 3_000;
/**
 * Possible duplicates at most this often: finding them reads every lead's email and name (at a
 * million leads, with many duplicates, seconds of the core's time), and only a pull or a new lead
 * can make one. Opening the panel, dismissing a pair and starting count them at once.
 */
const DUPLICATE_RECOUNT_INTERVAL_MS = 60_000;

/**
 * After leads changed elsewhere: the possible duplicates on their slow rhythm (a pull may bring a
 * lead that shares an email with one already here; a triage key never makes one).
 */
export const recountDuplicates = throttle(
  () => void loadDuplicateCount(),
  DUPLICATE_RECOUNT_INTERVAL_MS,
);

const recountThrottled = throttle(() => void loadSavedCounts(), RECOUNT_INTERVAL_MS);

/**
 * After leads changed: recounts the saved views now, or once at the end of the interval when they
 * were counted less than RECOUNT_INTERVAL_MS ago (each count reads up to 1,001 leads). With no
 * saved view there is nothing to count.
 */
export function recountSavedViews(): void {
  if (useStore.getState().savedViews.length > 0) recountThrottled();
}

export async function loadSavedCounts(): Promise<void> {
  const request = ++countsRequest;
  try {
    const { counts } = await invoke('views:counts', {});
    if (request === countsRequest) useStore.getState().setSavedCounts(counts);
  } catch {
    // Counts are a convenience; the next change asks again.
  }
}

/**
 * The sidebar's count of possible duplicates: asked at start, when the panel opens, after a pair
 * is dismissed, and at most once a minute while leads change (recountSavedViews).
 */
export async function loadDuplicateCount(): Promise<void> {
  try {
    useStore.getState().setDuplicateCount(await invoke('query:count', { query: DUPLICATES_QUERY }));
  } catch {
    // A convenience: the panel itself lists the pairs.
  }
}

export function openSavedView(view: SavedView): void {
  useStore
    .getState()
    .showQuery({ query: view.query, sort: view.sort, savedId: view.id, name: view.name });
}

/** `g 1`…`g 9`: the saved view in that place of the sidebar. */
export function openSavedViewAt(index: number): void {
  const view = useStore.getState().savedViews[index];
  if (view) openSavedView(view);
  else useStore.getState().addToast('info', `There is no saved view ${index + 1}.`);
}

/**
 * Shows the leads of a typed query (not saved). Its own `sort:` term becomes the list's sort; a
 * query without one starts newest first, as every view does, so a sort never leaks from one
 * query into the next (or into a view saved from it). Only the query bar, whose sort choice sits
 * beside the box, keeps the sort shown (`keepSort`) while the person refines the query.
 * Returns the parser's sentence when the query cannot be read, and shows nothing then.
 */
export function showTypedQuery(
  text: string,
  name = 'Query',
  { keepSort = false }: { keepSort?: boolean } = {},
): string | null {
  let parsed;
  try {
    parsed = parseQuery(text);
  } catch (error) {
    return errorMessage(error);
  }
  const current = useStore.getState().activeQuery;
  const sort = parsed.sort
    ? printSort(parsed.sort)
    : keepSort && current !== null
      ? current.sort
      : DEFAULT_SORT_TEXT;
  const query = printQuery({ terms: parsed.terms });
  const keep =
    current !== null &&
    current.savedId !== null &&
    current.query === query &&
    current.sort === sort;
  useStore.getState().showQuery(
    keep
      ? current
      : {
          query,
          sort,
          savedId: null,
          // Refined in the query bar, a query keeps its name (a pipeline bar's, say).
          name: keepSort && current?.savedId === null ? current.name : name,
        },
  );
  return null;
}

export function setQuerySort(sort: string): void {
  const current = useStore.getState().activeQuery;
  if (current) useStore.getState().showQuery({ ...current, sort, savedId: null });
}

/** Saves the query shown under `name`; resolves with an error sentence, or null when saved. */
export async function saveCurrentQuery(name: string): Promise<string | null> {
  const current = useStore.getState().activeQuery;
  if (!current) return 'Type a query first.';
  try {
    const saved = await invoke('views:save', { name, query: current.query, sort: current.sort });
    undoOrder.other();
    // Opened at once, before the sidebar and its counts load: a query the person goes on to type
    // meanwhile is never replaced by the view, nor its keys sent to the list. A query that moved
    // on while the view was written stays as it is.
    const shown = useStore.getState().activeQuery;
    if (shown?.savedId === null && shown.query === current.query && shown.sort === current.sort) {
      openSavedView(saved);
      // Saved: back to the leads, where the keys work again.
      document.getElementById('lead-list')?.focus();
    }
    useStore.getState().addToast('info', `Saved the view “${saved.name}”.`);
    await loadSavedViews();
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

export async function renameSavedView(id: number, name: string): Promise<string | null> {
  try {
    const renamed = await invoke('views:rename', { id, name });
    undoOrder.other();
    await loadSavedViews();
    const current = useStore.getState().activeQuery;
    if (current?.savedId === id)
      useStore.setState({ activeQuery: { ...current, name: renamed.name } });
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

export async function moveSavedView(id: number, step: number): Promise<void> {
  const views = useStore.getState().savedViews;
  const index = views.findIndex((view) => view.id === id);
  if (index < 0) return;
  try {
    const { views: moved } = await invoke('views:move', {
      id,
      position: Math.max(0, index + step),
    });
    undoOrder.other();
    useStore.getState().setSavedViews(moved);
  } catch (error) {
    useStore.getState().addToast('error', `Could not move the view: ${errorMessage(error)}`);
  }
}

/** Deletes a saved view at once; `z` brings it back (name, query, sort and place). */
export async function deleteSavedView(id: number): Promise<void> {
  const views = useStore.getState().savedViews;
  const index = views.findIndex((v) => v.id === id);
  const view = views[index];
  try {
    await invoke('views:delete', { id });
    await loadSavedViews();
    const current = useStore.getState().activeQuery;
    if (current?.savedId === id) useStore.setState({ activeQuery: { ...current, savedId: null } });
    if (view) undoOrder.viewDeleted({ ...view, position: index });
    useStore
      .getState()
      .addToast('info', `Deleted the view “${view?.name ?? id}”. Press z to bring it back.`);
  } catch (error) {
    useStore.getState().addToast('error', `Could not delete the view: ${errorMessage(error)}`);
  }
}

/** Undo of a deleted view: saved again under its name, in its old place. */
export async function restoreSavedView(view: SavedView): Promise<void> {
  try {
    const saved = await invoke('views:save', {
      name: view.name,
      query: view.query,
      sort: view.sort,
    });
    const { views } = await invoke('views:move', { id: saved.id, position: view.position });
    useStore.getState().setSavedViews(views);
    void loadSavedCounts();
    const current = useStore.getState().activeQuery;
    if (current?.savedId === null && current.query === saved.query && current.sort === saved.sort)
      useStore.setState({ activeQuery: { ...current, savedId: saved.id, name: saved.name } });
    useStore.getState().addToast('info', `Brought back the view “${saved.name}”.`);
  } catch (error) {
    useStore.getState().addToast('error', `Could not bring back the view: ${errorMessage(error)}`);
  }
}

/** Flags the fetched rows that have a possible duplicate. */
export async function flagDuplicates(ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  try {
    const found = await invoke('duplicates:among', { ids: [...ids] });
    useStore.getState().markDuplicates(ids, found.ids);
  } catch {
    // A flag, not a result: the rows themselves are shown.
  }
}
