/**
 * Pulling Envoke's leads into the cache.
 *
 * Full pull: every lead in scope, page by page (sort[id]=ASC, skip/limit), each page written in
 * one transaction together with the resume point, so a crash or lost connection resumes at the
 * first unwritten page. When it finishes, leads it did not see are checked: gone from Envoke
 * (flagged, never silently deleted), out of scope (dropped from the cache when nothing of the
 * person's is pending on them), or missed by offset paging (refreshed).
 *
 * Quick pull: only leads newer than the highest id seen (filter[id][$gt]); a full pull instead
 * when Envoke refuses that operator.
 */
import type { SyncProgress, SyncScope } from '#contract/dto';
import { UNREADABLE_LISTED, type Clock, type Logger, type UnreadableLead } from '../api';
import { isEnvokeError, type EnvokeClient, type LeadPage } from '../envoke';
import type { LeadRecord } from '../tables/lead-record';
import { serverRecord } from '../tables/lead-row';
import type { Store } from '../tables/store';
import type { PagePacing } from './pacing';
import { readPages, type PageSource, type PositionedPage } from './pull-pages';
import { scopeFilter, scopeKey, scopeMatches } from './scope-filter';
import { writeServerCopies } from './server-copy';
import { nextTurn } from './wait';

/** Leads a finished full pull did not see are checked one by one up to this many. */
const GONE_CHECKS = 50;

export interface PullDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  /** When requests may go out again after a refusal: the engine's to say. */
  pacing: PagePacing;
  signal: AbortSignal;
  logger: Logger;
  onProgress(progress: SyncProgress): void;
  /** Leads whose row changed, after each transaction. */
  onChanged(leadIds: readonly number[]): void;
}

export interface PullReport {
  full: boolean;
  /** Leads read from Envoke. */
  pulled: number;
  added: number;
  updated: number;
  invalid: number;
  /** Which leads could not be read and why (the first UNREADABLE_LISTED). */
  unreadable: UnreadableLead[];
  gone: number;
}

function emptyReport(full: boolean): PullReport {
  return { full, pulled: 0, added: 0, updated: 0, invalid: 0, unreadable: [], gone: 0 };
}

function highestId(page: LeadPage, current: number): number {
  let highest = current;
  for (const lead of page.leads) highest = Math.max(highest, Number(lead.id));
  return highest;
}

/**
 * Pages a full pull writes in one transaction. Each commit encrypts and logs every database page
 * it dirtied, and a lead dirties one page of the table and one of each index, most of them in
 * places no neighbouring lead touches: ten pages of leads per commit share those pages, for
 * about twice the leads a second of one page per commit, while a commit holds the event loop
 * for about a quarter of a second at most. A crash loses at most these pages, fetched again on
 * resume.
 */
export const PAGES_PER_WRITE = 10;

/** Consecutive pages as one, for writing them in one transaction. */
function joinPages(pages: readonly PositionedPage[]): LeadPage {
  if (pages.length === 1) return pages[0]!;
  return {
    leads: pages.flatMap((page) => page.leads),
    invalid: pages.flatMap((page) => page.invalid),
    received: pages.reduce((sum, page) => sum + page.received, 0),
  };
}

/** Writes pages and the position after them in one transaction. */
function writePage(
  deps: PullDeps,
  page: LeadPage,
  generation: number,
  afterPage: () => void,
  report: PullReport,
): number[] {
  const { store } = deps;
  const now = deps.clock.now();
  return store.pageTransaction(() => {
    const result = writeServerCopies(store, page.leads, generation, now);
    // Unreadable leads still exist on Envoke: keep their cached copy and do not call them gone.
    const unreadable = page.invalid.flatMap((item) => (item.id === null ? [] : [item.id]));
    if (unreadable.length > 0) {
      const cached = store.leads.cachedByEnvokeIds(unreadable);
      store.leads.markSeen(
        [...cached.values()].map((lead) => lead.id),
        generation,
      );
    }
    store.syncState.set('maxEnvokeId', highestId(page, store.syncState.get('maxEnvokeId')));
    afterPage();
    report.pulled += page.leads.length;
    report.added += result.added;
    report.updated += result.updated;
    report.invalid += page.invalid.length;
    for (const item of page.invalid) {
      if (report.unreadable.length < UNREADABLE_LISTED)
        report.unreadable.push({ id: item.id, reason: item.reason });
      deps.logger.warn('Envoke sent a lead that cannot be read', {
        id: item.id,
        reason: item.reason,
      });
    }
    return result.changedIds;
  });
}

function progressTracker(deps: PullDeps, startedAt: number) {
  return (done: number): SyncProgress => {
    const seconds = Math.max(0.001, (deps.clock.now() - startedAt) / 1000);
    return { phase: 'pull', done, total: null, perSecond: Math.round(done / seconds) };
  };
}

