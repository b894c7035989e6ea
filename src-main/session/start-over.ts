/**
 * A database whose key is lost cannot be read; the way out is a new, empty one and the leads
 * downloaded again. The person is asked first, with the core's sentence saying how many unsent
 * changes that loses; nothing is deleted without a yes.
 */
import { CommandError } from '#contract';

export interface StartOverOptions<T> {
  open: () => Promise<T>;
  /** Shows the sentence and offers to download the leads again; true means yes. */
  ask: (message: string) => Promise<boolean>;
  /** Deletes the database (and its key), so the next open starts empty. */
  startOver: () => void;
}

export async function openOrOfferStartOver<T>(options: StartOverOptions<T>): Promise<T> {
  try {
    return await options.open();
  } catch (error) {
    if (!(error instanceof CommandError && error.code === 'storage-key')) throw error;
    if (!(await options.ask(error.message))) throw error;
    options.startOver();
    return options.open();
  }
}
