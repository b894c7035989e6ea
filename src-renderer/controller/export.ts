/**
 * Export of what the list shows (a query or a built-in view, with its search) as CSV or JSON.
 * In the browser host the file is a download the browser streams to disk, with its own
 * progress; in the desktop app the core writes it to the file the person picks.
 */
import { errorMessage, invoke } from '../bridge/client';
import { plural } from '../logic/format';
import { memberIds, useStore, type Store } from '../store/store';

export function exportParams(format: 'csv' | 'json'): URLSearchParams {
  const { activeQuery, view, search } = useStore.getState();
  const params = new URLSearchParams({ format });
  if (activeQuery === null) params.set('view', view);
  else {
    params.set('query', activeQuery.query);
    params.set('sort', activeQuery.sort);
    params.set('name', activeQuery.savedId === null ? 'leads' : activeQuery.name);
  }
  if (search.trim() !== '') params.set('search', search.trim());
  return params;
}

/** How many leads the list shows, where that is known exactly (the list may hold a first page). */
function shownCount(store: Store): number | null {
  if (store.activeQuery !== null) {
    if (store.queryTotal === null) return memberIds(store).length;
    return store.queryTotal.capped ? null : store.queryTotal.count;
  }
  return store.search.trim() === '' ? (store.counts[store.view] ?? null) : null;
}

export async function exportCurrent(format: 'csv' | 'json'): Promise<void> {
  const store = useStore.getState();
  if (store.info?.host !== 'electron') {
    const link = document.createElement('a');
    link.href = `/api/export?${exportParams(format).toString()}`;
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
    const count = shownCount(store);
    store.addToast(
      'info',
      `Exporting ${count === null ? 'these leads' : plural(count, 'lead')} as ${format.toUpperCase()}: the browser saves the file.`,
    );
    return;
  }
  try {
    const params = Object.fromEntries(exportParams(format));
    const result = await invoke(
      'export:save',
      params as Parameters<typeof invoke<'export:save'>>[1],
    );
    if (result.path !== null)
      store.addToast('info', `Exported ${plural(result.count, 'lead')} to ${result.path}.`);
  } catch (error) {
    store.addToast('error', `The export failed: ${errorMessage(error)}`);
  }
}
