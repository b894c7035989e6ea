/**
 * Which of a few changed leads the list's view or query holds: asked of the core after a change
 * made elsewhere, or answered by the person's own change. Leads that left are dropped and leads
 * that joined placed by their position, without reading every id of the view again.
 */
import { errorMessage, invoke } from '../bridge/client';
import { memberIds, useStore } from '../store/store';
import { ensureWindow, listRequest, loadIds, morePagesToRead } from './data';

/** More changed leads than this at once (a sync page, a bulk change) reload the whole list. */
const MEMBERSHIP_LIMIT = 50;

/**
 * After a few leads changed: asks which of them are in the view now, then places them
 * (placeMembers), without reading every id of the view again.
 */
export async function followMembership(changed: readonly number[]): Promise<void> {
  if (changed.length === 0) return;
  // A saved view or typed query is read whole again: membership is asked of built-in views.
  if (changed.length > MEMBERSHIP_LIMIT || useStore.getState().activeQuery !== null)
    return loadIds();
  const request = listRequest();
  const { view, search } = useStore.getState();
  const query = { view, search: search.trim() || undefined };
  try {
    const member = (await invoke('leads:membership', { ...query, ids: [...changed] })).ids;
    if (request === listRequest()) await placeMembers(changed, member);
  } catch (error) {
    if (request === listRequest()) useStore.getState().setListError(errorMessage(error));
  }
}

/** A query sorted by one of these may reorder its leads when a triage field changes. */
const TRIAGE_SORTS = new Set(['rating', 'status-time', 'sales-time']);

/**
 * Leads changed and `member` says which of them the list's view or query holds now: drops those
 * that left and places those that joined by their position. The list's rules for the cursor and
 * the selection (setIds) apply as after a full reload. A query is read again when a lead joined
 * it (its places are asked of built-in views only) or its order follows triage fields.
 */
export async function placeMembers(
  changed: readonly number[],
  member: readonly number[],
): Promise<void> {
  const request = listRequest();
  const { view, search, activeQuery } = useStore.getState();
  const query = { view, search: search.trim() || undefined };
  // Held leads that left the view are shown, not listed: setIds keeps them in their place.
  const members = memberIds(useStore.getState());
  const inView = new Set(member);
  const leaving = new Set(changed.filter((id) => !inView.has(id) && members.includes(id)));
  const joining = member.filter((id) => !members.includes(id));
  if (
    activeQuery !== null &&
    (joining.length > 0 || TRIAGE_SORTS.has(activeQuery.sort.replace(/^-/, '')))
  )
    return loadIds();
  if (joining.length > MEMBERSHIP_LIMIT) return loadIds();
  try {
    // Only a place among the ids held matters: past them the lead comes with a later page.
    const upTo = !morePagesToRead() ? undefined : members.length;
    const places = await Promise.all(
      joining.map(async (id) => ({
        id,
        ...(await invoke('leads:position', { ...query, id, ...(upTo ? { upTo } : {}) })),
      })),
    );
    // A full reload started meanwhile (another view or search) already has the answer.
    if (request !== listRequest()) return;
    if (leaving.size === 0 && joining.length === 0) return;
    // The list as it is now (a page may have come, held leads gone), these leads placed in it.
    const ids = memberIds(useStore.getState()).filter((id) => !leaving.has(id));
    // A lead placed past the ids held comes with the page that holds it.
    for (const { id, index } of places.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)))
      if (index !== null && !ids.includes(id) && (index < ids.length || !morePagesToRead()))
        ids.splice(Math.min(index, ids.length), 0, id);
    useStore.getState().setIds(ids);
    await ensureWindow();
  } catch (error) {
    if (request === listRequest()) useStore.getState().setListError(errorMessage(error));
  }
}
