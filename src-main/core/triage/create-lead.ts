/**
 * `leads:create`: a lead made on this laptop, usable at once (listed, editable) and queued for
 * Envoke. Its `remote_id` is a fresh UUID: the key that lets the push find the lead in Envoke
 * after a POST whose answer was lost, so a retry never makes a second one.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CommandArgs, CommandOutput } from '#contract/commands';
import { CommandError } from '#contract/errors';
import {
  NEW_LEAD_EXTRA_FIELDS,
  NewContactSchema,
  NewLeadFieldsSchema,
  TRIAGE_FIELDS,
  type TriageField,
} from '#contract/lead';
import { announce, type CoreContext } from '../core-context';
import { envokeTime, type FieldValues, type LeadRecord } from '../store/lead-record';

/** Parsed again at the core's edge: hosts parse too, but the CLI and tests call directly. */
function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw new CommandError('invalid-input', `${where}${issue?.message ?? 'Invalid value'}`);
}

const isTriageField = (name: string): name is TriageField =>
  (TRIAGE_FIELDS as readonly string[]).includes(name);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createLead(
  context: CoreContext,
  input: CommandArgs<'leads:create'>,
): CommandOutput<'leads:create'> {
  const email = input.email.trim();
  if (!EMAIL.test(email))
    throw new CommandError('invalid-input', 'Enter the contact’s email address.');
  const given = parseOrRefuse(NewLeadFieldsSchema, input.fields ?? {}) as Record<string, string>;
  const values: FieldValues = {};
  const extras: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    if (isTriageField(name)) values[name] = value;
    else if ((NEW_LEAD_EXTRA_FIELDS as readonly string[]).includes(name)) extras[name] = value;
  }
  const contactFields = parseOrRefuse(NewContactSchema, input.contact ?? {}) as Record<
    string,
    string
  >;
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
      first_name: input.firstName?.trim() ?? '',
      last_name: input.lastName?.trim() ?? '',
      company: input.company?.trim() ?? '',
      title: input.title?.trim() ?? '',
      phone: input.phone?.trim() ?? '',
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
