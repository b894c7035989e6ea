/**
 * When the engine pulls. Envoke has no "changed since": new leads are polled often, everything
 * else by full pulls now and then; a pull the person or a scope change asks for goes first.
 * Plain state: the moments are passed in.
 */
export type PullKind = 'full' | 'new';

/** Envoke has no "changed since": new leads are polled often, everything else by full pulls. */
export const NEW_LEADS_EVERY_MS = 2 * 60_000;
export const FULL_PULL_EVERY_MS = 30 * 60_000;

export class PullSchedule {
  private wanted: PullKind | null = null;
  private lastPullAt = 0;

  /** A pull asked for: a full one wins over a quick one. */
  want(kind: PullKind): void {
    if (kind === 'full') this.wanted = 'full';
    else this.wanted ??= 'new';
  }

  /**
   * The pull a cycle should make now, if any: the one asked for, else the periodic one that is
   * due (only once background sync has started). `lastFullPullAt` is null before the first.
   */
  due(now: number, lastFullPullAt: number | null, periodic: boolean): PullKind | null {
    if (this.wanted !== null) return this.wanted;
    if (!periodic) return null;
    if (lastFullPullAt === null || now >= lastFullPullAt + FULL_PULL_EVERY_MS) return 'full';
    return now >= this.lastPullAt + NEW_LEADS_EVERY_MS ? 'new' : null;
  }

  /** A pull succeeded at `now`. */
  pulled(now: number): void {
    this.lastPullAt = now;
  }

  /** The pull asked for was made (the cycle went on to push). */
  done(): void {
    this.wanted = null;
  }

  /** When the next periodic pull falls due. */
  nextAt(lastFullPullAt: number | null): number {
    return Math.min(
      this.lastPullAt + NEW_LEADS_EVERY_MS,
      (lastFullPullAt ?? 0) + FULL_PULL_EVERY_MS,
    );
  }
}
