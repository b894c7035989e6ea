/**
 * Sends one outbox row to Envoke and records the outcome.
 *
 * Update: read the lead first and compare each field three ways (base the person saw / Envoke now
 * / mine). Envoke already has mine: nothing to send. Envoke still has the base: send. Anything
 * else: both sides changed it differently, a conflict the person resolves; nothing is sent for
 * that field and Envoke's value is never overwritten.
 *
 * Create: look the lead up by its remote_id first (an earlier POST may have arrived without its
 * answer, or before a crash); POST only when Envoke has none. Envoke's id is stored in the same
 * transaction that marks the row done.
 *
 * While a row is out, it is 'sending': new edits start a new row instead of changing it.
 */
import type { ConflictField } from '#contract/dto';
import { NEW_LEAD_EXTRA_FIELDS, type TriageField } from '#contract/lead';
import type { Clock, Logger } from '../api';
import {
  describeEnvokeError,
  isEnvokeError,
  type EnvokeClient,
  type EnvokeLead,
  type NewLead,
} from '../envoke';
import { contactOf, field, textOf, type FieldValues, type LeadRecord } from '../tables/lead-record';
import { localRecord } from '../tables/lead-row';
import type { OutboxRow } from '../tables/outbox-table';
import type { Store } from '../tables/store';
import { entriesOf } from '../triage/coalesce';
import { storePushedCopy } from './server-copy';

export interface PushDeps {
  store: Store;
  envoke: EnvokeClient;
  clock: Clock;
  logger: Logger;
  /** Envoke's copy read ahead for this change, or null to read it now. */
  readAhead?: (envokeId: string) => Promise<EnvokeLead | null>;
}

export type PushOutcome =
  | { kind: 'sent'; leadId: number; fields: number; conflicts: number }
  | { kind: 'created'; leadId: number }
  | { kind: 'failed'; leadId: number; message: string }
  /** Envoke could not take it now; the row waits in the queue. */
  | { kind: 'retry'; leadId: number; error: unknown }
  /** Envoke refused the credentials: the queue stops until they change or the person asks. */
  | { kind: 'auth'; leadId: number; error: unknown };

/**
 * Re-reads the row (it is 'sending': nobody else changes it) and applies `change` in one
 * transaction, an outcome transaction: durable with the next round's 'sending' mark.
 */
function finish(
  deps: PushDeps,
  row: OutboxRow,
  change: (fresh: OutboxRow, now: number) => void,
): void {
  const { store } = deps;
  const now = deps.clock.now();
  store.outcomeTransaction(() => {
    const fresh = store.outbox.get(row.id) ?? row;
    change(fresh, now);
    fresh.updatedAt = now;
    store.outbox.save(fresh);
    store.refreshLead(row.leadId, now);
  });
}

interface Comparison {
  send: FieldValues;
  alreadyThere: TriageField[];
  conflicts: ConflictField[];
}

/** The three-way check of every field of `row` not already waiting for the person. */
export function compareThreeWays(row: OutboxRow, server: EnvokeLead): Comparison {
  const waiting = new Set(row.conflicts.map((conflict) => conflict.field));
  const result: Comparison = { send: {}, alreadyThere: [], conflicts: [] };
  for (const [name, mine] of entriesOf(row.fields)) {
    if (waiting.has(name)) continue;
    const theirs = field(server, name);
    const base = row.base[name] ?? '';
    if (theirs === mine) result.alreadyThere.push(name);
    else if (theirs === base) result.send[name] = mine;
    else result.conflicts.push({ field: name, base, theirs, mine });
  }
  return result;
}

async function pushUpdate(deps: PushDeps, row: OutboxRow, envokeId: string): Promise<PushOutcome> {
  const server = (await deps.readAhead?.(envokeId)) ?? (await deps.envoke.getLead(envokeId));
  const { send, alreadyThere, conflicts } = compareThreeWays(row, server);
  const sentNames = Object.keys(send) as TriageField[];
  let result: EnvokeLead = server;
  if (sentNames.length > 0) {
    const updated = await deps.envoke.updateLead(envokeId, send as Record<string, string>);
    // Envoke's reply to a PATCH may not carry the lead; then its copy is the one read plus ours.
    result = updated ?? { ...server, ...send };
  }

  finish(deps, row, (fresh, now) => {
    for (const name of [...sentNames, ...alreadyThere]) {
      delete fresh.fields[name];
      delete fresh.base[name];
    }
    fresh.conflicts.push(...conflicts);
    const left = Object.keys(fresh.fields).length;
    fresh.state = left === 0 ? 'done' : fresh.conflicts.length === left ? 'conflict' : 'pending';
    fresh.outcomeUnknown = false;
    fresh.lastReason = null;
    fresh.lastError = null;
    storePushedCopy(deps.store, row.leadId, result, new Set(sentNames), now);
    // The changes' own activity entries say they were sent (or that they are in conflict,
    // once the lead is refreshed), rather than a second entry for the same change.
    const delivered = [...sentNames, ...alreadyThere];
    deps.store.activity.markSent(row.leadId, row.id, left === 0 ? null : delivered);
  });
  return {
    kind: 'sent',
    leadId: row.leadId,
    fields: sentNames.length,
    conflicts: conflicts.length,
  };
}

