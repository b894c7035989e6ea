/**
 * Starting over with a database that cannot be opened (its key lost or missing, or the file
 * damaged): the way out is a new, empty one and the leads downloaded again. The same rules in
 * every shell, honest about the cost:
 * - only for a database that cannot be opened, never one that opens;
 * - the changes not yet sent that can still be read are saved first, beside the file, as JSON
 *   the person can read and `cli replay` queues again; the others are counted (from the note
 *   beside the file) and the person is told how many would be lost;
 * - nothing happens without a yes, and the old file is set aside, not deleted.
 */
import type { CommandError } from '#contract';
import {
  readUnsentChanges,
  readUnsentNote,
  replayCommand,
  setAsideDatabase,
  writeUnsentExport,
} from '../core';

export interface StartOverPlan {
  dbPath: string;
  /** Why it cannot be opened, in the core's words. */
  reason: string;
  /** Changes not yet sent: exact when they could be read, else as the note says; null: unknown. */
  unsent: number | null;
  /** Where the changes that could be read were saved; null when none could be. */
  savedTo: string | null;
}

/** The core's sentence without its own count of what would be lost: the plan says it better. */
function reasonOf(error: CommandError): string {
  return error.message.replace(/\s*Downloading the leads again starts a new one:.*$/s, '');
}

/**
 * Saves what can be read of the unsent changes (trying each key the host has for the file; null
 * for an unencrypted one) and counts them. Changes nothing else.
 */
export function planStartOver(
  error: CommandError,
  dbPath: string,
  keys: readonly (Buffer | null)[],
  options: { now?: Date; nativeBinding?: string | undefined } = {},
): StartOverPlan {
  const now = options.now ?? new Date();
  for (const key of keys) {
    let changes;
    try {
      changes = readUnsentChanges(dbPath, key, options.nativeBinding);
    } catch {
      continue;
    }
    const savedTo = changes.length > 0 ? writeUnsentExport(dbPath, changes, now) : null;
    return { dbPath, reason: reasonOf(error), unsent: changes.length, savedTo };
  }
  return { dbPath, reason: reasonOf(error), unsent: readUnsentNote(dbPath), savedTo: null };
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** What starting over does and costs, in sentences (after the reason). */
export function describeStartOver(plan: StartOverPlan): string {
  const what =
    `Starting over sets ${plan.dbPath} aside (kept as it is, should its key turn up) and ` +
    'downloads the leads again.';
  if (plan.savedTo !== null) {
    const one = plan.unsent === 1;
    return (
      `${what} Its ${changes(plan.unsent ?? 0)} not yet sent to Envoke ${one ? 'was' : 'were'} ` +
      `saved to ${plan.savedTo}; once the leads are downloaded, ` +
      `${replayCommand(plan.savedTo, plan.dbPath)} queues ${one ? 'it' : 'them'} again.`
    );
  }
  if (plan.unsent === 0) return `${what} No unsent changes would be lost.`;
  if (plan.unsent === null)
    return `${what} Any changes not yet sent to Envoke cannot be read, so they would be lost.`;
  return (
    `${what} Its ${changes(plan.unsent)} not yet sent to Envoke cannot be read, so ` +
    `${plan.unsent === 1 ? 'it' : 'they'} would be lost.`
  );
}

/** Whether going ahead loses changes for good (then a shell asks for more than a click). */
export const losesChanges = (plan: StartOverPlan): boolean =>
  plan.savedTo === null && plan.unsent !== 0;

/** Sets the files aside; answers where they went. */
export function carryOutStartOver(plan: StartOverPlan, now: Date = new Date()): string {
  return setAsideDatabase(plan.dbPath, now);
}

export interface StartOverOptions<T> {
  open: () => Promise<T>;
  dbPath: string;
  /** The keys that may read what is left of the file: the host's own for it, if any. */
  keys: () => (Buffer | null)[];
  /** Shows the plan and asks; true means go ahead. */
  ask: (plan: StartOverPlan) => Promise<boolean>;
  /** After the files are set aside: the host moves its key for them along. */
  setAside?: (dbPath: string, aside: string) => void;
  /** Holds the cache while its files are saved from and moved: no one opens them meanwhile. */
  lock?: () => Promise<{ release(): void }>;
  nativeBinding?: string | undefined;
}

export async function openOrOfferStartOver<T>(options: StartOverOptions<T>): Promise<T> {
  try {
    return await options.open();
  } catch (error) {
    if (!((error as CommandError | null)?.code === 'storage-key')) throw error;
    const lock = await options.lock?.();
    try {
      const plan = planStartOver(error as CommandError, options.dbPath, options.keys(), {
        nativeBinding: options.nativeBinding,
      });
      if (!(await options.ask(plan))) throw error;
      const aside = carryOutStartOver(plan);
      options.setAside?.(options.dbPath, aside);
    } finally {
      lock?.release();
    }
    return options.open();
  }
}
