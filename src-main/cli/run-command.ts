/**
 * Runs one CLI command on a core. Every input is parsed at the command gate with the contract's
 * schemas (core-call.ts), the same validation the app's windows get.
 */
import { CommandError, type CommandInput } from '#contract';
import { VIEW_IDS, type ViewId } from '#contract/dto';
import { CONTACT_FIELD_LIMITS, NewLeadFieldsSchema } from '#contract/lead';
import type { Core } from '../core';
import { COMMANDS, UsageError, type CliArgs, type CommandWord } from './args';
import { parseAssignments } from './assignments';
import { call } from './core-call';
import { encodeCursor } from './cursor';
import { firstQueryIds, rowsOf, viewIdPage } from './lead-ids';
import { replayChanges } from './replay';

/** `#12` is a local id (digits only: Number() would also read "0x10" or "1e1"); else Envoke's. */
export function resolveLeadId(core: Core, word: string | undefined): number {
  if (!word) throw new UsageError('Name the lead: its Envoke id, or #N for a local id');
  if (word.startsWith('#')) {
    const id = /^#[1-9]\d{0,14}$/.test(word) ? Number(word.slice(1)) : NaN;
    if (!Number.isSafeInteger(id))
      throw new UsageError(`"${word}" is not a local lead id: write # and its digits, such as #12`);
    return id;
  }
  const id = core.findLeadByEnvokeId(word);
  if (id === null)
    throw new CommandError(
      'not-found',
      `No lead with Envoke id ${word} in this database (sync first?)`,
    );
  return id;
}

export type Progress = (line: string) => void;

/** The commands that talk to Envoke; every other one works with Envoke out of reach. */
const NETWORK_COMMANDS: ReadonlySet<CommandWord> = new Set(['sync', 'pull', 'push']);
export const OFFLINE_COMMANDS: ReadonlySet<string> = new Set(
  COMMANDS.filter((command) => !NETWORK_COMMANDS.has(command)),
);

export async function runCommand(core: Core, args: CliArgs, progress: Progress): Promise<unknown> {
  const [first, ...rest] = args.words;
  switch (args.command) {
    case 'sync':
    case 'pull':
    case 'push': {
      const what = args.command === 'sync' ? 'both' : args.command;
      return core.syncOnce(what, (p) =>
        progress(
          `${p.phase}: ${p.done}${p.total === null ? '' : `/${p.total}`} (${Math.round(p.perSecond)}/s)`,
        ),
      );
    }
    case 'status':
      return call(core, 'sync:status', {});
    case 'list': {
      if (args.query !== undefined || args.sort !== undefined) return listQuery(core, args);
      const selection = { view: viewOf(args.view), search: args.search };
      const page = await viewIdPage(core, selection, args.after, args.limit ?? 50);
      const rows = await rowsOf(core, page.ids);
      // The cursor goes to stderr so stdout stays the plain array it always was; it is printed
      // only when a row really follows.
      if (page.next !== null) {
        const more = await viewIdPage(core, selection, page.next, 1);
        if (more.ids.length > 0) progress(`next: ${encodeCursor(page.next)}`);
      }
      return rows;
    }
    case 'show':
      return call(core, 'leads:get', { id: resolveLeadId(core, first) });
    case 'set': {
      const id = resolveLeadId(core, first);
      if (rest.length === 0) throw new UsageError('Nothing to set: add field=value words');
      return call(core, 'leads:update', { ids: [id], patch: parseAssignments(rest) });
    }
    case 'create': {
      if (!args.email) throw new UsageError('create needs --email: the contact’s email address');
      const { fields, contact } = newLeadWords(parseAssignments(args.words));
      return call(core, 'leads:create', {
        email: args.email,
        ...(Object.keys(contact).length > 0 ? { contact } : {}),
        ...(Object.keys(fields).length > 0 ? { fields } : {}),
      });
    }
    case 'undo':
      return call(core, 'history:undo', {});
    case 'redo':
      return call(core, 'history:redo', {});
    case 'outbox':
      return (await call(core, 'outbox:list', { includeDone: false })).entries;
    case 'resolve': {
      const leadId = resolveLeadId(core, first);
      const choices = Object.entries(parseAssignments(rest));
      if (choices.length === 0) throw new UsageError('resolve needs field=mine or field=theirs');
      for (const [field, choice] of choices) {
        await call(core, 'conflicts:resolve', {
          leadId,
          field,
          choice,
        } as CommandInput<'conflicts:resolve'>);
      }
      return call(core, 'leads:get', { id: leadId });
    }
    case 'replay':
      return replayChanges(core, first);
    case 'export':
      throw new UsageError('export streams its output: the CLI runs it apart from the others');
  }
}

/** `list --query`: the first --limit leads of the query in its order. */
async function listQuery(core: Core, args: CliArgs): Promise<unknown> {
  if (args.after !== undefined)
    throw new UsageError('--after pages a view; for every lead of a query use export --query');
  const selection = {
    view: 'all' as const,
    search: args.search,
    query: args.query,
    sort: args.sort,
  };
  return rowsOf(core, await firstQueryIds(core, selection, args.limit ?? 50));
}

export function viewOf(word: string | undefined): ViewId {
  if (word === undefined) return 'all';
  if (!(VIEW_IDS as readonly string[]).includes(word))
    throw new UsageError(`Unknown view "${word}"; the views are: ${VIEW_IDS.join(', ')}`);
  return word as ViewId;
}

const LEAD_FIELD_NAMES = Object.keys(NewLeadFieldsSchema.shape);
const CONTACT_FIELD_NAMES = Object.keys(CONTACT_FIELD_LIMITS);

/**
 * Splits `create`'s field=value words: lead fields as Envoke names them, contact fields by their
 * own name or as `contact.NAME` (needed for the contact's remote_id; a bare one is the lead's).
 */
function newLeadWords(words: Record<string, string>): {
  fields: Record<string, string>;
  contact: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  const contact: Record<string, string> = {};
  for (const [name, value] of Object.entries(words)) {
    if (name === 'email' || name === 'contact.email')
      throw new UsageError('Give the contact’s email with --email, not as email=');
    const contactName = name.startsWith('contact.') ? name.slice('contact.'.length) : null;
    if (contactName !== null && CONTACT_FIELD_NAMES.includes(contactName))
      contact[contactName] = value;
    else if (contactName === null && LEAD_FIELD_NAMES.includes(name)) fields[name] = value;
    else if (contactName === null && CONTACT_FIELD_NAMES.includes(name)) contact[name] = value;
    else
      throw new UsageError(
        `"${name}" is not a field a new lead can have; use a triage field, rule_rating, remote_id, create_note, marketing_user, marketing_source, or a contact field such as first_name, company, city (--help)`,
      );
  }
  return { fields, contact };
}
