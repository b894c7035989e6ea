/**
 * `leads:create`: a lead made on this laptop, usable at once (listed, editable) and queued for
 * Envoke. Its `remote_id` is a fresh UUID: the key that lets the push find the lead in Envoke
 * after a POST whose answer was lost, so a retry never makes a second one.
 */
import { randomUUID } from 'node:crypto';
import type { CommandArgs, CommandOutput } from '../../../src-preload/contract/commands';
import { CommandError } from '../../../src-preload/contract/errors';
import { TRIAGE_FIELDS } from '../../../src-preload/contract/lead';
import { announce, type CoreContext } from '../core-context';
import { envokeTime, type FieldValues, type LeadRecord } from '../store/lead-record';
import { parsePatch } from './update-leads';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createLead(
  context: CoreContext,
  input: CommandArgs<'leads:create'>,
): CommandOutput<'leads:create'> {
  const email = input.email.trim();
  if (!EMAIL.test(email))
    throw new CommandError('invalid-input', 'Enter the contact’s email address.');
  const values: FieldValues = input.fields === undefined ? {} : parsePatch(input.fields);
  const { store } = context;
  const now = context.clock.now();

  const blank = Object.fromEntries(TRIAGE_FIELDS.map((name) => [name, '']));
  const record: LeadRecord = {
    id: '',
    remote_id: randomUUID(),
    create_time: envokeTime(now),
    ...blank,
    ...values,
    contact: {
      email,
      first_name: input.firstName?.trim() ?? '',
      last_name: input.lastName?.trim() ?? '',
      company: input.company?.trim() ?? '',
      title: input.title?.trim() ?? '',
      phone: input.phone?.trim() ?? '',
    },
  };
  const fields = Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== ''),
  ) as FieldValues;

  const id = store.transaction(() => {
    const leadId = store.leads.insertLocal(record, now);
    const outboxId = store.outbox.insert({
      leadId,
      kind: 'create',
      fields,
      base: {},
      conflicts: [],
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      outcomeUnknown: false,
      lastReason: null,
      lastError: null,
      actionId: null,
      createdAt: now,
      updatedAt: now,
    });
    store.activity.add(leadId, 'created', `Created on this computer for ${email}`, now, {
      outboxId,
      field: null,
    });
    return leadId;
  });

  announce(context, [id]);
  return { id };
}
