/**
 * The account's rating values: read at start, then again as leads change, at most every
 * REFRESH_MS. Counting them reads an index of every rated lead, and the answer rarely changes
 * (a value new to the account arrives with a sync), so a burst of triage keys does not re-count
 * the whole account each time.
 */
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';

const REFRESH_MS = 30_000;

let request = 0;
let lastLoad = 0;
let scheduled: number | undefined;

export async function loadRatingValues(): Promise<void> {
  const mine = ++request;
  lastLoad = Date.now();
  try {
    const values = await invoke('leads:rating-values', {});
    if (mine === request) useStore.getState().setAccountRatings(values);
  } catch (error) {
    // The keys still offer the person's own and Envoke's documented ratings meanwhile.
    if (mine === request)
      useStore
        .getState()
        .addToast('error', `Rating values could not be read: ${errorMessage(error)}`);
  }
}

/**
 * Leads changed: read the values again now, or once REFRESH_MS after the last read. Right away
 * while none are known yet: the first sync is bringing the account's leads in.
 */
export function refreshRatingValues(): void {
  if (scheduled !== undefined) return;
  const { marketing, sales } = useStore.getState().accountRatings;
  const noneYet = marketing.length === 0 && sales.length === 0;
  const wait = noneYet ? 0 : Math.max(0, lastLoad + REFRESH_MS - Date.now());
  scheduled = window.setTimeout(() => {
    scheduled = undefined;
    void loadRatingValues();
  }, wait);
}