export async function fullPull(deps: PullDeps): Promise<PullReport> {
  const { store } = deps;
  const scope = store.syncState.get('scope');
  const key = scopeKey(scope);
  let resume = store.syncState.get('pullResume');
  if (resume === null || resume.scopeKey !== key) {
    resume = { generation: store.syncState.get('pullGeneration') + 1, nextSkip: 0, scopeKey: key };
    store.syncState.set('pullResume', resume);
    store.syncState.set('pullGeneration', resume.generation);
  }
  const { generation } = resume;
  const report = emptyReport(true);
  const source = pageSource(deps, scope);
  const progress = progressTracker(deps, deps.clock.now());

  let batch: PositionedPage[] = [];
  const writeBatch = async () => {
    // Pages are read in the turn they arrive and written in a later one of their own.
    await nextTurn();
    const last = batch[batch.length - 1]!;
    const position = { generation, nextSkip: last.skip + last.received, scopeKey: key };
    const pages = batch;
    batch = [];
    deps.onChanged(
      writePage(
        deps,
        joinPages(pages),
        generation,
        () => store.syncState.set('pullResume', position),
        report,
      ),
    );
    deps.onProgress(progress(report.pulled));
  };
  try {
    for await (const page of readPages(source, resume.nextSkip)) {
      batch.push(page);
      // The first page is shown at once; after it, pages are written PAGES_PER_WRITE at a time.
      if (report.pulled === 0 || batch.length >= PAGES_PER_WRITE) await writeBatch();
    }
  } catch (error) {
    // Pages read before a failure are kept, so the next pull resumes after them.
    if (batch.length > 0 && !deps.signal.aborted) await writeBatch();
    throw error;
  }
  if (batch.length > 0) await writeBatch();

  report.gone = await checkUnseen(deps, scope, generation);
  const now = deps.clock.now();
  store.transaction(() => {
    store.syncState.set('pullResume', null);
    store.syncState.set('lastFullPullAt', now);
  });
  return report;
}

export async function quickPull(deps: PullDeps): Promise<PullReport> {
  const { store } = deps;
  const highest = store.syncState.get('maxEnvokeId');
  if (
    store.syncState.get('idGtUnsupported') ||
    store.syncState.get('lastFullPullAt') === null ||
    store.syncState.get('pullResume') !== null
  ) {
    return fullPull(deps);
  }
  const scope = store.syncState.get('scope');
  const source = pageSource(deps, scope);
  source.filter = { ...source.filter, id: { $gt: highest } };
  const report = emptyReport(false);
  const progress = progressTracker(deps, deps.clock.now());
  // Leads above the highest id only arrive: nothing to resume, so the pull restarts from 0.
  const generation = store.syncState.get('pullGeneration');
  try {
    // Usually a handful of new leads: one page at a time.
    for await (const page of readPages(source, 0, true)) {
      await nextTurn();
      deps.onChanged(writePage(deps, page, generation, () => undefined, report));
      deps.onProgress(progress(report.pulled));
    }
  } catch (error) {
    if (isEnvokeError(error) && error.reason === 'validation' && report.pulled === 0) {
      deps.logger.info(
        'Envoke refuses filter[id][$gt]; new leads come with full pulls from now on',
        {
          messages: error.messages,
        },
      );
      store.syncState.set('idGtUnsupported', true);
      return fullPull(deps);
    }
    throw error;
  }
  return report;
}

function pageSource(deps: PullDeps, scope: SyncScope): PageSource {
  return {
    envoke: deps.envoke,
    filter: scopeFilter(scope),
    clock: deps.clock,
    pacing: deps.pacing,
    signal: deps.signal,
  };
}

/**
 * After a full pull: leads it did not see. Out of scope (by Envoke's last copy) and nothing
 * pending: dropped from the cache, Envoke still has them. The rest are asked for one by one (up
 * to GONE_CHECKS): missing ones are flagged gone, found ones refreshed (offset paging can skip a
 * lead when others are inserted meanwhile). Beyond that many, they are flagged without asking;
 * the next full pull that sees one clears its flag.
 */
async function checkUnseen(deps: PullDeps, scope: SyncScope, generation: number): Promise<number> {
  const { store, clock } = deps;
  /** Out of scope and nothing of the person's pending: Envoke keeps it, this laptop need not. */
  const dropIfOutOfScope = (leadId: number, server: LeadRecord): boolean => {
    if (scopeMatches(server, scope) || store.outbox.hasOpen(leadId)) return false;
    store.outbox.deleteAllForLead(leadId);
    store.leads.delete(leadId);
    return true;
  };
  const markGone = (leadId: number) => {
    store.leads.setGone(leadId, true, clock.now());
    store.activity.add(leadId, 'gone', 'Envoke no longer has this lead', clock.now());
  };

  const unseen = store.leads.unseenSince(generation);
  const toAsk = store.transaction(() =>
    unseen.filter((lead) => {
      const row = store.leads.get(lead.id);
      const server = row === undefined ? null : serverRecord(row);
      return server === null || !dropIfOutOfScope(lead.id, server);
    }),
  );
  deps.onChanged(unseen.map((lead) => lead.id));

  if (toAsk.length > GONE_CHECKS) {
    deps.logger.warn('Many cached leads were not in the full pull; flagging them gone', {
      count: toAsk.length,
    });
    store.transaction(() => toAsk.forEach((lead) => markGone(lead.id)));
    return toAsk.length;
  }
  let gone = 0;
  for (const lead of toAsk) {
    try {
      const found = await deps.envoke.getLead(lead.envoke_id);
      store.transaction(() => {
        if (!dropIfOutOfScope(lead.id, found))
          writeServerCopies(store, [found], generation, clock.now());
      });
    } catch (error) {
      if (!isEnvokeError(error) || error.reason !== 'not-found') throw error;
      store.transaction(() => markGone(lead.id));
      gone += 1;
    }
  }
  return gone;
}
