/**
 * Connects the store to the core: the first loads, the core's events, and the reads that follow
 * from what the person changes (view, search, current lead).
 */
import { errorMessage, invoke, on, onHostReachability } from '../bridge/client';
import { selectCurrentId, useStore } from '../store/store';
import { SWITCHED_KEY } from '../logic/account-switch';
import { syncNow } from './list-keys';
import { loadCounts, loadIds, loadSyncStatus, refreshRows, reloadWindow } from './data';
import { loadDetail, showCurrentDetail, staleDetail } from './detail';
import { followEnvokeAccount } from './envoke-account';
import { followMembership } from './membership';
import { forgetPaintedVersions, ORIGIN, paintDelivered } from './paint';
import { loadRatingValues, refreshRatingValues } from './ratings';
import {
  loadDuplicateCount,
  loadSavedViews,
  recountDuplicates,
  recountSavedViews,
} from './saved-views';

/** Moving through the list with a held key should not ask for every lead passed over. */
const DETAIL_DELAY_MS = 60;
/** Many changes in a burst (a sync page, a bulk change) become one refresh. */
const REFRESH_DELAY_MS = 150;
const SEARCH_DELAY_MS = 120;

function debounce(fn: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(fn, ms);
  };
}

/**
 * Changes this window did not make: a sync, another window, a restarted data engine. Its own
 * changes painted from their answers (paint.ts) and their events are passed by. A push's answers
 * bring their rows and counts: only the detail, and a list that depends on where leads stand
 * with Envoke, are read. Bursts become one refresh.
 */
function watchLeadChanges(): void {
  const changed = new Set<number>();
  const delivered = new Set<number>();
  const placeDelivered = new Set<number>();
  let many = false;
  const flush = debounce(() => {
    const ids = [...changed];
    const all = many;
    const sent = [...delivered];
    const toPlace = [...placeDelivered].filter((id) => !changed.has(id));
    changed.clear();
    delivered.clear();
    placeDelivered.clear();
    many = false;
    void (async () => {
      const current = selectCurrentId(useStore.getState());
      const shows = (list: readonly number[]) => current !== undefined && list.includes(current);
      // Membership of a view changes with its leads (a status moves a lead out of "Marketing: new"):
      // asked for the changed leads alone, unless too many changed to ask one by one.
      if (all) await loadIds();
      else await followMembership([...ids, ...toPlace]);
      if (all) await reloadWindow();
      else await refreshRows(ids);
      if (all || shows(ids) || shows(sent)) await loadDetail();
      recountSavedViews();
      if (all || ids.length > 0) {
        await Promise.all([loadCounts(), all ? loadDuplicateCount() : null]);
        recountDuplicates();
        refreshRatingValues();
      }
    })().catch((error: unknown) => useStore.getState().addToast('error', errorMessage(error)));
  }, REFRESH_DELAY_MS);

  on('leads:changed', (change) => {
    if (change.origin === ORIGIN) return;
    staleDetail(change.ids);
    if (change.ids === null) {
      many = true;
      forgetPaintedVersions();
    } else if (change.delivered !== undefined) {
      for (const id of paintDelivered(change.ids, change.delivered)) placeDelivered.add(id);
      for (const id of change.ids) delivered.add(id);
    } else for (const id of change.ids) changed.add(id);
    flush();
  });
}

function watchSelection(): void {
  const delayedDetail = debounce(() => void showCurrentDetail(), DETAIL_DELAY_MS);
  let shown = selectCurrentId(useStore.getState());
  useStore.subscribe((state) => {
    const current = selectCurrentId(state);
    if (current === shown) return;
    shown = current;
    delayedDetail();
  });
}

function watchQuery(): void {
  const delayedIds = debounce(() => void loadIds(), SEARCH_DELAY_MS);
  let { view, search, activeQuery } = useStore.getState();
  useStore.subscribe((state) => {
    if (state.view === view && state.search === search && state.activeQuery === activeQuery) return;
    const viewChanged = state.view !== view || state.activeQuery !== activeQuery;
    ({ view, search, activeQuery } = state);
    if (viewChanged) void loadIds();
    else delayedIds();
  });
}

/** The desktop app's menu (Sync now, Preferences, Keyboard shortcuts, Help) asks for these. */
function followMenu(): void {
  on('app:menu', ({ action }) => {
    const store = useStore.getState();
    if (action === 'sync-now') void syncNow();
    else if (action === 'preferences') store.openPanel({ kind: 'settings' });
    else store.openPanel({ kind: 'help' });
  });
}

async function loadPreferences(): Promise<void> {
  const store = useStore.getState();
  const [info, prefs] = await Promise.allSettled([
    invoke('app:info', {}),
    invoke('settings:get', {}),
  ]);
  if (info.status === 'fulfilled') store.setInfo(info.value);
  if (prefs.status === 'fulfilled') store.setPrefs(prefs.value);
  else store.addToast('error', `Settings could not be read: ${errorMessage(prefs.reason)}`);
}

/**
 * The status bar tells the truth about the connection: the host that stopped answering, and the
 * network the computer says is gone, before the core's next sync attempt would find out.
 */
function watchConnection(): void {
  onHostReachability((reachable) => useStore.getState().setHostReachable(reachable));
  const network = () => useStore.getState().setNetworkOnline(navigator.onLine);
  window.addEventListener('online', network);
  window.addEventListener('offline', network);
  network();
}

/** After an account switch (the window reloads on the new account): what changed, said once. */
function sayAccountSwitched(): void {
  const note = window.sessionStorage.getItem(SWITCHED_KEY);
  if (note === null) return;
  window.sessionStorage.removeItem(SWITCHED_KEY);
  useStore.getState().addToast('info', note);
}

/** Starts everything once, at boot. */
export function start(): void {
  watchConnection();
  sayAccountSwitched();
  on('sync:status', (status) => useStore.getState().setSync(status));
  watchLeadChanges();
  watchSelection();
  watchQuery();
  followMenu();
  on('app:notice', ({ message }) => useStore.getState().addToast('error', message));
  void loadPreferences();
  void loadSyncStatus();
  void loadIds().then(() => loadDetail());
  void loadCounts();
  void loadRatingValues();
  void loadSavedViews();
  followEnvokeAccount();
}
