/**
 * Reads a lead listing page by page, many pages in flight, handing them over in order.
 *
 * Pages are offset windows (`sort[id]=ASC&skip=N&limit=100`): the one paging Envoke documents
 * (envoke-lead-api.md §5.1). Keyset ranges (`filter[id][$gt]`) are undocumented and an Envoke
 * may refuse them, and they cannot be fetched side by side without knowing the ids ahead; offset
 * windows can. How many are in flight, when to send and whether to try a page again are the sync
 * loop's pacing to say (pacing.ts: learned from Envoke's answers, the same hold the push obeys,
 * never sooner than Retry-After). A page only reports how it went.
 *
 * The caller writes each page before asking for the next, so a resume point after a page is
 * always safe: pages fetched ahead and not yet handed over are simply fetched again next time.
 *
 * Envoke's page cap is unknown: a short page is either the end or the cap. The page after a
 * short one is read to tell: empty means the end, otherwise the short size is the cap and paging
 * goes on with it (pages fetched ahead with the old size are dropped).
 */
import type { Clock } from '../api';
import type { EnvokeClient, Filter, LeadPage } from '../envoke';
import type { PagePacing } from './pacing';
import { SyncStopped } from './sync-errors';

export const PAGE_SIZE = 100;
/**
 * Pages fetched beyond the one the caller waits for, at most: what the writer may be handed at
 * once plus a full window in flight, so memory stays bounded however fast Envoke answers.
 */
const AHEAD_PAGES = 32;
export interface PageSource {
  envoke: EnvokeClient;
  filter: Filter;
  clock: Clock;
  pacing: PagePacing;
  signal: AbortSignal;
}

export interface PositionedPage extends LeadPage {
  skip: number;
}

/**
 * Every page from `startSkip` on, in order: many in flight, or (`serial`) one at a time for the
 * handful of new leads a quick pull expects.
 */
export async function* readPages(
  source: PageSource,
  startSkip: number,
  serial = false,
): AsyncGenerator<PositionedPage> {
  const { clock, pacing, signal } = source;
  const window = pacing.window(serial);
  let step = PAGE_SIZE;
  /** The next page to request, and the one the caller gets next. */
  let nextRequest = startSkip;
  let nextHanded = startSkip;
  /** No request at or past this offset: a page there (or a short one before it) came back. */
  let requestBelow = Number.POSITIVE_INFINITY;
  /** Requests of the current generation in flight. */
  let active = 0;
  let generation = 0;
  let stopped = false;
  /** Pages asked with the current step; a new step (a cap learned) drops the rest. */
  let pending = new Map<number, Promise<LeadPage>>();

  const fetchPage = async (skip: number, limit: number, asked: number): Promise<LeadPage> => {
    for (let attempt = 1; ; attempt += 1) {
      await pacing.beforeRequest();
      if (signal.aborted || stopped) throw new SyncStopped();
      const epoch = window.epoch;
      const sentAt = clock.now();
      try {
        const page = await source.envoke.listLeads({
          filter: source.filter,
          sort: { id: 'ASC' },
          skip,
          limit,
        });
        pacing.answered(window, clock.now() - sentAt);
        if (page.received < limit && asked === generation)
          requestBelow = Math.min(requestBelow, skip + limit);
        return page;
      } catch (error) {
        if (signal.aborted || stopped) throw new SyncStopped();
        await pacing.retryAfterFailure(window, epoch, error, attempt);
      }
    }
  };

  /** Sends the request for `skip` now; it counts against the window until it settles. */
  const request = (skip: number) => {
    nextRequest = skip + step;
    active += 1;
    const asked = generation;
    // Settled before the page is handed on, so whoever reads it finds its slot free.
    const settle = () => {
      if (asked === generation) active -= 1;
    };
    const page = fetchPage(skip, step, asked).then(
      (value) => {
        settle();
        return value;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    pending.set(skip, page);
    // Pages fetched ahead may be abandoned (end of list, an earlier failure): never unhandled.
    void page.catch(() => undefined).then(pump);
  };

  function pump(): void {
    while (
      !stopped &&
      !signal.aborted &&
      active < window.limit &&
      nextRequest < requestBelow &&
      nextRequest < nextHanded + AHEAD_PAGES * step
    )
      request(nextRequest);
  }

  /** The page the caller waits for: already asked for, or asked for now whatever the window. */
  const pageAt = (skip: number): Promise<LeadPage> => {
    if (!pending.has(skip)) request(skip);
    return pending.get(skip)!;
  };

  /**
   * Start over at `skip` with pages of `size`, forgetting every page asked before (those still in
   * flight finish unread and no longer count against the window).
   */
  const restartAt = (skip: number, size: number) => {
    generation += 1;
    active = 0;
    step = size;
    pending = new Map();
    nextRequest = skip;
    nextHanded = skip;
    requestBelow = Number.POSITIVE_INFINITY;
  };

  try {
    for (;;) {
      // Closing stops a pull between pages: every page written so far stays, with its resume
      // point, and the next pull goes on from there instead of the close waiting for the rest.
      if (signal.aborted) throw new SyncStopped();
      pump();
      const skip = nextHanded;
      const page = await pageAt(skip);
      pending.delete(skip);
      if (page.received === 0) return;
      nextHanded = skip + step;
      yield { ...page, skip };
      if (page.received >= step) continue;

      // Short page: the end, or Envoke's cap. Ask for what follows it alone (the pages in
      // flight were positioned for full pages).
      if (signal.aborted) throw new SyncStopped();
      const after = skip + page.received;
      restartAt(after, step);
      requestBelow = after + 1;
      const following = await pageAt(after);
      if (following.received === 0) return;
      // Shorter than the cap just learned: it was the last page.
      if (following.received < page.received) {
        yield { ...following, skip: after };
        return;
      }
      restartAt(after + following.received, Math.min(PAGE_SIZE, following.received));
      yield { ...following, skip: after };
    }
  } finally {
    stopped = true;
  }
}
