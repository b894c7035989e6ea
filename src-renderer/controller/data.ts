/**
 * Reading from the core into the store: the ids of a view page by page, rows by window and counts
 * (the detail pane's lead is detail.ts's). Each read drops its answer when a newer read has
 * started, so a slow answer never paints over a newer one.
 */
import {
  QUERY_COUNT_CAP_MAX,
  type LeadSummary,
  type ListCursor,
  type QueryCursor,
  type ViewId,
} from '#contract';
import { errorMessage, invoke } from '../bridge/client';
import { idsToFetch, windowAround } from '../logic/row-window';
import { memberIds, useStore } from '../store/store';
import { flagDuplicates } from './saved-views';

/** Rows kept around the screen so short scrolls never show empty rows. */
const WINDOW_MARGIN = 60;

let idsRequest = 0;
const inFlight = new Set<number>();
/** The last range the list drew, so refreshes refetch what is on screen. */
let visible = { start: 0, end: 0 };

/** Ids read at a time; the list reads more as the person nears the end of those it holds. */
const ID_PAGE = 1_000;
/**
 * A saved view or query reads fewer ids first: its filter can make the core walk many leads of
 * its sort's index for each id found, and the first screen needs only a few dozen. The next page
 * follows as the person scrolls, as for built-in views.
 */
const QUERY_FIRST_PAGE = 250;
/** The largest page the core gives. */
const ID_PAGE_MAX = 5_000;
/** Rows drawn this close to the end of the ids held make the list read the next page. */
const ID_PAGE_AHEAD = 200;

/** Where the next page of the view's ids starts, or null when the list holds them all. */
let nextIds: ListCursor | QueryCursor | null = null;
let readingMore = false;

function listQuery(): { view: ViewId; search: string | undefined } {
  const { view, search } = useStore.getState();
  return { view, search: search.trim() || undefined };
}

type IdPage = { ids: number[]; next: ListCursor | QueryCursor | null };

/**
 * A page of the list's ids by keyset: of the saved view or typed query when one is active (in
 * its own sort), else of the built-in view.
 */
async function idPage(limit: number, after: ListCursor | QueryCursor | null): Promise<IdPage> {
  const { activeQuery, search } = useStore.getState();
  if (activeQuery !== null)
    return invoke('query:id-page', {
      query: activeQuery.query,
      sort: activeQuery.sort,
      search: search.trim() || undefined,
      limit,
      ...(after === null ? {} : { after: after as QueryCursor }),
    });
  return invoke('leads:id-page', {
    ...listQuery(),
    limit,
    ...(after === null ? {} : { after: after as ListCursor }),
  });
}

/**
 * The first ids of the view, by keyset pages. A refresh of the same view reads as many as the
 * list held, so the person keeps their place; another view or search starts with one page.
 */
export async function loadIds(): Promise<void> {
  const request = ++idsRequest;
  // No page is appended to the ids being replaced.
  nextIds = null;
  const { view, search, activeQuery, ids: held, idsLoaded } = useStore.getState();
  const first = activeQuery === null ? ID_PAGE : QUERY_FIRST_PAGE;
  const want = Math.max(first, idsLoaded ? held.length : 0);
  try {
    const ids: number[] = [];
    let after: ListCursor | QueryCursor | null = null;
    do {
      const page = await idPage(Math.min(ID_PAGE_MAX, want - ids.length), after);
      ids.push(...page.ids);
      after = page.next;
    } while (after !== null && ids.length < want && request === idsRequest);
    if (request !== idsRequest) return;
    nextIds = after;
    useStore.getState().setIds(ids);
    const total = activeQuery !== null && after !== null ? loadQueryTotal(request) : null;
    if (total === null) useStore.getState().setQueryTotal(null);
    const elsewhere = activeQuery === null ? loadElsewhere(request, view, search.trim()) : null;
    if (elsewhere === null) useStore.getState().setElsewhere(null);
    await Promise.all([ensureWindow(), elsewhere, total]);
  } catch (error) {
    if (request === idsRequest) useStore.getState().setListError(errorMessage(error));
  }
}

/**
 * The count of the query shown, when the list holds only its first pages: the quick capped count
 * first ("1,000+"), then the exact one, so the query bar says the number the pipeline says.
 */
async function loadQueryTotal(request: number): Promise<void> {
  const { activeQuery, search } = useStore.getState();
  if (activeQuery === null) return;
  const asked = { query: activeQuery.query, search: search.trim() || undefined };
  try {
    const quick = await invoke('query:count', asked);
    if (request !== idsRequest) return;
    useStore.getState().setQueryTotal(quick);
    if (!quick.capped) return;
    const exact = await invoke('query:count', { ...asked, cap: QUERY_COUNT_CAP_MAX });
    if (request === idsRequest) useStore.getState().setQueryTotal(exact);
  } catch {
    // The list itself is shown; the count comes with the next read.
  }
}

/** The next page of the view's ids, appended to those the list holds. */
async function loadMoreIds(): Promise<void> {
  const after = nextIds;
  if (after === null || readingMore) return;
  readingMore = true;
  const request = idsRequest;
  try {
    const page = await idPage(ID_PAGE, after);
    if (request !== idsRequest || nextIds !== after) return;
    nextIds = page.next;
    if (nextIds === null) useStore.getState().setQueryTotal(null);
    const held = memberIds(useStore.getState());
    const known = new Set(useStore.getState().ids);
    useStore.getState().setIds([...held, ...page.ids.filter((id) => !known.has(id))]);
  } catch (error) {
    if (request === idsRequest) useStore.getState().setListError(errorMessage(error));
  } finally {
    readingMore = false;
  }
  await ensureWindow();
}

