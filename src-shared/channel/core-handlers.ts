/**
 * The core's commands as a map of handlers (`handlers['leads:get'](input)`), made over one call
 * function. The core itself, the core worker's client end and the session that follows account
 * switches each hold the core's commands this way; this is the one place the map is made, so a
 * command added to the contract reaches every one of them.
 */
import { coreCommands, type CoreCommandName, type CoreHandlers } from '#contract';

export type CoreCall = (name: CoreCommandName, input: unknown) => Promise<unknown>;

const CORE_COMMAND_NAMES = Object.keys(coreCommands) as CoreCommandName[];

export function coreHandlers(call: CoreCall): CoreHandlers {
  return Object.fromEntries(
    // Async, so a call that throws at once still answers with a rejected promise, as handlers do.
    CORE_COMMAND_NAMES.map((name) => [name, async (input: unknown) => call(name, input)]),
  ) as unknown as CoreHandlers;
}
