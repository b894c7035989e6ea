/**
 * The account's name and custom field definitions: read at start and again after each sync
 * (a full sync reads them from Envoke), for the detail pane's labels and the window title.
 */
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';

export async function loadEnvokeAccount(): Promise<void> {
  try {
    useStore.getState().setEnvokeAccount(await invoke('envoke:account', {}));
  } catch {
    // Labels fall back to the keys and the title to the account's address: nothing to tell.
  }
}

/** Reads them again whenever a sync finishes. */
export function followEnvokeAccount(): void {
  let lastSyncAt = useStore.getState().sync?.lastSyncAt ?? null;
  useStore.subscribe((state) => {
    const at = state.sync?.lastSyncAt ?? null;
    if (at === lastSyncAt) return;
    lastSyncAt = at;
    void loadEnvokeAccount();
  });
  void loadEnvokeAccount();
}

/** Opens a web address outside the app: the desktop app asks the system browser to. */
export async function openExternal(url: string): Promise<void> {
  try {
    await invoke('app:open-external', { url });
  } catch (error) {
    useStore.getState().addToast('error', `The link could not be opened: ${errorMessage(error)}`);
  }
}
