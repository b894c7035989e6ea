/** The desktop app's downloaded update: heard when it is ready, installed when the person asks. */
import { errorMessage, invoke, on } from '../bridge/client';
import { useStore } from '../store/store';

/** Calls back with the version once an update is downloaded; returns the unsubscribe. */
export function onUpdateReady(callback: (version: string) => void): () => void {
  return on('app:update', ({ version }) => callback(version));
}

/** Asks the app to restart into the update (it asks the person first, and may not). */
export function restartToUpdate(): void {
  invoke('app:restart-to-update', {}).catch((error: unknown) =>
    useStore.getState().addToast('error', errorMessage(error)),
  );
}
