/** The conflict resolver: per field, keep what Envoke has now or what the person set. */
import { TRIAGE_FIELDS, type ConflictField } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';
import { loadCounts, refreshRows } from './data';
import { loadDetail } from './detail';
import { undoOrder } from './on-screen';

let resolverLead: number | null = null;
/** Whether the person kept any of their own values since the resolver opened. */
let keptMine = false;

/** Fields in the order the detail pane shows them, whatever order the core keeps them in. */
function inFieldOrder(conflicts: readonly ConflictField[]): ConflictField[] {
  return [...conflicts].sort(
    (a, b) => TRIAGE_FIELDS.indexOf(a.field) - TRIAGE_FIELDS.indexOf(b.field),
  );
}

async function loadConflicts(leadId: number): Promise<void> {
  try {
    const detail = await invoke('leads:get', { id: leadId });
    useStore.getState().setConflicts(inFieldOrder(detail.conflicts));
  } catch (error) {
    useStore.getState().setConflictError(errorMessage(error));
  }
}

export async function openResolver(leadId: number): Promise<void> {
  resolverLead = leadId;
  keptMine = false;
  const store = useStore.getState();
  store.setConflicts([]);
  store.setConflictIndex(0);
  store.openPanel({ kind: 'conflict', leadId });
  await loadConflicts(leadId);
  if (useStore.getState().conflicts.length === 0) {
    useStore.getState().closePanel();
    useStore.getState().addToast('info', 'This lead has no conflicts to resolve.');
  }
}

export function moveConflict(step: number): void {
  const { conflictIndex, setConflictIndex } = useStore.getState();
  setConflictIndex(conflictIndex + step);
}

export async function choose(choice: 'mine' | 'theirs'): Promise<void> {
  const { conflicts, conflictIndex } = useStore.getState();
  const conflict = conflicts[conflictIndex];
  const leadId = resolverLead;
  if (!conflict || leadId === null) return;
  try {
    await invoke('conflicts:resolve', { leadId, field: conflict.field, choice });
    undoOrder.other();
  } catch (error) {
    useStore.getState().setConflictError(errorMessage(error));
    return;
  }
  keptMine ||= choice === 'mine';
  await loadConflicts(leadId);
  await refreshRows([leadId]);
  await loadDetail();
  void loadCounts();
  const store = useStore.getState();
  if (store.conflicts.length === 0 && store.panels.at(-1)?.kind === 'conflict') {
    store.closePanel();
    store.addToast(
      'info',
      keptMine
        ? 'Conflict resolved. What you kept goes to Envoke with the next sync.'
        : 'Conflict resolved. The lead keeps what Envoke has.',
    );
  }
}
