/**
 * Runs one CLI command on a core. The core validates every input with the contract's schemas,
 * the same validation the app's bridge applies, so the CLI cannot write what the app could not.
 */
import {
  CommandError,
  type CommandInput,
  type CommandOutput,
  type CoreCommandName,
} from '../../src-preload/contract';
import type { Core } from '../core/api';
import { UsageError, type CliArgs } from './args';
import { parseAssignments } from './assignments';

function call<N extends CoreCommandName>(
  core: Core,
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const handler = core[name] as unknown as (input: CommandInput<N>) => Promise<CommandOutput<N>>;
  return handler(input);
}

/** `#12` is a local id; anything else is Envoke's id. */
export function resolveLeadId(core: Core, word: string | undefined): number {
  if (!word) throw new UsageError('Name the lead: its Envoke id, or #N for a local id');
  if (word.startsWith('#')) {
    const id = Number(word.slice(1));
    if (!Number.isInteger(id) || id < 1) throw new UsageError(`"${word}" is not a local lead id`);
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

/** Commands that need no network. */
export const OFFLINE_COMMANDS = new Set([
  'status',
  'list',
  'show',
  'set',
  'create',
  'undo',
  'redo',
  'outbox',
  'resolve',
]);

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
      const page = await call(core, 'leads:list', {
        view: (args.view ?? 'all') as CommandInput<'leads:list'>['view'],
        search: args.search,
        limit: args.limit ?? 50,
      });
      return page.rows;
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
      const fields = parseAssignments(args.words);
      return call(core, 'leads:create', {
        email: args.email,
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
    default:
      throw new UsageError(`Unknown command "${args.command}". Run with --help for the list.`);
  }
}
