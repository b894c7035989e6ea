/** The outbox panel's commands: list, retry, edit and discard queued changes. */
import { ClientError, errorMessage, invoke } from '../bridge/client';
import { editorField, isTriageField } from '../logic/fields';
import { useStore } from '../store/store';
import { openResolver } from './conflicts';
import { undoOrder } from './on-screen';

let outboxRequest = 0;

/** Reads the queue; an answer that arrives after a newer read began is dropped, never painted. */
export async function loadOutbox(): Promise<void> {
  const request = ++outboxRequest;
  try {
    const { entries } = await invoke('outbox:list', { includeDone: false });
    if (request === outboxRequest) useStore.getState().setOutbox(entries);
  } catch (error) {
    if (request === outboxRequest) useStore.getState().setOutboxError(errorMessage(error));
  }
}

/** How long a person's discard waits for a try under way (offline, one times out) to end. */
const SENDING_WAIT_MS = 15_000;
const SENDING_POLL_MS = 250;

/**
 * Runs an outbox command, waiting out a try of that change that is under way: the person asked
 * for it, and a moment later the change is either sent (the command then says so) or waiting
 * again, when the command does what was asked.
 */
async function onceNotSending<T>(command: () => Promise<T>): Promise<T> {
  const until = Date.now() + SENDING_WAIT_MS;
  for (;;) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof ClientError && error.code === 'busy') || Date.now() > until)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, SENDING_POLL_MS));
    }
  }
}

function selectedEntry() {
  const { outbox, outboxIndex } = useStore.getState();
  return outbox[outboxIndex];
}

export function moveOutbox(step: number): void {
  const { outboxIndex, setOutboxIndex } = useStore.getState();
  setOutboxIndex(outboxIndex + step);
}

export async function retrySelected(): Promise<void> {
  const entry = selectedEntry();
  if (!entry) return;
  try {
    await onceNotSending(() => invoke('outbox:retry', { id: entry.id }));
    useStore.getState().addToast('info', `Trying again: ${entry.leadLabel}`);
  } catch (error) {
    useStore.getState().addToast('error', `Could not retry: ${errorMessage(error)}`);
  }
  await loadOutbox();
}

export function editSelected(): void {
  const entry = selectedEntry();
  if (!entry) return;
  const fields = Object.entries(entry.fields)
    .filter((pair): pair is [Parameters<typeof editorField>[0], string] => isTriageField(pair[0]))
    .map(([field, value]) => editorField(field, value));
  if (fields.length === 0) {
    useStore.getState().addToast('info', 'This change has no fields that can be edited here.');
    return;
  }
  useStore.getState().openPanel({
    kind: 'editor',
    editor: {
      title: `Edit the change to ${entry.leadLabel}`,
      fields,
      target: { type: 'outbox', entryId: entry.id },
    },
  });
}

/** First press arms the discard, the second one discards: a queued change is never lost by a slip. */
export async function discardSelected(): Promise<void> {
  const entry = selectedEntry();
  const store = useStore.getState();
  if (!entry) return;
  if (store.discardArmed !== entry.id) {
    store.armDiscard(entry.id);
    return;
  }
  store.armDiscard(null);
  try {
    await onceNotSending(() => invoke('outbox:discard', { id: entry.id }));
    undoOrder.other();
    useStore.getState().addToast('info', `Discarded the change to ${entry.leadLabel}.`);
  } catch (error) {
    useStore.getState().addToast('error', `Could not discard: ${errorMessage(error)}`);
  }
  await loadOutbox();
}

export function resolveSelected(): void {
  const entry = selectedEntry();
  if (!entry) return;
  if (entry.state !== 'conflict') {
    useStore.getState().addToast('info', 'Only a change in conflict has something to resolve.');
    return;
  }
  void openResolver(entry.leadId);
}

/** Saves an edited change and queues it again. */
export async function saveOutboxEdit(
  entryId: number,
  patch: Record<string, string>,
): Promise<void> {
  await onceNotSending(() => invoke('outbox:edit', { id: entryId, patch }));
  undoOrder.other();
  useStore.getState().addToast('info', 'Change saved. It goes to Envoke with the next sync.');
  await loadOutbox();
}
