/**
 * `leads:changed` while sync writes: a pull stores a page every few milliseconds and a push
 * settles a change per answer, but the list only needs to refetch a few times a second. Changed
 * ids are gathered and announced at most every `everyMs`; past `maxIds` the announcement says
 * "many" (null) and the list rereads what it shows.
 */
import type { Clock } from '../api';

/** `leads:changed` during a pull: at most this often, so the list does not refetch per page. */
export const CHANGED_EVERY_MS = 500;
/** More changed ids than this are announced as "many". */
export const CHANGED_IDS_MAX = 500;

export class ChangeBatcher {
  private ids = new Set<number>();
  private many = false;
  private lastAt = 0;

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    /** Announces the ids, or null for "many". */
    private readonly announce: (ids: number[] | null) => void,
    private readonly everyMs = CHANGED_EVERY_MS,
    private readonly maxIds = CHANGED_IDS_MAX,
  ) {}

  /** These leads changed: announced now if the last announcement is old enough, else later. */
  note(ids: readonly number[]): void {
    for (const id of ids) this.ids.add(id);
    if (this.ids.size > this.maxIds) this.many = true;
    if (this.clock.now() - this.lastAt >= this.everyMs) this.flush();
  }

  /** Announces whatever is gathered (a job's end, a push round's end). */
  flush(): void {
    if (this.ids.size === 0 && !this.many) return;
    const ids = this.many ? null : [...this.ids];
    this.ids.clear();
    this.many = false;
    this.lastAt = this.clock.now();
    this.announce(ids);
  }
}
