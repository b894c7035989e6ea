/**
 * The headless client: `npm run cli -- <command> --db FILE [--url URL --api-id ID --api-key KEY]`.
 * JSON on stdout; on error one clear line on stderr and a non-zero exit.
 *
 * The process ends only after everything written has been handed to the system: calling
 * process.exit with output still queued for a pipe cuts the JSON short.
 */
import { CommandError, plainText } from '#contract';
import {
  assertNotForeign,
  cacheFileKind,
  type Core,
  createCore,
  createEnvokeClient,
  describeEnvokeError,
  EnvokeError,
  lockCache,
} from '../core';
import { DatabaseKeySetupError, hostDatabaseKey } from '../shell-kit/database-key';
import type { ViewId } from '#contract/dto';
import { parseCliArgs, UsageError, USAGE, type CliArgs } from './args';
import { call } from './core-call';
import { exportLeads } from './export-leads';
import { isClosedPipe, writeChunk } from './output';
import { OFFLINE_COMMANDS, runCommand, viewOf } from './run-command';
import { startOverFromCli } from './start-over';

/** How long a command waits for another command line using the same cache to finish. */
const CLI_LOCK_WAIT_MS = 15_000;

/** Placeholder account for offline commands: nothing is sent without `sync`, `pull` or `push`. */
const NO_ACCOUNT = { baseUrl: 'http://127.0.0.1:9', apiId: 'none', apiKey: 'none' };

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), process.env);
  if (args.help) {
    await writeChunk(process.stdout, `${USAGE}\n`);
    return 0;
  }
  if (!args.account && !OFFLINE_COMMANDS.has(args.command)) {
    throw new UsageError(
      `"${args.command}" talks to Envoke: pass --url, --api-id and --api-key (or set ENVOKE_URL, ENVOKE_API_ID, ENVOKE_API_KEY)`,
    );
  }
  // Checked before the database is opened, like every other mistake on the command line.
  const view = viewOf(args.view);
  // A file that is not a Lead Triage database is refused before anything is made beside it.
  assertNotForeign(args.dbPath);
  // One process uses a cache at a time; another command line is waited for, as it ends soon.
  const lock = await lockCache(args.dbPath, 'a command line', {
    waitMs: CLI_LOCK_WAIT_MS,
    waitFor: ['a command line'],
  });
  try {
    return await withCore(args, view);
  } finally {
    lock.release();
  }
}

/** The key for the database and the core over it, or the reason it cannot be opened. */
function openCore(args: CliArgs): Core {
  const { key, notice } = hostDatabaseKey(args.dbPath, process.env);
  if (notice !== null) process.stderr.write(`${plainText(notice)}\n`);
  return createCore({
    dbPath: args.dbPath,
    envoke: createEnvokeClient(args.account ?? NO_ACCOUNT),
    dbKey: key,
  });
}

const cannotBeOpened = (error: unknown): error is CommandError =>
  error instanceof CommandError && error.code === 'storage-key';

/** The key the database was tried with, if there is one (to read what can be saved). */
function triedKey(dbPath: string): Buffer | null {
  try {
    return hostDatabaseKey(dbPath, process.env).key;
  } catch {
    return null;
  }
}

/** Opens the core; with --start-over, only a database that cannot be opened starts over. */
async function openForCommand(args: CliArgs): Promise<Core> {
  const existed = cacheFileKind(args.dbPath) !== 'new';
  let core: Core;
  try {
    core = openCore(args);
  } catch (error) {
    if (!args.startOver || !cannotBeOpened(error)) throw error;
    await startOverFromCli(args.dbPath, error, triedKey(args.dbPath), args.yes);
    return openCore(args);
  }
  if (args.startOver && existed) {
    const { pending, failed, conflicts } = await call(core, 'sync:status', {});
    await core.close();
    const unsent = pending + failed + conflicts;
    throw new CommandError(
      'invalid-input',
      `The local database ${args.dbPath} opens with its key, so there is nothing to start over; ` +
        `its ${unsent} unsent ${unsent === 1 ? 'change is' : 'changes are'} kept and nothing was changed. ` +
        '--start-over is only for a database that cannot be opened.',
    );
  }
  return core;
}

async function withCore(args: CliArgs, view: ViewId): Promise<number> {
  const core = await openForCommand(args);
  try {
    if (args.command === 'export') {
      await exportLeads(
        core,
        { view, search: args.search, format: args.format, query: args.query, sort: args.sort },
        process.stdout,
      );
      return 0;
    }
    const result = await runCommand(core, args, (line) => {
      process.stderr.write(`${plainText(line)}\n`);
    });
    await writeChunk(process.stdout, `${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

function describe(error: unknown): string {
  if (cannotBeOpened(error) && !error.message.startsWith('Nothing was changed')) {
    return `${error.message} To do so, run the command again with --start-over (it saves what can still be read of the unsent changes first).`;
  }
  if (
    error instanceof UsageError ||
    error instanceof CommandError ||
    error instanceof DatabaseKeySetupError
  )
    return error.message;
  if (error instanceof EnvokeError) return describeEnvokeError(error);
  return error instanceof Error
    ? `Unexpected error: ${error.message}`
    : `Unexpected error: ${String(error)}`;
}

async function fail(error: unknown): Promise<number> {
  if (isClosedPipe(error)) return 0;
  // Envoke's words may be in the message: one line, no control characters, bounded.
  await writeChunk(process.stderr, `lead-triage: ${plainText(describe(error))}\n`);
  return error instanceof UsageError ? 2 : 1;
}

// A reader that goes away (`| head`) must not turn into an uncaught error.
process.stdout.on('error', () => {});

const code = await main().catch(fail);
// stderr's progress lines were written without waiting: this empty write lands after them.
await writeChunk(process.stderr, '').catch(() => {});
process.exit(code);
