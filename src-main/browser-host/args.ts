/**
 * Command line of the browser host. The account comes from flags or from the ENVOKE_* variables
 * (flags win); without one the host serves demo data. The key is better passed in ENVOKE_API_KEY:
 * command lines are visible to other users of the machine.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { clearTextProblem, DEFAULT_BASE_URL, isWebAddress } from '#contract';
import { databaseFileName } from '../shell-kit/database-files';

export const USAGE = `Usage: npm run start:browser -- [options]
  --port N        port on 127.0.0.1 (default: any free port)
  --db FILE       database file (default: one per account in the app's data folder)
  --url URL       Envoke address (default ${DEFAULT_BASE_URL}; env ENVOKE_URL)
  --api-id ID     Envoke API ID (env ENVOKE_API_ID)
  --api-key KEY   Envoke API key (env ENVOKE_API_KEY, preferred)
  --leads N       leads in the demo data (default 3000)
  --fresh-demo    start the demo afresh: what was done in it (here and in its Envoke) is discarded
  --core WHERE    where the core runs: worker (default, its own thread) or process (this
                  thread, as before; for measuring the difference)
  --page DIR      the built page to serve (default out/renderer; npm run start:browser builds
                  one for each run)
Without an API ID and key the app runs on demo data.`;

export class HostArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostArgsError';
  }
}

export interface HostArgs {
  help: boolean;
  port: number;
  dbPath: string;
  /** The app's own data folder when no --db was given: kept owner-only (0700). */
  dataDir: string | null;
  account: { baseUrl: string; apiId: string; apiKey: string } | null;
  demoLeads: number | undefined;
  /** Start the demo afresh (--fresh-demo). */
  freshDemo: boolean;
  /** Where the core runs: its own thread unless asked otherwise (npm run bench compares both). */
  coreIn: 'worker' | 'process';
  /** The built page to serve; the host's default when not given. */
  pageDir: string | undefined;
}

function wholeNumber(
  value: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new HostArgsError(`${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

/** Where the browser host keeps its files when no --db is given: apart from the desktop app's. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, 'Lead Triage', 'browser');
}

export function parseHostArgs(argv: readonly string[], env: NodeJS.ProcessEnv): HostArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        db: { type: 'string' },
        url: { type: 'string' },
        'api-id': { type: 'string' },
        'api-key': { type: 'string' },
        leads: { type: 'string' },
        core: { type: 'string' },
        page: { type: 'string' },
        'fresh-demo': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new HostArgsError(error instanceof Error ? error.message : String(error));
  }
  const text = (key: string): string | undefined => {
    const value = values[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };

  const apiId = text('api-id') ?? env.ENVOKE_API_ID?.trim();
  const apiKey = text('api-key') ?? env.ENVOKE_API_KEY?.trim();
  const url = text('url') ?? env.ENVOKE_URL?.trim();
  let account: HostArgs['account'] = null;
  if (apiId || apiKey) {
    if (!apiId || !apiKey) {
      throw new HostArgsError(
        'An Envoke account needs both the API ID and the API key (--api-id, --api-key)',
      );
    }
    account = { baseUrl: url || DEFAULT_BASE_URL, apiId, apiKey };
  } else if (url) {
    throw new HostArgsError(
      '--url needs --api-id and --api-key too (or ENVOKE_API_ID and ENVOKE_API_KEY)',
    );
  }
  if (url && !isWebAddress(url)) {
    throw new HostArgsError(`--url "${url}" is not a valid URL such as ${DEFAULT_BASE_URL}`);
  }
  const clearText = url ? clearTextProblem(url) : null;
  if (clearText !== null) throw new HostArgsError(clearText);

  const core = text('core') ?? 'worker';
  if (core !== 'worker' && core !== 'process') {
    throw new HostArgsError(`--core "${core}" is not a place the core runs: say worker or process`);
  }

  return {
    help: values.help === true,
    port: wholeNumber(text('port'), '--port', 0, 65_535) ?? 0,
    dbPath: text('db') ?? join(defaultDataDir(env), databaseFileName(account)),
    dataDir: text('db') === undefined ? defaultDataDir(env) : null,
    account,
    demoLeads: wholeNumber(text('leads'), '--leads', 0, 1_000_000),
    freshDemo: values['fresh-demo'] === true,
    coreIn: core,
    pageDir: text('page'),
  };
}
