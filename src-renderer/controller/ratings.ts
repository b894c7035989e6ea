/** The account's rating values: read at start and again whenever leads change. */
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';

let request = 0;

export async function loadRatingValues(): Promise<void> {
  const mine = ++request;
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
