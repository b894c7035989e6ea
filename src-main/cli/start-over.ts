/**
 * `--start-over` on the command line: the rules of shell-kit/start-over.ts, with the person's yes
 * given as `--yes` or typed on a terminal. Runs holding the cache lock, before the core opens.
 */
import { existsSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { CommandError, plainText } from '#contract';
import { keyFilePath } from '../shell-kit/database-key';
import {
  carryOutStartOver,
  describeStartOver,
  losesChanges,
  planStartOver,
} from '../shell-kit/start-over';

/** The typed answer that goes ahead on a terminal. */
export const START_OVER_ANSWER = 'start over';

const say = (line: string) => process.stderr.write(`${plainText(line)}\n`);

async function typedYes(): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      `Type "${START_OVER_ANSWER}" to go ahead, anything else to stop: `,
    );
    return answer.trim().toLowerCase() === START_OVER_ANSWER;
  } finally {
    prompt.close();
  }
}

/**
 * The database at `dbPath` could not be opened (`error`, code 'storage-key'). Saves what can be
 * read of its unsent changes (with `key`, when the host has one), says what starting over costs,
 * and with the person's yes sets the files aside, the key file with them. Throws when not.
 */
export async function startOverFromCli(
  dbPath: string,
  error: CommandError,
  key: Buffer | null,
  yes: boolean,
): Promise<void> {
  // An unencrypted file (damaged while being converted) is read without a key.
  const plan = planStartOver(error, dbPath, key === null ? [null] : [key, null]);
  say(plan.reason);
  say(describeStartOver(plan));
  if (!yes) {
    const loses = losesChanges(plan);
    if (!process.stdin.isTTY)
      throw new CommandError(
        'storage-key',
        `Nothing was changed: run the command again with --start-over --yes to go ahead${loses ? ', losing the changes above' : ''}.`,
      );
    if (!(await typedYes())) throw new CommandError('storage-key', 'Nothing was changed.');
  }
  const aside = carryOutStartOver(plan);
  // The key belongs to the old file: it goes with it (a new one is made for the new file).
  if (existsSync(keyFilePath(dbPath))) renameSync(keyFilePath(dbPath), keyFilePath(aside));
  say(
    `Set aside as ${aside} (delete it once it is no longer needed); downloading the leads again.`,
  );
}
