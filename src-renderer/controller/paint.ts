/**
 * One refresh per change. The person's change (a key, undo, redo) says what this window shows,
 * and its answer carries what to paint: the rows changed, which of them the list still holds, the
 * counts and the detail. The `leads:changed` the change raises names this window (`ORIGIN`) and
 * is passed by. A push's answers come as rows and counts too; only what they cannot say (the
 * detail's delivery notes, a list that follows where a lead stands) is read.
 */
import type { ChangeAnswer, LeadSummary, Shown, ShownList, ViewCounts } from '#contract';
import { selectCurrentId, useStore } from '../store/store';
import {
  addAnsweredRows,
  loadCounts,
  loadIds,
  paintCounts,
  refreshRows,
  reloadWindow,
} from './data';
import { loadDetail, paintDetail, staleDetail } from './detail';
import { followMembership, placeMembers } from './membership';
import { recountSavedViews } from './saved-views';

/** This window's name for the core, new each time it opens. */
export const ORIGIN: string =
  globalThis.crypto?.randomUUID?.() ??
  `w-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The list this window shows, as a change's answer needs it. */
function shownList(): ShownList {
  const { view, search, activeQuery } = useStore.getState();
  const words = search.trim() || undefined;
  return activeQuery === null
    ? { view, search: words }
    : { query: activeQuery.query, search: words };
}

/** What this window shows: its list and the lead in the detail pane. */
export function shownNow(): Shown {
  const detail = selectCurrentId(useStore.getState());
  return { list: shownList(), ...(detail === undefined ? {} : { detail }) };
}

function sameList(a: ShownList | undefined, b: ShownList): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The read version (change-answer.ts) each lead was last painted from, and the counts': an
 * answer and a push's event may arrive in either order, and the later read wins.
 */
const paintedVersion = new Map<number, number>();
let countsVersion = -1;
/** Past this many leads the versions start over: only answers in flight could still race. */
const VERSIONS_KEPT = 5_000;

function isLatest(id: number, version: number): boolean {
  return (paintedVersion.get(id) ?? -1) <= version;
}

/** Paints the rows not already painted from a later read; returns their ids. */
function paintRows(rows: readonly LeadSummary[], version: number): number[] {
  const newer = rows.filter((row) => isLatest(row.id, version));
  if (paintedVersion.size + newer.length > VERSIONS_KEPT) paintedVersion.clear();
  for (const row of newer) paintedVersion.set(row.id, version);
  addAnsweredRows(newer);
  return newer.map((row) => row.id);
}

function paintVersionedCounts(counts: ViewCounts, version: number): void {
  if (version < countsVersion) return;
  countsVersion = version;
  paintCounts(counts);
}

/** A detail a change answered with, unless a later read of its lead came in meanwhile. */
export function paintAnsweredDetail(paint: ChangeAnswer): void {
  if (paint.detail !== null && isLatest(paint.detail.id, paint.version)) paintDetail(paint.detail);
}

/** Everything shown is read again (a new data engine, many changes): versions start over. */
export function forgetPaintedVersions(): void {
  paintedVersion.clear();
  countsVersion = -1;
}

/**
 * Paints a change of `changed` leads from its answer: the rows, counts and detail at once, then
 * their places in the list. `sent` is what the window showed when it asked: membership answered
 * for another list (the person switched views meanwhile) is left to that list's own read, which
 * already sees the change. Never throws: the change is durable whatever a read does.
 */
export async function paintChange(
  paint: ChangeAnswer,
  sent: Shown,
  changed: readonly number[],
): Promise<void> {
  paintVersionedCounts(paint.counts, paint.version);
  recountSavedViews();
  if (paint.rows === null) {
    // Too many leads to answer with: what the window shows is read again.
    try {
      await loadIds();
      await reloadWindow();
      await loadDetail();
    } catch {
      // The list says what it could not read; the next change or sync paints it.
    }
    return;
  }
  // A detail held of a changed lead no longer holds; the answer's replaces it if on screen.
  staleDetail(changed);
  paintAnsweredDetail(paint);
  const latest = new Set(paintRows(paint.rows, paint.version));
  // A lead a later read already placed keeps that place.
  const placing = changed.filter((id) => latest.has(id) || !paint.rows?.some((r) => r.id === id));
  if (paint.members !== null && sameList(sent.list, shownList()))
    await placeMembers(
      placing,
      paint.members.filter((id) => placing.includes(id)),
    );
}

/**
 * Undo or redo of one lead: the person is brought back to it, so when the answer says it belongs
 * to the list on screen and it is not there yet, it is placed now. A push's answer that carried a
 * newer row of it may have painted it without placing it yet; waiting for that would leave the
 * cursor where auto-advance took it.
 */
export async function placeAnsweredLead(
  paint: ChangeAnswer,
  sent: Shown,
  id: number,
): Promise<void> {
  if (paint.members === null || !paint.members.includes(id)) return;
  if (!sameList(sent.list, shownList()) || useStore.getState().ids.includes(id)) return;
  await placeMembers([id], [id]);
}

/** A change answered without what to paint (it could not be read back): read it as of old. */
export async function rereadChange(changed: readonly number[]): Promise<void> {
  try {
    await followMembership(changed);
    await refreshRows(changed);
    const current = selectCurrentId(useStore.getState());
    if (current !== undefined && changed.includes(current)) await loadDetail();
    await loadCounts();
  } catch {
    // The change itself is durable; the next change or sync paints it.
  }
}

/** Fields a view's membership or a search can follow; where a lead stands is judged apart. */
const LISTED_BY: readonly (keyof LeadSummary)[] = [
  'marketing_rating_status',
  'sales_rating_status',
  'opportunity',
  'sale',
  'goneFromEnvoke',
  'contactName',
  'company',
  'email',
  'salesperson',
];

/** Views that list leads by where they stand with Envoke. */
const BY_SYNC_STATE = new Set(['pending', 'failed', 'conflicts']);

/**
 * Envoke answered a push: paints the leads and counts the event carries. Returns the leads whose
 * place in the list must still be asked (the list follows where a lead stands, a query may, or
 * Envoke's copy changed what the list goes by); the caller asks for them, and for the detail.
 */
export function paintDelivered(
  ids: readonly number[],
  delivered: { rows: readonly LeadSummary[]; counts: ViewCounts; version: number },
): number[] {
  const { rows: cached, view, search, activeQuery } = useStore.getState();
  const bySync = activeQuery !== null || BY_SYNC_STATE.has(view);
  // Every lead, unsearched: only a lead gone from this computer leaves it.
  const everyLead = view === 'all' && search.trim() === '' && activeQuery === null;
  const answered = new Map(delivered.rows.map((row) => [row.id, row]));
  const ask = ids.filter((id) => {
    const row = answered.get(id);
    // Gone from this computer (merged into the lead it duplicated): the list drops it.
    if (row === undefined) return true;
    const before = cached[id];
    if (before === undefined) return !everyLead;
    if (bySync && before.syncState !== row.syncState) return true;
    return LISTED_BY.some((field) => before[field] !== row[field]);
  });
  paintRows(delivered.rows, delivered.version);
  paintVersionedCounts(delivered.counts, delivered.version);
  return ask;
}
