/**
 * The one gate every command passes through, whatever carried it (Electron IPC or the browser
 * host's HTTP): the name must be in the contract, the input must parse with the command's schema,
 * and whatever the handler throws becomes a `Result` the renderer can show. Both transports use
 * this so a command is validated the same way everywhere.
 *
 * The input is parsed here once; the core trusts what it is given. Callers in the same process
 * (the CLI, the exports) go through `parseCommandInput` or `gatedCoreHandlers`, so nothing reaches
 * the core unparsed.
 */
import type { Logger } from '../core';
import {
  CommandError,
  commands,
  coreCommands,
  describeIssues,
  isCommandName,
  type AppHandlers,
  type CommandArgs,
  type CommandName,
  type CoreCommandName,
  type CoreHandlers,
  type Result,
} from '#contract';

export type Handlers = CoreHandlers & AppHandlers;
export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  logger: Logger;
  /**
   * Check every answer against the command's output schema. Costs a parse per answer, so it is
   * for development, where a mismatch between core and contract should fail loudly.
   */
  checkOutput?: boolean;
}

/** What the renderer sees for a failure that is a bug: the details stay in the log. */
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside Lead Triage; the details are in its log';

function failure(code: CommandError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function unknownCommand(name: unknown): string {
  if (typeof name !== 'string') return 'A command is named by its text name, such as "leads:list"';
  return `There is no command named ${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)}`;
}

/**
 * A command's input parsed with its contract schema (defaults filled in, text trimmed), or an
 * 'invalid-input' CommandError with the problems in the person's words.
 */
export function parseCommandInput<N extends CommandName>(name: N, input: unknown): CommandArgs<N> {
  // Commands without arguments may be invoked with nothing at all.
  const parsed = commands[name].input.safeParse(input === undefined ? {} : input);
  if (!parsed.success) throw new CommandError('invalid-input', describeIssues(parsed.error.issues));
  return parsed.data as CommandArgs<N>;
}

/**
 * The core's handlers behind the gate's parse, for a caller in the same process: each throws
 * the CommandError the dispatcher would answer with.
 */
export function gatedCoreHandlers(handlers: CoreHandlers): CoreHandlers {
  return Object.fromEntries(
    (Object.keys(coreCommands) as CoreCommandName[]).map((name) => {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return [name, async (input: unknown) => handler(parseCommandInput(name, input))];
    }),
  ) as unknown as CoreHandlers;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions): Dispatch {
  const { logger, checkOutput = false } = options;

  async function call<N extends CommandName>(name: N, input: unknown): Promise<Result<unknown>> {
    const args = parseCommandInput(name, input);
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(args);
    if (checkOutput) {
      const checked = commands[name].output.safeParse(value);
      if (!checked.success) {
        logger.error('A command answered outside its contract', {
          command: name,
          problem: describeIssues(checked.error.issues),
        });
        return failure('internal', INTERNAL_ERROR_MESSAGE);
      }
    }
    return { ok: true, value };
  }

  return async (name, input) => {
    if (!isCommandName(name)) {
      return failure('unknown-command', unknownCommand(name));
    }
    try {
      return await call(name, input);
    } catch (error) {
      if (error instanceof CommandError) return failure(error.code, error.message);
      logger.error('A command failed', {
        command: name,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return failure('internal', INTERNAL_ERROR_MESSAGE);
    }
  };
}
