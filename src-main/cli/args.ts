/**
 * Command-line arguments of the headless client: the command, its words, and the options shared
 * by every command (database file and Envoke account).
 */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface AccountFlags {
  baseUrl: string;
  apiId: string;
  apiKey: string;
}

export interface CliArgs {
  command: string;
  words: string[];
  dbPath: string;
  /** Null when no account was given: commands that need Envoke then say so. */
  account: AccountFlags | null;
  view: string | undefined;
  search: string | undefined;
  limit: number | undefined;
  email: string | undefined;
  /** Delete the local database first (its key is lost) and download the leads again. */
  startOver: boolean;
}

export const USAGE = `Usage: npm run cli -- <command> --db FILE [--url URL --api-id ID --api-key KEY]

Commands:
  sync                      pull from Envoke, then push queued changes (progress on stderr)
  pull | push               only one direction
  status                    sync state and queue counts
  list [--view V] [--search TEXT] [--limit N]
  show ID                   one lead with its pending changes and activity
  set ID field=value ...    change triage fields (queued until pushed)
  create --email E [field=value ...]
  undo | redo               the last change
  outbox                    every queued change
  resolve ID field=mine|theirs

ID is Envoke's lead id, or #N for a lead's local id (as "id" in list output).
The account may also come from ENVOKE_URL, ENVOKE_API_ID and ENVOKE_API_KEY.

The database is encrypted with the key in LEAD_TRIAGE_DB_KEY (64 hex characters), or else with
a key file made beside it (FILE.key, readable only by you). If that key is lost, --start-over
deletes the database so the leads are downloaded again; its unsent changes are lost.`;

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        url: { type: 'string' },
        'api-id': { type: 'string' },
        'api-key': { type: 'string' },
        view: { type: 'string' },
        search: { type: 'string' },
        limit: { type: 'string' },
        email: { type: 'string' },
        'start-over': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...words] = positionals;
  if (values.help || !command) throw new UsageError(USAGE);
  if (!values.db) throw new UsageError('Missing --db FILE: the local database to use');

  return {
    command,
    words,
    dbPath: values.db,
    account: accountFrom(
      values.url ?? env.ENVOKE_URL,
      values['api-id'] ?? env.ENVOKE_API_ID,
      values['api-key'] ?? env.ENVOKE_API_KEY,
    ),
    view: values.view,
    search: values.search,
    limit: values.limit === undefined ? undefined : positiveInteger(values.limit, '--limit'),
    email: values.email,
    startOver: values['start-over'] ?? false,
  };
}

function accountFrom(url?: string, apiId?: string, apiKey?: string): AccountFlags | null {
  if (!url && !apiId && !apiKey) return null;
  const missing = [!url && '--url', !apiId && '--api-id', !apiKey && '--api-key'].filter(Boolean);
  if (missing.length > 0)
    throw new UsageError(`Incomplete Envoke account: missing ${missing.join(', ')}`);
  return { baseUrl: url!, apiId: apiId!, apiKey: apiKey! };
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${flag} takes a whole number above 0, not "${text}"`);
  return value;
}
