/**
 * Reads a lead listing page by page with a few pages in flight, in order. Envoke's page cap is
 * unknown (envoke-lead-api.md §5.1): a short page is either the end or the cap. The page after a
 * short one is read to tell: empty means the end, otherwise the short size is the cap and paging
 * continues with it.
 */
import type { Clock } from '../api';
import { isEnvokeError, type EnvokeClient, type Filter, type LeadPage } from '../envoke';
import { backoffDelay } from './backoff';
import { SyncStopped } from './sync-errors';
import { wait } from './wait';

/** Pages requested ahead of the one being written. */
export const PAGES_IN_FLIGHT = 3;
export const PAGE_SIZE = 100;
/** Tries per page before the pull gives up (and resumes from that page next time). */
const PAGE_ATTEMPTS = 3;

export interface PageSource {
  envoke: EnvokeClient;
  filter: Filter;
  clock: Clock;
  random: () => number;
  signal: AbortSignal;
}

export interface PositionedPage extends LeadPage {
  skip: number;
}

async function fetchPage(source: PageSource, skip: number, limit: number): Promise<LeadPage> {
  for (let failures = 1; ; failures += 1) {
    try {
      return await source.envoke.listLeads({
        filter: source.filter,
        sort: { id: 'ASC' },
        skip,
        limit,
      });
    } catch (error) {
      if (
        !isEnvokeError(error) ||
        !error.retryable ||
        failures >= PAGE_ATTEMPTS ||
        source.signal.aborted
      )
        throw error;
      await wait(
        source.clock,
        backoffDelay(failures, source.random, error.retryAfterMs),
        source.signal,
      );
    }
  }
}

/**
 * Every page from `startSkip` on, in order. The caller writes each page before asking for the
 * next, so a resume point after a page is always safe.
 */
export async function* readPages(
  source: PageSource,
  startSkip: number,
  inFlight: number = PAGES_IN_FLIGHT,
): AsyncGenerator<PositionedPage> {
  let step = PAGE_SIZE;
  let nextRequest = startSkip;
  let queue: { skip: number; page: Promise<LeadPage> }[] = [];
  const request = (skip: number) => {
    const page = fetchPage(source, skip, step);
    // Pages fetched ahead may be abandoned (end of list, an earlier failure): never unhandled.
    page.catch(() => undefined);
    queue.push({ skip, page });
  };

  for (;;) {
    // Closing stops a pull between pages: every page written so far stays, with its resume point,
    // and the next pull goes on from there instead of the close waiting for the whole listing.
    if (source.signal.aborted) throw new SyncStopped();
    while (queue.length < inFlight) {
      request(nextRequest);
      nextRequest += step;
    }
    const head = queue.shift()!;
    const page = await head.page;
    if (page.received === 0) return;
    yield { ...page, skip: head.skip };
    if (page.received >= step) continue;

    // Short page: the end, or Envoke's cap. Ask for what follows it, without the pages in flight
    // (they were positioned for full pages).
    queue = [];
    if (source.signal.aborted) throw new SyncStopped();
    const after = head.skip + page.received;
    const following = await fetchPage(source, after, step);
    if (following.received === 0) return;
    step = page.received;
    yield { ...following, skip: after };
    nextRequest = after + following.received;
    if (following.received < step) {
      // Shorter than the cap just learned: it was the last page.
      return;
    }
  }
}