/** The number of the list's current read: a later one replaces what an earlier one found. */
export function listRequest(): number {
  return idsRequest;
}

/** Whether the view has ids past those the list holds (read as the person nears them). */
export function morePagesToRead(): boolean {
  return nextIds !== null;
}

/**
 * A search looks in the current view first; this counts its matches in the other leads, so the
 * list can offer them ("3 more in All leads"). A lead just passed to sales is then one key away
 * from "Marketing: new".
 */
async function loadElsewhere(request: number, view: ViewId, search: string): Promise<void> {
  if (search === '' || view === 'all') {
    useStore.getState().setElsewhere(null);
    return;
  }
  try {
    const found = await invoke('leads:search-elsewhere', { view, search });
    if (request !== idsRequest) return;
    useStore
      .getState()
      .setElsewhere(
        found.count > 0
          ? { search, view: found.view, count: found.count, capped: found.capped }
          : null,
      );
  } catch {
    // An offer, not a result: the list of the view itself is already shown.
    if (request === idsRequest) useStore.getState().setElsewhere(null);
  }
}

/** Called by the list with the rows it draws; fetches the ones not cached. */
export function showRange(start: number, end: number): void {
  visible = { start, end };
  void ensureWindow();
  if (end >= useStore.getState().ids.length - ID_PAGE_AHEAD) void loadMoreIds();
}

function currentWindow(): number[] {
  return windowAround(useStore.getState().ids, visible.start, visible.end, WINDOW_MARGIN);
}

/** Fetches the rows of the window on screen that are not cached. */
export async function ensureWindow(): Promise<void> {
  const windowIds = currentWindow();
  const batches = idsToFetch(windowIds, useStore.getState().rows, inFlight);
  await Promise.all(batches.map((batch) => fetchRows(batch, new Set(windowIds))));
}

/**
 * Rows painted from an answer (a change's or a push's) are as of a commit; a plain read of rows
 * is as of when the core read it. A read sent before such a paint may answer after it with the
 * older row (a lead still "pending" after its push was painted "synced"), so its rows painted
 * since it was sent are passed by.
 */
let answeredPaints = 0;
const answeredAt = new Map<number, number>();
/** Answered rows remembered, beyond which the oldest marks are forgotten. */
const ANSWERED_KEPT = 5_000;

function readRows(rows: readonly LeadSummary[], sentAt: number): LeadSummary[] {
  const cached = useStore.getState().rows;
  return rows.filter(
    (row) => (answeredAt.get(row.id) ?? -1) <= sentAt || cached[row.id] === undefined,
  );
}

async function fetchRows(ids: number[], keep: ReadonlySet<number>): Promise<void> {
  for (const id of ids) inFlight.add(id);
  try {
    const sentAt = answeredPaints;
    const { rows } = await invoke('leads:rows', { ids });
    useStore.getState().addRows(readRows(rows, sentAt), keep);
    void flagDuplicates(ids);
  } catch (error) {
    useStore.getState().setListError(errorMessage(error));
  } finally {
    for (const id of ids) inFlight.delete(id);
  }
}

/** Rows a change answered with: kept beside the window's, as if just fetched. */
export function addAnsweredRows(rows: readonly LeadSummary[]): void {
  if (answeredAt.size + rows.length > ANSWERED_KEPT) answeredAt.clear();
  answeredPaints += 1;
  for (const row of rows) answeredAt.set(row.id, answeredPaints);
  useStore.getState().addRows(rows, new Set(currentWindow()));
}

/** Refetches the given leads where the list holds them. */
export async function refreshRows(ids: readonly number[]): Promise<void> {
  const cached = useStore.getState().rows;
  const held = ids.filter((id) => cached[id] !== undefined);
  const keep = new Set(currentWindow());
  for (let i = 0; i < held.length; i += 500) {
    const sentAt = answeredPaints;
    const { rows } = await invoke('leads:rows', { ids: held.slice(i, i + 500) });
    useStore.getState().addRows(readRows(rows, sentAt), keep);
  }
}

/** After "many leads changed": refetch what is on screen and forget the rest of the cache. */
export async function reloadWindow(): Promise<void> {
  const windowIds = currentWindow();
  const rows = [];
  for (let i = 0; i < windowIds.length; i += 500) {
    rows.push(...(await invoke('leads:rows', { ids: windowIds.slice(i, i + 500) })).rows);
  }
  useStore.getState().replaceRows(rows);
}

let countsRequest = 0;

/** Counts a change or a push answered with; a read still in flight is older. */
export function paintCounts(counts: Partial<Record<ViewId, number>>): void {
  ++countsRequest;
  useStore.getState().setCounts(counts);
}

export async function loadCounts(): Promise<void> {
  const request = ++countsRequest;
  try {
    const counts = await invoke('leads:counts', {});
    if (request === countsRequest) useStore.getState().setCounts(counts);
  } catch {
    // Counts are a convenience; the next change asks again.
  }
}

export async function loadSyncStatus(): Promise<void> {
  const before = useStore.getState().sync;
  try {
    const status = await invoke('sync:status', {});
    // A sync:status event that came in meanwhile is newer than this answer.
    if (useStore.getState().sync === before) useStore.getState().setSync(status);
  } catch {
    // The next sync:status event repairs it.
  }
}
