/**
 * How the CLI calls the core it holds in-process: the input is parsed with the command's contract
 * schema by the gate the app's windows go through (the channel's server end, #channel), so the
 * CLI cannot write what the app could not, and the core receives parsed input only.
 */
import { parseCommandInput } from '#channel';
import type { CommandInput, CommandOutput, CoreCommandName } from '#contract';
import type { Core } from '../core';

export async function call<N extends CoreCommandName>(
  core: Core,
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const handler = core[name] as unknown as (input: unknown) => Promise<CommandOutput<N>>;
  return handler(parseCommandInput(name, input));
}
