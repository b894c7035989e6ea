/**
 * The rating values the account's leads carry, per stage: most used first when first read, then
 * in a stable order (see keepOrder).
 */
import type { StateCreator } from 'zustand';
import { keepOrder, type StageRatings } from '../logic/ratings';
import type { Store } from './store';

export interface RatingsSlice {
  accountRatings: StageRatings;
  setAccountRatings(ratings: StageRatings): void;
}

export const createRatingsSlice: StateCreator<Store, [], [], RatingsSlice> = (set) => ({
  accountRatings: { marketing: [], sales: [] },
  setAccountRatings: (next) =>
    set((state) => ({
      accountRatings: {
        marketing: keepOrder(state.accountRatings.marketing, next.marketing),
        sales: keepOrder(state.accountRatings.sales, next.sales),
      },
    })),
});
