/** State of the outbox panel and the conflict resolver, which the keymap's actions move through. */
import type { StateCreator } from 'zustand';
import type { ConflictField, OutboxEntry } from '#contract';
import type { Store } from './store';

export interface PanelsSlice {
  outbox: readonly OutboxEntry[];
  outboxIndex: number;
  outboxError: string | null;
  /** The entry whose discard waits for a second press. */
  discardArmed: number | null;
  conflicts: readonly ConflictField[];
  conflictIndex: number;
  conflictError: string | null;
  setOutbox(entries: readonly OutboxEntry[]): void;
  setOutboxIndex(index: number): void;
  setOutboxError(message: string | null): void;
  armDiscard(id: number | null): void;
  setConflicts(fields: readonly ConflictField[]): void;
  setConflictIndex(index: number): void;
  setConflictError(message: string | null): void;
}

const clamp = (index: number, length: number) =>
  Math.max(0, Math.min(index, Math.max(0, length - 1)));

export const createPanelsSlice: StateCreator<Store, [], [], PanelsSlice> = (set) => ({
  outbox: [],
  outboxIndex: 0,
  outboxError: null,
  discardArmed: null,
  conflicts: [],
  conflictIndex: 0,
  conflictError: null,
  setOutbox: (outbox) =>
    set((state) => ({
      outbox,
      outboxIndex: clamp(state.outboxIndex, outbox.length),
      outboxError: null,
    })),
  setOutboxIndex: (index) =>
    set((state) => ({ outboxIndex: clamp(index, state.outbox.length), discardArmed: null })),
  setOutboxError: (outboxError) => set({ outboxError }),
  armDiscard: (discardArmed) => set({ discardArmed }),
  setConflicts: (conflicts) =>
    set((state) => ({
      conflicts,
      conflictIndex: clamp(state.conflictIndex, conflicts.length),
      conflictError: null,
    })),
  setConflictIndex: (index) =>
    set((state) => ({ conflictIndex: clamp(index, state.conflicts.length) })),
  setConflictError: (conflictError) => set({ conflictError }),
});
