/**
 * The detail pane's lead: read when the cursor lands on a lead, painted from a change's answer,
 * read again when a change made elsewhere reaches it. Each read drops its answer when a newer
 * one started, so a slow answer never paints over a newer one.
 */
import type { LeadDetail } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { selectCurrentId, useStore } from '../store/store';

let detailRequest = 0;
/**
 * The lead whose detail the pane holds as the core has it now (read, or answered by a change),
 * until a change made elsewhere reaches it: coming back to it needs no read.
 */
let freshDetail: number | undefined;
/** Counts the changes made elsewhere: a read begun before the latest may miss it. */
let staleEpoch = 0;
let reading: { id: number; epoch: number; done: Promise<void> } | null = null;

/**
 * Loads the current lead into the detail pane. A read of the same lead already on its way, begun
 * after the last change made elsewhere, answers for both (a push's event and the cursor landing
 * on the lead often ask at once).
 */
export function loadDetail(): Promise<void> {
  const id = selectCurrentId(useStore.getState());
  if (id !== undefined && reading?.id === id && reading.epoch === staleEpoch) return reading.done;
  const done: Promise<void> = readDetail(id).finally(() => {
    if (reading?.done === done) reading = null;
  });
  if (id !== undefined) reading = { id, epoch: staleEpoch, done };
  return done;
}

async function readDetail(id: number | undefined): Promise<void> {
  const request = ++detailRequest;
  const { setDetail, setDetailError } = useStore.getState();
  if (id === undefined) {
    setDetail(null);
    return;
  }
  try {
    const detail = await invoke('leads:get', { id });
    if (request !== detailRequest) return;
    setDetail(detail);
    freshDetail = id;
  } catch (error) {
    if (request === detailRequest) setDetailError(errorMessage(error));
  }
}

/** The cursor moved: loads the current lead's detail unless the pane already has it fresh. */
export async function showCurrentDetail(): Promise<void> {
  const id = selectCurrentId(useStore.getState());
  if (id !== undefined && id === freshDetail && useStore.getState().detail?.id === id) {
    // Back on the lead shown: a read of a lead passed over on the way must not replace it.
    ++detailRequest;
    reading = null;
    return;
  }
  return loadDetail();
}

/** The detail a change answered with, shown when its lead is the current one. */
export function paintDetail(detail: LeadDetail): void {
  if (selectCurrentId(useStore.getState()) !== detail.id) return;
  ++detailRequest;
  reading = null;
  useStore.getState().setDetail(detail);
  freshDetail = detail.id;
}

/** Leads changed by someone else (a sync, another window): their detail is read again. */
export function staleDetail(ids: readonly number[] | null): void {
  staleEpoch += 1;
  if (ids === null || (freshDetail !== undefined && ids.includes(freshDetail)))
    freshDetail = undefined;
}
