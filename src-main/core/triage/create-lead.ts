/**
 * `leads:create`: a lead made on this laptop, usable at once (listed, editable) and queued for
 * Envoke. Its `remote_id` is a fresh UUID: the key that lets the push find the lead in Envoke
 * after a POST whose answer was lost, so a retry never makes a second one.
 */
import { randomUUID } from 'node:crypto';
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { CommandError } from '#contract/errors';
import { NEW_LEAD_EXTRA_FIELDS, TRIAGE_FIELDS, type TriageField } from '#contract/lead';
import { announce, type CoreContext } from '../core-context';
import { envokeTime, type FieldValues, type LeadRecord } from '../tables/lead-record';
import { newOutboxRow } from '../tables/new-outbox-row';

const isTriageField = (name: string): name is TriageField =>
  (TRIAGE_FIELDS as readonly string[]).includes(name);

export function createLead(
  context: CoreContext,
  input: CommandArgs<'leads:create'>,
): CommandOutput<'leads:create'> {
  // Parsed at the gate: the email is an address, every field known and within Envoke's limits.
  const { email } = input;
  const given: Record<string, string> = input.fields ?? {};
  const values: FieldValues = {};
  const extras: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (isTriageField(name)) values[name] = value;
    else if ((NEW_LEAD_EXTRA_FIELDS as readonly string[]).includes(name)) extras[name] = value;
  }
  const contactFields: Record<string, string> = input.contact ?? {};
  const { store } = context;
  const now = context.clock.now();

  const blank = Object.fromEntries(TRIAGE_FIELDS.map((name) => [name, '']));
  const record: LeadRecord = {
    id: '',
    create_time: envokeTime(now),
    ...blank,
    ...values,
    ...extras,
    // The key a retry looks the lead up by: the one given, else a fresh one.
    remote_id: extras.remote_id ?? randomUUID(),
    contact: {
      email,
      first_name: input.firstName ?? '',
      last_name: input.lastName ?? '',
      company: input.company ?? '',
      title: input.title ?? '',
      phone: input.phone ?? '',
      ...contactFields,
    },
  };
  const fields = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== ''),
  ) as FieldValues;

  const id = store.transaction(() => {
    // Two leads under one remote_id would be taken for one when the second is sent.
    const holder =
      extras.remote_id === undefined ? null : store.leads.idByRemoteId(extras.remote_id);
    if (holder !== null)
      throw new CommandError(
        'invalid-input',
        `Lead #${holder} already has remote_id ${extras.remote_id}; a new lead needs its own.`,
      );
    const leadId = store.leads.insertLocal(record, now);
    const outboxId = store.outbox.insert(
      newOutboxRow({ leadId, kind: 'create', fields, base: {}, now }),
    );
    store.activity.add(leadId, 'created', `Created on this computer for ${email}`, now, {
      outboxId,
      field: null,
    });
    return leadId;
  });

  announce(context, [id]);
  return { id };
}
