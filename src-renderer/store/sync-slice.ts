/** Where sync stands, as the core last reported it. */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '#contract';
import type { Store } from './store';

export interface SyncSlice {
  sync: SyncStatus | null;
  /**
   * False while Lead Triage's own process does not answer this window (the browser host stopped,
   * or its connection dropped): what the core last said is then out of date.
   */
  hostReachable: boolean;
  /** False while the computer says it has no network: the core may not have noticed yet. */
  networkOnline: boolean;
  /**
   * True when this window opened on a cache never synced (a first start, an account just
   * switched to): until the person moves, the list then stays at its top while the first download
   * fills it, to its very last page. Null until the first status arrives.
   */
  openedUnsynced: boolean | null;
  setSync(status: SyncStatus): void;
  setHostReachable(reachable: boolean): void;
  setNetworkOnline(online: boolean): void;
}

export const createSyncSlice: StateCreator<Store, [], [], SyncSlice> = (set) => ({
  sync: null,
  hostReachable: true,
  networkOnline: true,
  openedUnsynced: null,
  setSync: (sync) =>
    set((state) => ({ sync, openedUnsynced: state.openedUnsynced ?? sync.lastSyncAt === null })),
  setHostReachable: (hostReachable) => set({ hostReachable }),
  setNetworkOnline: (networkOnline) => set({ networkOnline }),
});
