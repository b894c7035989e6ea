/** `leads:get`: everything the detail pane shows for one lead. */
import type { CommandOutput } from '#contract/commands';
import type { ConflictField } from '#contract/dto';
import { CommandError } from '#contract/errors';
import { contactField, flatFields } from '../tables/lead-record';
import { localRecord, serverRecord } from '../tables/lead-row';
import type { Store } from '../tables/store';
import { currentConflicts, toOutboxEntry } from '../triage/outbox-entries';
import { toSummary } from './lead-queries';

export function leadDetail(store: Store, id: number, now: number): CommandOutput<'leads:get'> {
  const row = store.leads.get(id);
  if (row === undefined)
    throw new CommandError('not-found', `Lead ${id} does not exist on this computer.`);
  const local = localRecord(row);
  const server = serverRecord(row);
  const open = store.outbox.openForLead(id);
  const conflicts: ConflictField[] = open.flatMap((entry) => currentConflicts(entry, row));
  return {
    ...toSummary(row),
    contact: {
      firstName: contactField(local, 'first_name'),
      lastName: contactField(local, 'last_name'),
      email: contactField(local, 'email'),
      title: contactField(local, 'title'),
      company: contactField(local, 'company'),
      phone: contactField(local, 'phone'),
      city: contactField(local, 'city'),
      province: contactField(local, 'province'),
      country: contactField(local, 'country'),
    },
    fields: flatFields(local),
    envokeFields: server === null ? null : flatFields(server),
    record: local as CommandOutput<'leads:get'>['record'],
    pending: open.map((entry) => toOutboxEntry(entry, row, now)),
    conflicts,
    activity: store.activity.forLead(id),
  };
}
