/**
 * The renderer's one way to the core. Everything else in the renderer calls `invoke` and `on` from
 * here and never learns which client end of the channel carries them: the preload's
 * `window.leadTriage` in the desktop app (Electron IPC), or browser-channel.ts in the browser
 * host (HTTP and Server-Sent Events). Both are the same `Channel`.
 *
 * Inputs are checked against the contract before they leave, so a bad value is reported at once
 * with the contract's own sentence; outputs are parsed with the contract's schemas, so the rest of
 * the renderer can trust their types.
 */
import type { Channel } from '#channel';
import {
  BridgeErrorSchema,
  commands,
  describeIssues,
  events,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type ErrorCode,
  type EventName,
  type EventPayload,
} from '#contract';
import { browserChannel } from './browser-channel';

export { onHostReachability } from './browser-channel';

/** What the preload exposes in Electron: the channel's client end over IPC. */
export type PreloadBridge = Channel;

declare global {
  interface Window {
    leadTriage?: PreloadBridge;
  }
}

/** A command that answered with an error, or could not be asked at all. */
export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

let chosen: Channel | null = null;
function channel(): Channel {
  chosen ??= window.leadTriage ?? browserChannel();
  return chosen;
}

/** Calls one command of the contract. Resolves with its parsed output; rejects with a ClientError. */
export async function invoke<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const command = commands[name];
  const checked = command.input.safeParse(input);
  if (!checked.success)
    throw new ClientError('invalid-input', describeIssues(checked.error.issues));
  const result = await channel().invoke(name, input);
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
    throw new ClientError('internal', `The answer to ${name} was not understood.`);
  }
  if (!result.ok) {
    const error = BridgeErrorSchema.safeParse(result.error);
    if (error.success) throw new ClientError(error.data.code, error.data.message);
    throw new ClientError('internal', `${name} failed without saying why.`);
  }
  const output = command.output.safeParse(result.value);
  if (!output.success) {
    throw new ClientError(
      'internal',
      `The answer to ${name} did not have the expected shape (${describeIssues(output.error.issues)}).`,
    );
  }
  return output.data as CommandOutput<N>;
}

/** Subscribes to a core event; payloads that do not match the contract are ignored. */
export function on<E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
): () => void {
  return channel().on(event, (raw) => {
    const parsed = events[event].safeParse(raw);
    if (parsed.success) callback(parsed.data as EventPayload<E>);
  });
}

/** The message to show a person for anything a command threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ClientError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
