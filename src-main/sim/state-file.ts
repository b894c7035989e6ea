/**
 * The simulator's writes kept on disk, so an Envoke that restarts still has them: the app's demo
 * keeps its simulator's state beside its cache, or every demo change would come back reverted
 * after a restart, and a lead created in the demo would be "no longer in Envoke".
 *
 * The file holds only what differs from the seeded start (written and created leads and
 * contacts, hook subscriptions) with the seed and lead count it was written over. It is written
 * whole to a temporary file that then replaces the old one, so a crash leaves the old state or
 * the new one, never half of one. Owner-only, as the cache is.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { SimStateError } from './errors';
import { CONTACT_FIELDS, LEAD_FIELDS } from './lead-model';
import { type Hook } from './routes-hooks';
import { type SimStoreState } from './lead-store';

const FORMAT = 1;

export interface SimState {
  seed: number;
  leads: number;
  store: SimStoreState;
  hooks: Hook[];
}

const text = z.string();
const id = z.number().int().nonnegative();
const LeadRecordSchema = z
  .object({ id, contactId: id, ...Object.fromEntries(LEAD_FIELDS.map((name) => [name, text])) })
  .strict();
const ContactRecordSchema = z
  .object({
    id,
    ...Object.fromEntries(CONTACT_FIELDS.map((name) => [name, text])),
    custom_fields: z.record(z.string(), text),
    interests: z.array(text),
    autoresponders: z.array(text),
  })
  .strict();
const StateSchema = z
  .object({
    format: z.literal(FORMAT),
    seed: z.number().int().min(0).max(0xffffffff),
    leads: z.number().int().min(0).max(1_000_000),
    store: z.object({
      writtenLeads: z.array(LeadRecordSchema),
      createdLeads: z.array(LeadRecordSchema),
      contacts: z.object({
        written: z.array(ContactRecordSchema),
        created: z.array(ContactRecordSchema),
      }),
    }),
    hooks: z.array(
      z.object({ id: text, type: text, url: text, filter: z.record(z.string(), z.unknown()) }),
    ),
  })
  .strict();

/** The state in `path`, or null when there is none yet. */
export function readSimState(path: string): SimState | null {
  if (!existsSync(path)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SimStateError(
      `The demo's Envoke state in ${path} is not readable JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SimStateError(
      `The demo's Envoke state in ${path} is damaged: ${issue?.path.join('.') || 'the file'} ${issue?.message ?? ''}`.trim(),
    );
  }
  const { format: _format, ...state } = parsed.data;
  return state as unknown as SimState;
}

/** Moves an unreadable state file aside (kept for a look), so the next start begins afresh. */
export function setAside(path: string, now: number): string {
  const aside = `${path}.unreadable-${now}`;
  renameSync(path, aside);
  return aside;
}

/**
 * Saves the state after each write, before the write is answered: an Envoke that answered a
 * change has it, even if the process ends right after (a worker thread stopped, a crash).
 */
export class SimStateWriter {
  constructor(
    private readonly path: string,
    private readonly state: () => SimState,
  ) {}

  save(): void {
    const temporary = `${this.path}.writing`;
    writeFileSync(temporary, JSON.stringify({ format: FORMAT, ...this.state() }), {
      mode: 0o600,
    });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }
}
