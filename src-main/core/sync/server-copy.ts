/**
 * Writes Envoke's copies of leads into the cache (pull pages, the read before a push, a create's
 * answer). Envoke's copy always replaces the stored one; what the person sees is rebuilt from it
 * with their unsent changes on top, so a pending local change is never overwritten.
 * Callers run it inside their transaction.
 */
import { TRIAGE_FIELDS } from '#contract/lead';
import type { EnvokeLead } from '../envoke';
import { field, type LeadRecord } from '../tables/lead-record';
import { serverRecord } from '../tables/lead-row';
import { applyRows, syncStateOf, type Store } from '../tables/store';
import { describeChange } from '../triage/field-labels';

export interface ServerCopyResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Local ids whose row changed (new, updated, back from gone). */
  changedIds: number[];
}

function logEnvokeChanges(
  store: Store,
  leadId: number,
  before: LeadRecord | null,
  after: LeadRecord,
  now: number,
  ownFields: ReadonlySet<string> = new Set(),
): void {
  if (before === null) return;
  for (const name of TRIAGE_FIELDS) {
    if (ownFields.has(name)) continue;
    const was = field(before, name);
    const is = field(after, name);
    if (was !== is)
      store.activity.add(
        leadId,
        'envoke-changed',
        `In Envoke: ${describeChange(name, was, is)}`,
        now,
      );
  }
}

/** Envoke's copy of one cached lead changed: store it, rebuild what the person sees. */
function replaceServerCopy(
  store: Store,
  leadId: number,
  lead: EnvokeLead,
  json: string,
  generation: number,
  now: number,
): void {
  const open = store.outbox.openForLead(leadId);
  if (open.length === 0) {
    store.leads.writeServer(leadId, json, lead, null, 'synced', generation, now);
  } else {
    const local = applyRows(lead, open);
    store.leads.writeServer(
      leadId,
      json,
      local,
      JSON.stringify(local),
      syncStateOf(open),
      generation,
      now,
    );
  }
}

export function writeServerCopies(
  store: Store,
  leads: readonly EnvokeLead[],
  generation: number,
  now: number,
): ServerCopyResult {
  const result: ServerCopyResult = { added: 0, updated: 0, unchanged: 0, changedIds: [] };
  if (leads.length === 0) return result;
  const cached = store.leads.cachedByEnvokeIds(leads.map((lead) => lead.id));
  const seen: number[] = [];

  for (const lead of leads) {
    const json = JSON.stringify(lead);
    const hit = cached.get(lead.id);
    if (hit === undefined) {
      // A lead created here whose POST reached Envoke though its answer did not: same lead.
      const mine = lead.remote_id === '' ? undefined : store.leads.unsentByRemoteId(lead.remote_id);
      let leadId: number;
      if (mine !== undefined) {
        leadId = mine.id;
        store.leads.attachEnvokeId(leadId, lead.id);
        replaceServerCopy(store, leadId, lead, json, generation, now);
        store.activity.add(leadId, 'sent', `Envoke has this lead (id ${lead.id})`, now);
      } else {
        leadId = store.leads.insertFromEnvoke(lead.id, json, lead, generation, now);
      }
      result.added += 1;
      result.changedIds.push(leadId);
      // Envoke listing one lead twice in a batch must not insert it twice.
      cached.set(lead.id, { id: leadId, server_json: json, sync_state: 'synced', gone: 0 });
    } else if (hit.server_json === json) {
      seen.push(hit.id);
      result.unchanged += 1;
      if (hit.gone === 1) {
        store.activity.add(hit.id, 'back', 'Envoke has this lead again', now);
        result.changedIds.push(hit.id);
      }
    } else {
      const before = hit.server_json === null ? null : serverRecord(hit);
      replaceServerCopy(store, hit.id, lead, json, generation, now);
      logEnvokeChanges(store, hit.id, before, lead, now);
      if (hit.gone === 1) store.activity.add(hit.id, 'back', 'Envoke has this lead again', now);
      result.updated += 1;
      result.changedIds.push(hit.id);
    }
  }
  store.leads.markSeen(seen, generation);
  return result;
}

/**
 * Envoke's copy of one lead as read (or written) by the push. `ownFields` were just sent by this
 * computer and are not logged as Envoke's changes.
 */
export function storePushedCopy(
  store: Store,
  leadId: number,
  lead: EnvokeLead,
  ownFields: ReadonlySet<string>,
  now: number,
): void {
  const row = store.leads.get(leadId);
  const before = row === undefined ? null : serverRecord(row);
  replaceServerCopy(store, leadId, lead, JSON.stringify(lead), 0, now);
  logEnvokeChanges(store, leadId, before, lead, now, ownFields);
}
