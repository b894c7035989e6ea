/** What the app knows of the Envoke account besides its leads: its name and custom fields. */
import type { StateCreator } from 'zustand';
import type { EnvokeAccount } from '#contract/envoke-account';
import type { Store } from './store';

export interface AccountSlice {
  /** Null until the core answered; then as the last full sync read it. */
  envokeAccount: EnvokeAccount | null;
  setEnvokeAccount(account: EnvokeAccount): void;
}

export const createAccountSlice: StateCreator<Store, [], [], AccountSlice> = (set) => ({
  envokeAccount: null,
  setEnvokeAccount: (envokeAccount) => set({ envokeAccount }),
});
