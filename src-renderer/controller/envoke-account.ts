/**
 * The account's name and custom field definitions: read at start and again after each sync
 * (a full sync reads them from Envoke), for the detail pane's labels and the window title.
 */
import type { SyncStatus } from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { useStore } from '../store/store';

export async function loadEnvokeAccount(): Promise<void> {
  try {
    useStore.getState().setEnvokeAccount(await invoke('envoke:account', {}));
  } catch {
    // Labels fall back to the keys and the title to the account's address: nothing to tell.
  }
}

/**
 * When the core last read them from Envoke, or, from a core that does not say, when it last
 * synced: a push alone (after every triage key) reads nothing of the account.
 */
function accountReadAt(sync: SyncStatus | null): string | null {
  if (sync === null) return null;
  return sync.accountReadAt === undefined ? sync.lastSyncAt : sync.accountReadAt;
}

/** Reads them again whenever a sync read them from Envoke. */
export function followEnvokeAccount(): void {
  let readAt = accountReadAt(useStore.getState().sync);
  useStore.subscribe((state) => {
    const at = accountReadAt(state.sync);
    if (at === readAt) return;
    readAt = at;
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
