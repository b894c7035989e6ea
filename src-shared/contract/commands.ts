/**
 * The one map of commands the renderer may call, merged here from its groups (commands/*.ts, one
 * file per domain: leads, history, outbox, sync, views, pipeline, duplicates, app). Each command
 * has a zod input and output schema; the channel's gate parses input with them before calling
 * anything, for the desktop app (IPC), the browser host (HTTP) and the CLI alike, and the
 * renderer's client parses output.
 *
 * Core commands are answered by the offline core (src-main/core, each of its folders answering
 * its own groups); app commands by the shell that hosts it, because they touch settings and
 * credentials.
 */
import type { z } from 'zod';
import { appCommands } from './commands/app';
import { duplicateCommands } from './commands/duplicates';
import { historyCommands } from './commands/history';
import { leadCommands } from './commands/leads';
import { outboxCommands } from './commands/outbox';
import { pipelineCommands } from './commands/pipeline';
import { syncCommands } from './commands/sync';
import { viewCommands } from './commands/views';

export * from './commands/app';
export * from './commands/duplicates';
export * from './commands/history';
export * from './commands/leads';
export * from './commands/outbox';
export * from './commands/pipeline';
export * from './commands/sync';
export * from './commands/views';

export const coreCommands = {
  ...leadCommands,
  ...historyCommands,
  ...outboxCommands,
  ...syncCommands,
  ...viewCommands,
  ...pipelineCommands,
  ...duplicateCommands,
} as const;

export const commands = { ...coreCommands, ...appCommands } as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CoreCommandName = keyof typeof coreCommands;
export type AppCommandName = keyof typeof appCommands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type CommandArgs<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

/** The names of one group of commands (`CommandGroupName<typeof outboxCommands>`). */
export type CommandGroupName<Group> = Extract<keyof Group, CommandName>;
export type LeadCommandName = CommandGroupName<typeof leadCommands>;
export type HistoryCommandName = CommandGroupName<typeof historyCommands>;
export type OutboxCommandName = CommandGroupName<typeof outboxCommands>;
export type SyncCommandName = CommandGroupName<typeof syncCommands>;
export type ViewCommandName = CommandGroupName<typeof viewCommands>;
export type PipelineCommandName = CommandGroupName<typeof pipelineCommands>;
export type DuplicateCommandName = CommandGroupName<typeof duplicateCommands>;

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

/** What a host implements for core commands: one async function per command, parsed input in. */
export type CoreHandlers = {
  [N in CoreCommandName]: (input: CommandArgs<N>) => Promise<CommandOutput<N>>;
};
export type AppHandlers = {
  [N in AppCommandName]: (input: CommandArgs<N>) => Promise<CommandOutput<N>>;
};
