/**
 * The headless client: `npm run cli -- <command> --db FILE [--url URL --api-id ID --api-key KEY]`.
 * JSON on stdout; on error one clear line on stderr and a non-zero exit.
 */
import { CommandError } from '../../src-preload/contract';
import { createCore } from '../core/create-core';
import { discardDatabaseFiles } from '../core/db/discard-database';
import { DatabaseKeySetupError, hostDatabaseKey } from '../host/database-key';
import { createEnvokeClient, describeEnvokeError, EnvokeError } from '../core/envoke';
import { parseCliArgs, UsageError } from './args';
import { OFFLINE_COMMANDS, runCommand } from './run-command';

/** Placeholder account for offline commands: nothing is sent without `sync`, `pull` or `push`. */
const NO_ACCOUNT = { baseUrl: 'http://127.0.0.1:9', apiId: 'none', apiKey: 'none' };

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2), process.env);
  if (!args.account && !OFFLINE_COMMANDS.has(args.command)) {
    throw new UsageError(
      `"${args.command}" talks to Envoke: pass --url, --api-id and --api-key (or set ENVOKE_URL, ENVOKE_API_ID, ENVOKE_API_KEY)`,
    );
  }
  if (args.startOver) discardDatabaseFiles(args.dbPath);
  const { key, notice } = hostDatabaseKey(args.dbPath, process.env);
  if (notice !== null) process.stderr.write(`${notice}\n`);
  const core = createCore({
    dbPath: args.dbPath,
    envoke: createEnvokeClient(args.account ?? NO_ACCOUNT),
    dbKey: key,
  });
  try {
    const result = await runCommand(core, args, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof CommandError && error.code === 'storage-key') {
    return `${error.message} To do so, run the command again with --start-over.`;
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`lead-triage: ${describe(error).split('\n')[0]}\n`);
    if (error instanceof UsageError && error.message.startsWith('Usage:'))
      process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
