/**
 * Envoke's copies of the leads the push is about to send, read ahead a hundred at a time with
 * one `filter[id][$in]` request instead of one GET per change: the GET before each PATCH was half
 * of a push's time. Each copy is used once, by the next change of its lead (after that the push
 * itself has changed the lead), and only while fresh: the three-way check must compare with what
 * Envoke has now, not what it had a while ago. A lead Envoke leaves out of the answer (or sends
 * unreadable) is read on its own, as before.
 */
import type { Clock, Logger } from '../api';
import { MAX_PAGE_SIZE, type EnvokeClient, type EnvokeLead } from '../envoke';
import type { Store } from '../tables/store';

/** A copy read longer ago than this is read again. */
const FRESH_MS = 5_000;

export class ServerCopiesAhead {
  private copies = new Map<string, EnvokeLead>();
  private readAt = 0;
  private reading: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly envoke: EnvokeClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Envoke's copy of `envokeId` for the change about to go out, or null to read it alone. */
  async take(envokeId: string): Promise<EnvokeLead | null> {
    // Changes sent side by side share one read.
    if (this.reading !== null) await this.reading;
    const now = this.clock.now();
    if (now - this.readAt > FRESH_MS) this.copies.clear();
    if (!this.copies.has(envokeId)) {
      this.reading = this.readAhead(envokeId, now).finally(() => {
        this.reading = null;
      });
      await this.reading;
    }
    const copy = this.copies.get(envokeId) ?? null;
    this.copies.delete(envokeId);
    return copy;
  }

  private async readAhead(first: string, now: number): Promise<void> {
    const ids = [first];
    for (const envokeId of this.store.outbox.readyEnvokeIds(now, MAX_PAGE_SIZE))
      if (envokeId !== first && ids.length < MAX_PAGE_SIZE) ids.push(envokeId);
    this.copies.clear();
    this.readAt = now;
    if (ids.length === 1) return;
    try {
      const page = await this.envoke.listLeads({ filter: { id: { $in: ids } }, limit: ids.length });
      for (const lead of page.leads) this.copies.set(lead.id, lead);
    } catch (error) {
      // Each change then reads its own copy, and meets the same trouble there if it lasts.
      this.logger.info('Reading the copies of the next changes at once failed', {
        error: String(error),
      });
    }
  }
}
