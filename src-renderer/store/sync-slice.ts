/** Where sync stands, as the core last reported it. */
import type { StateCreator } from 'zustand';
import type { SyncStatus } from '#contract';
import type { Store } from './store';

export interface SyncSlice {
  sync: SyncStatus | null;
  setSync(status: SyncStatus): void;
}

export const createSyncSlice: StateCreator<Store, [], [], SyncSlice> = (set) => ({
  sync: null,
  setSync: (sync) => set({ sync }),
});
