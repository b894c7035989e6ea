/** Outbox rows as the renderer shows them (OutboxEntry), with Envoke's current value in conflicts. */
import type { ConflictField, OutboxEntry } from '#contract/dto';
import { contactField, contactName, field, type LeadRecord } from '../tables/lead-record';
import { localRecord, type LeadRow } from '../tables/lead-row';
import type { OutboxRow } from '../tables/outbox-table';

export function leadLabel(lead: LeadRow | undefined): string {
  if (lead === undefined) return 'A lead no longer on this computer';
  const local = localRecord(lead);
  const name = contactName(local);
  const company = contactField(local, 'company');
  if (name !== '' && company !== '') return `${company} — ${name}`;
  const known = name || company || contactField(local, 'email');
  return known !== '' ? known : `Lead ${lead.envoke_id ?? lead.id}`;
}

/**
 * Conflicts as stored, with `theirs` read from Envoke's copy as last pulled: Envoke may have
 * changed the field again since the conflict was found.
 */
export function currentConflicts(row: OutboxRow, lead: LeadRow | undefined): ConflictField[] {
  const server = lead?.server_json ? (JSON.parse(lead.server_json) as LeadRecord) : null;
  return row.conflicts.map((conflict) => ({
    ...conflict,
    theirs: server === null ? conflict.theirs : field(server, conflict.field),
  }));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function toOutboxEntry(row: OutboxRow, lead: LeadRow | undefined, now: number): OutboxEntry {
  const fields: Record<string, string> = { ...row.fields };
  if (row.kind === 'create' && lead !== undefined) {
    fields['contact.email'] = contactField(localRecord(lead), 'email');
  }
  const waiting = row.state === 'pending' && row.nextAttemptAt > now;
  return {
    id: row.id,
    leadId: row.leadId,
    leadLabel: leadLabel(lead),
    kind: row.kind,
    fields,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: waiting ? iso(row.nextAttemptAt) : null,
    lastError: row.lastError,
    conflicts: currentConflicts(row, lead),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
