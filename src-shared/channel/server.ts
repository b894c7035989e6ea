/**
 * The channel's server end, where the gate stands: every command from the window passes it,
 * whichever transport carried it (Electron IPC or the browser host's HTTP).
 * - The caller must be one its transport vouches for (the app window's own top frame, a page
 *   holding this run's token); the transport says who called, the refusal is made here.
 * - The name must be in the contract.
 * - The input must parse with the command's schema: parsed here once, the core trusts what it
 *   is given. Callers in the same process (the CLI, the exports) use `parseCommandInput`.
 * - Whatever the handler throws becomes a `Result`: a CommandError's code and sentence as they
 *   are, anything else a generic sentence (the details go to the log, not to the page).
 * Events go out through the server's emitter: the session's, and the shell's own (menu, update).
 */
import {
  CommandError,
  commands,
  describeIssues,
  isCommandName,
  type AppHandlers,
  type CommandArgs,
  type CommandName,
  type CoreHandlers,
  type EventName,
  type EventPayload,
  type Result,
} from '#contract';
import { createEmitter, logListenerFailures, type Emitter, type Listener } from './emitter';
import { failure } from './errors';

/** Every command's handler: the core's and the app's. */
export type Handlers = CoreHandlers & AppHandlers;

/** The contract's events, as an emitter's map. */
export type ChannelEvents = { [E in EventName]: EventPayload<E> };

export interface ChannelLogger {
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

/** Who sent a command, as its transport knows them. */
export type Caller =
  | { trusted: true }
  | {
      trusted: false;
      /** Where the command came from, for the log ("outside the app window"). */
      from: string;
      /** The sentence the caller is answered with. */
      refusal: string;
      detail?: Record<string, unknown>;
    };

/** A caller its transport vouches for (and a caller in this process). */
export const TRUSTED: Caller = { trusted: true };

export interface ChannelServer {
  /** Answers one command from `caller`: never throws, every problem is a Result. */
  invoke(name: unknown, input: unknown, caller: Caller): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: Listener<ChannelEvents[E]>): () => void;
  emit<E extends EventName>(event: E, payload: ChannelEvents[E]): void;
}

export interface ServeOptions {
  handlers: Handlers;
  logger: ChannelLogger;
  /** The emitter the session raises its events on; a fresh one when absent. */
  events?: Emitter<ChannelEvents> | undefined;
  /**
   * Check every answer against the command's output schema. Costs a parse per answer, so it is
   * for development, where a mismatch between core and contract should fail loudly.
   */
  checkOutput?: boolean | undefined;
}

/** What the page sees for a failure that is a bug: the details stay in the log. */
export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong inside Lead Triage; the details are in its log';

const shortName = (name: unknown): string =>
  typeof name === 'string' ? name.slice(0, 80) : typeof name;

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

export function serveChannel(options: ServeOptions): ChannelServer {
  const { handlers, logger, checkOutput = false } = options;
  const events = options.events ?? createEmitter<ChannelEvents>(logListenerFailures(logger));

  async function answer(name: CommandName, input: unknown): Promise<Result<unknown>> {
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

  return {
    async invoke(name, input, caller) {
      if (!caller.trusted) {
        logger.warn(`Refused a command from ${caller.from}`, {
          command: shortName(name),
          ...caller.detail,
        });
        return failure('forbidden', caller.refusal);
      }
      if (!isCommandName(name)) return failure('unknown-command', unknownCommand(name));
      try {
        return await answer(name, input);
      } catch (error) {
        if (error instanceof CommandError) return failure(error.code, error.message);
        logger.error('A command failed', {
          command: name,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        return failure('internal', INTERNAL_ERROR_MESSAGE);
      }
    },
    on: (event, listener) => events.on(event, listener),
    emit: (event, payload) => events.emit(event, payload),
  };
}
