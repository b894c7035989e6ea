/**
 * The commands the main thread has posted to the core worker and not yet heard back about, and
 * what becomes of them when the worker dies (see core-worker.ts): a call is posted again to the
 * restarted worker under the id it went out with, a change twice at most (made again, then only
 * asked whether it was saved), a read once; a sync in flight hears the restart's sentence.
 */
import { type CommandError } from '#contract';
import { READ_ONLY_COMMANDS } from '../../core';
import type { ToWorker } from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** What was posted, to post again to a restarted worker. */
  message: ToWorker;
  /** How many restarted workers it was posted to since. */
  resent: number;
}

/** Whether the message is a command that changes something (made once per id by the core). */
export const isChange = (message: ToWorker): boolean =>
  message.type === 'call' && !READ_ONLY_COMMANDS.has(message.name);

export class InFlight {
  private readonly pending = new Map<number, Pending>();

  add(id: number, message: ToWorker, resolve: Pending['resolve'], reject: Pending['reject']): void {
    this.pending.set(id, { resolve, reject, message, resent: 0 });
  }

  /** The worker answered `id` (or it could not be posted): settles and forgets it. */
  settle(id: number, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (outcome.ok) entry?.resolve(outcome.value);
    else entry?.reject(outcome.error);
  }

  /** Rejects everything in flight with `errorFor`'s error for each message. */
  failAll(errorFor: (message: ToWorker) => CommandError): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const entry of waiting) entry.reject(errorFor(entry.message));
  }

  /**
   * The worker died: answers `restarting` to what a new worker will not be asked, and takes the
   * rest out, oldest first, for `postAgain`.
   */
  carryOver(restarting: CommandError): Array<[number, Pending]> {
    const carried: Array<[number, Pending]> = [];
    for (const [id, entry] of [...this.pending.entries()].sort(([a], [b]) => a - b)) {
      const tries = isChange(entry.message) ? 2 : 1;
      if (entry.message.type === 'call' && entry.resent < tries) carried.push([id, entry]);
      else entry.reject(restarting);
    }
    this.pending.clear();
    return carried;
  }

  /** Puts carried calls back in flight and posts them; the second time a change is only asked. */
  postAgain(carried: Array<[number, Pending]>, post: (message: ToWorker) => void): void {
    for (const [id, entry] of carried) {
      entry.resent += 1;
      if (entry.resent === 2 && entry.message.type === 'call')
        entry.message = { ...entry.message, onlyIfApplied: true };
      this.pending.set(id, entry);
      post(entry.message);
    }
  }

  /** Carried calls whose new worker never started: back in flight, for failAll to answer. */
  restore(carried: Array<[number, Pending]>): void {
    for (const [id, entry] of carried) this.pending.set(id, entry);
  }
}
