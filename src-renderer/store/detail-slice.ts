/** The lead shown in the detail pane. */
import type { StateCreator } from 'zustand';
import type { LeadDetail } from '#contract';
import type { Store } from './store';

export interface DetailSlice {
  detail: LeadDetail | null;
  detailError: string | null;
  setDetail(detail: LeadDetail | null): void;
  setDetailError(message: string | null): void;
}

export const createDetailSlice: StateCreator<Store, [], [], DetailSlice> = (set) => ({
  detail: null,
  detailError: null,
  setDetail: (detail) => set({ detail, detailError: null }),
  setDetailError: (detailError) => set({ detailError }),
});
