/** What is on screen over the list: panels, dialogs, messages, the active stage. */
import type { StateCreator } from 'zustand';
import type { TriageField } from '#contract';
import type { KeyContext } from '../keymap/specs';
import type { Stage } from '../logic/stage';
import type { Store } from './store';

export interface EditorField {
  field: TriageField;
  label: string;
  kind: 'choice' | 'text' | 'note' | 'money';
  options?: readonly string[];
  value: string;
}

/** A small form that changes a few fields of one lead, or of one queued change. */
export interface EditorSpec {
  title: string;
  fields: readonly EditorField[];
  target:
    | { type: 'lead'; id: number }
    /** The bulk selection: the same value goes to every one of them. */
    | { type: 'leads'; ids: readonly number[] }
    | { type: 'outbox'; entryId: number };
}

export type Panel =
  | { kind: 'palette' }
  | { kind: 'help' }
  | { kind: 'outbox' }
  | { kind: 'conflict'; leadId: number }
  | { kind: 'settings' }
  | { kind: 'editor'; editor: EditorSpec }
  | { kind: 'new-lead' }
  | { kind: 'pipeline' }
  | { kind: 'duplicates' };

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface UiSlice {
  stage: Stage;
  /** Panels over the list, the top one last. */
  panels: readonly Panel[];
  toasts: readonly Toast[];
  /** Bumped to ask the search box to take focus. */
  searchFocus: number;
  /** The width of each of the list's stage columns in px (0 until drawn): values are fitted to it. */
  stageWidths: Readonly<Record<Stage, number>>;
  setStageWidth(stage: Stage, width: number): void;
  setStage(stage: Stage): void;
  openPanel(panel: Panel): void;
  closePanel(): void;
  closeAll(): void;
  addToast(kind: Toast['kind'], text: string): number;
  dismissToast(id: number): void;
  focusSearch(): void;
}

let toastSeq = 0;

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  stage: 'marketing',
  panels: [],
  toasts: [],
  searchFocus: 0,
  stageWidths: { marketing: 0, sales: 0 },
  setStageWidth: (stage, width) =>
    set((state) =>
      state.stageWidths[stage] === width
        ? {}
        : { stageWidths: { ...state.stageWidths, [stage]: width } },
    ),
  setStage: (stage) => set({ stage }),
  openPanel: (panel) =>
    set((state) => ({ panels: [...state.panels.filter((p) => p.kind !== panel.kind), panel] })),
  closePanel: () => set((state) => ({ panels: state.panels.slice(0, -1) })),
  closeAll: () => set({ panels: [] }),
  addToast: (kind, text) => {
    const id = ++toastSeq;
    // Only the latest few messages matter, each once; older ones would cover the list.
    set((state) => ({
      toasts: [
        ...state.toasts.filter((toast) => toast.text !== text).slice(-2),
        { id, kind, text },
      ],
    }));
    return id;
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  focusSearch: () => set((state) => ({ searchFocus: state.searchFocus + 1 })),
});

/** The keyboard context of the top panel; null where the panel handles its own keys. */
export function keyContextOf(panels: readonly Panel[]): KeyContext | null {
  const top = panels[panels.length - 1];
  if (!top) return 'list';
  switch (top.kind) {
    case 'help':
    case 'outbox':
    case 'conflict':
      return top.kind;
    default:
      return null;
  }
}
