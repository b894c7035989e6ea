/**
 * Command-line arguments of the headless client: the command, its words, and the options shared
 * by every command (database file and Envoke account). Everything is checked here, before the
 * database is opened or anything is sent.
 */
import { parseSort, QuerySyntaxError, tryParseQuery } from '#contract/lead-query';
import { clearTextProblem, isWebAddress } from '#contract';
import { EXPORT_FORMATS, type ExportFormat } from '../core';
import { decodeCursor, type ListCursor } from './cursor';
import { parseArgsWithDashValues } from './dash-values';
import { UsageError } from './usage-error';

export { UsageError };

export interface AccountFlags {
  baseUrl: string;
  apiId: string;
  apiKey: string;
}

export const COMMANDS = [
  'sync',
  'pull',
  'push',
  'status',
  'list',
  'export',
  'show',
  'set',
  'create',
  'undo',
  'redo',
  'outbox',
  'resolve',
  'replay',
] as const;
export type CommandWord = (typeof COMMANDS)[number];

export { EXPORT_FORMATS, type ExportFormat };

/** The most rows one `list` prints; `--after` pages on, `export` prints every row. */
export const LIST_LIMIT_MAX = 500;

export interface CliArgs {
  help: false;
  command: CommandWord;
  words: string[];
  dbPath: string;
  /** Null when no account was given: commands that need Envoke then say so. */
  account: AccountFlags | null;
  view: string | undefined;
  search: string | undefined;
  /** A lead query (`status:passed rating:hot`), in place of a view. */
  query: string | undefined;
  sort: string | undefined;
  limit: number | undefined;
  after: ListCursor | undefined;
  format: ExportFormat;
  email: string | undefined;
  /** Set aside a database that cannot be opened and download the leads again. */
  startOver: boolean;
  /** The person's yes to --start-over, given in advance. */
  yes: boolean;
}

export type ParsedCli = { help: true } | CliArgs;

export const USAGE = `Usage: npm run -s cli -- <command> --db FILE [--url URL --api-id ID --api-key KEY]

Commands:
  sync                      pull from Envoke, then push queued changes (progress on stderr)
  pull | push               only one direction
  status                    sync state and queue counts
  list [--view V] [--search TEXT] [--limit N] [--after CURSOR]
                            up to N leads (default 50, at most ${LIST_LIMIT_MAX}), newest first; when
                            more follow, stderr ends with "next: CURSOR": pass it to --after
  list --query "Q" [--sort S] [--limit N]
                            the first N leads of a query, such as --query "status:passed
                            rating:hot created:>2026-09-01" --sort company (-company: Z to A)
  export [--view V | --query "Q" --sort S] [--search TEXT] [--format json|csv]
                            every lead of the view or query, streamed (same columns as list)
  show ID                   one lead with its pending changes and activity
  set ID field=value ...    change triage fields (queued until pushed)
  create --email E [field=value ...]
                            a new lead: triage fields, rule_rating, remote_id, create_note, ...
                            and contact fields (first_name, last_name, company, city, ...)
  undo | redo               the last change; says which values came back
  outbox                    every queued change
  resolve ID field=mine|theirs
  replay FILE               queue again the unsent changes a --start-over saved in FILE

Views: all, marketing-unprocessed, passed-to-sales, sales-unprocessed, opportunities, won,
pending, failed, conflicts.
ID is Envoke's lead id, or #N for a lead's local id (as "id" in list output).
The account may also come from ENVOKE_URL, ENVOKE_API_ID and ENVOKE_API_KEY.

The database is encrypted with the key in LEAD_TRIAGE_DB_KEY (64 hex characters), or else with
a key file made beside it (FILE.key, readable only by you). If the database cannot be opened (its
key lost, the file damaged, or made by a pre-release build), --start-over sets it aside and downloads the leads again: it says how
many unsent changes that costs, saves those it can still read beside it for replay, and goes ahead
on --yes (or a typed "start over" on a terminal). A database that opens is never started over.`;

function isCommandWord(word: string): word is CommandWord {
  return (COMMANDS as readonly string[]).includes(word);
}

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): ParsedCli {
  let parsed;
  try {
    parsed = parseArgsWithDashValues({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        url: { type: 'string' },
        'api-id': { type: 'string' },
        'api-key': { type: 'string' },
        view: { type: 'string' },
        search: { type: 'string' },
        query: { type: 'string' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        after: { type: 'string' },
        format: { type: 'string' },
        email: { type: 'string' },
        'start-over': { type: 'boolean' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [command, ...words] = positionals;
  if (!command) throw new UsageError('Name a command; --help lists them');
  if (!isCommandWord(command))
    throw new UsageError(`Unknown command "${command}"; the commands are: ${COMMANDS.join(', ')}`);
  if (!values.db) throw new UsageError('Missing --db FILE: the local database to use');

  return {
    help: false,
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
    query: values.query === undefined ? undefined : leadQuery(values.query, values.view),
    sort: values.sort === undefined ? undefined : sortText(values.sort, values.view),
    limit: values.limit === undefined ? undefined : listLimit(values.limit),
    after: values.after === undefined ? undefined : decodeCursor(values.after),
    format: exportFormat(values.format),
    email: values.email,
    startOver: values['start-over'] ?? false,
    yes: values.yes ?? false,
  };
}

function accountFrom(url?: string, apiId?: string, apiKey?: string): AccountFlags | null {
  if (!url && !apiId && !apiKey) return null;
  const missing = [!url && '--url', !apiId && '--api-id', !apiKey && '--api-key'].filter(Boolean);
  if (missing.length > 0)
    throw new UsageError(`Incomplete Envoke account: missing ${missing.join(', ')}`);
  if (!isWebAddress(url!))
    throw new UsageError(
      `"${url}" is not a valid URL such as https://e1.envoke.com; nothing was sent`,
    );
  const clearText = clearTextProblem(url!);
  if (clearText !== null) throw new UsageError(`${clearText} Nothing was sent.`);
  return { baseUrl: url!, apiId: apiId!, apiKey: apiKey! };
}

function listLimit(text: string): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= LIST_LIMIT_MAX))
    throw new UsageError(
      `--limit takes a whole number from 1 to ${LIST_LIMIT_MAX}, not "${text}"; page on with --after, or use export for every lead`,
    );
  return value;
}

function exportFormat(text: string | undefined): ExportFormat {
  if (text === undefined) return 'json';
  const format = text.toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format takes json or csv, not "${text}"`);
  return format as ExportFormat;
}

function leadQuery(text: string, view: string | undefined): string {
  if (view !== undefined) throw new UsageError('Give --view or --query, not both');
  const parsed = tryParseQuery(text);
  if (!parsed.ok) throw new UsageError(`--query: ${parsed.error.message}`);
  return text;
}

function sortText(text: string, view: string | undefined): string {
  if (view !== undefined)
    throw new UsageError('--sort orders a --query; a view lists newest first');
  try {
    parseSort(text);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new UsageError(`--sort: ${error.message}`);
    throw error;
  }
  return text;
}