/**
 * Only fields with a value: an empty one could blank an existing Envoke contact. The lead's own
 * fields beyond the triage ones (rule_rating, create_note, ...) were set when it was created.
 */
function newLeadBody(row: OutboxRow, remoteId: string, lead: LeadRecord): NewLead {
  const contact: Record<string, string> = {};
  for (const [name, value] of Object.entries(contactOf(lead))) {
    const text = textOf(value);
    if (text !== '') contact[name] = text;
  }
  const extras: Record<string, string> = {};
  for (const name of NEW_LEAD_EXTRA_FIELDS) {
    const text = field(lead, name);
    if (text !== '' && name !== 'remote_id') extras[name] = text;
  }
  return { remote_id: remoteId, contact, ...extras, ...row.fields };
}

async function pushCreate(deps: PushDeps, row: OutboxRow): Promise<PushOutcome> {
  const leadRow = deps.store.leads.get(row.leadId);
  if (leadRow === undefined)
    return {
      kind: 'failed',
      leadId: row.leadId,
      message: 'The lead is no longer on this computer',
    };
  let created: EnvokeLead | null = null;
  if (leadRow.envoke_id === null) {
    const existing = await deps.envoke.findByRemoteId(leadRow.remote_id);
    existing.sort((a, b) => Number(a.id) - Number(b.id));
    created =
      existing[0] ??
      (await deps.envoke.createLead(newLeadBody(row, leadRow.remote_id, localRecord(leadRow))));
  }

  finish(deps, row, (fresh, now) => {
    if (created !== null) {
      const other = deps.store.leads.idByEnvokeId(created.id);
      if (other !== null && other !== row.leadId) {
        // Listed by a pull under its Envoke id before this row learnt it: one lead, keep ours.
        deps.store.outbox.deleteAllForLead(other);
        deps.store.leads.delete(other);
      }
      deps.store.leads.attachEnvokeId(row.leadId, created.id);
      storePushedCopy(deps.store, row.leadId, created, new Set(Object.keys(row.fields)), now);
      deps.store.activity.markSent(row.leadId, row.id, null, `Envoke id ${created.id}`);
    }
    fresh.state = 'done';
    // Envoke has the whole new lead, POSTed now or found by its remote_id from an earlier try.
    deps.store.activity.markSent(row.leadId, row.id, null);
    fresh.outcomeUnknown = false;
    fresh.lastReason = null;
    fresh.lastError = null;
  });
  return { kind: 'created', leadId: row.leadId };
}

/**
 * Claims `row` for this engine and marks it 'sending', before it goes out: holds back its lead's
 * later changes, keeps any other engine on the file from sending it too, and tells a restart its
 * outcome is unknown. Called inside the round's one claim transaction; false when the row no
 * longer waits.
 */
export function markSending(deps: PushDeps, row: OutboxRow): boolean {
  const now = deps.clock.now();
  if (!deps.store.outbox.claim(row.id, deps.store.claimant.id, now)) return false;
  row.state = 'sending';
  row.attempts += 1;
  row.updatedAt = now;
  return true;
}

/**
 * Sends `row`, already marked 'sending' and committed, now. Never throws for Envoke's failures:
 * they come back as the outcome.
 */
export async function pushRow(
  deps: PushDeps,
  row: OutboxRow,
  retryAt: (error: unknown) => number,
): Promise<PushOutcome> {
  const leadRow = deps.store.leads.get(row.leadId);
  try {
    if (row.kind === 'create') return await pushCreate(deps, row);
    return await pushUpdate(deps, row, leadRow?.envoke_id ?? '');
  } catch (error) {
    return recordFailure(deps, row, error, retryAt);
  }
}

function recordFailure(
  deps: PushDeps,
  row: OutboxRow,
  error: unknown,
  retryAt: (error: unknown) => number,
): PushOutcome {
  const message = describeEnvokeError(error);
  if (!isEnvokeError(error)) {
    deps.logger.error('Sending a change failed unexpectedly', {
      row: row.id,
      error: String(error),
    });
  }
  const retry = isEnvokeError(error) && (error.retryable || error.reason === 'malformed');
  const auth = isEnvokeError(error) && error.reason === 'auth';
  const gone = isEnvokeError(error) && error.reason === 'not-found';

  finish(deps, row, (fresh, now) => {
    fresh.outcomeUnknown = fresh.outcomeUnknown || (isEnvokeError(error) && error.outcomeUnknown);
    fresh.lastReason = isEnvokeError(error) ? error.reason : 'internal';
    fresh.lastError = message;
    if (retry || auth) {
      fresh.state = 'pending';
      fresh.nextAttemptAt = auth ? now : retryAt(error);
      return;
    }
    fresh.state = 'failed';
    if (gone) {
      deps.store.leads.setGone(row.leadId, true, now);
      deps.store.activity.add(row.leadId, 'gone', 'Envoke no longer has this lead', now);
    }
  });
  if (auth) return { kind: 'auth', leadId: row.leadId, error };
  if (retry) return { kind: 'retry', leadId: row.leadId, error };
  return { kind: 'failed', leadId: row.leadId, message };
}
