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
  setSync(status: SyncStatus): void;
  setHostReachable(reachable: boolean): void;
  setNetworkOnline(online: boolean): void;
}

export const createSyncSlice: StateCreator<Store, [], [], SyncSlice> = (set) => ({
  sync: null,
  hostReachable: true,
  networkOnline: true,
  setSync: (sync) => set({ sync }),
  setHostReachable: (hostReachable) => set({ hostReachable }),
  setNetworkOnline: (networkOnline) => set({ networkOnline }),
});
