/**
 * Handlers for every command that record what reached them; tests set the answer of the ones
 * they exercise. Lets the dispatcher and the IPC registration be checked without a core.
 */
import { COMMAND_NAMES, type CommandName } from '#contract';
import type { Handlers } from '#channel';

export interface FakeHandlers {
  handlers: Handlers;
  calls: Array<{ name: CommandName; input: unknown }>;
  answer(name: CommandName, run: (input: unknown) => unknown): void;
}

export function fakeHandlers(): FakeHandlers {
  const calls: FakeHandlers['calls'] = [];
  const answers = new Map<CommandName, (input: unknown) => unknown>();
  const handlers = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push({ name, input });
        const run = answers.get(name);
        if (!run) throw new Error(`no answer set for ${name}`);
        return run(input);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls, answer: (name, run) => answers.set(name, run) };
}

export function recordingLogger() {
  const lines: Array<{ level: string; message: string; detail?: Record<string, unknown> }> = [];
  const log = (level: string) => (message: string, detail?: Record<string, unknown>) => {
    lines.push({ level, message, detail });
  };
  return { lines, logger: { info: log('info'), warn: log('warn'), error: log('error') } };
}
