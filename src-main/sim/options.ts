/** The simulator's options, their defaults, and the checks that give a clear error for each. */
import { SimConfigError } from './errors';
import { ENUM_SPELLINGS, type EnumSpelling } from './spelling';
import { type Clock, assertTimeZone, systemClock } from './time';

export const NOT_FOUND_SHAPES = ['null', 'empty-array', 'validation-400', 'http-404'] as const;
export type NotFoundShape = (typeof NOT_FOUND_SHAPES)[number];

export const MAX_LEADS = 1_000_000;

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Loopback only: the simulator serves demo credentials. Default 127.0.0.1. */
  host?: string;
  /** Seeded leads, 0 to 1,000,000. Default 5000. */
  leads?: number;
  /** Same seed, same leads. Default 1. */
  seed?: number;
  apiId?: string;
  apiKey?: string;
  latencyMs?: number;
  /** Share of requests answered 500. */
  failRate?: number;
  /** Largest `limit` honoured (§12.1). Default 100. */
  pageCap?: number;
  /** How statuses come back (§12.4). Default 'display'. */
  enumSpelling?: EnumSpelling;
  /** IANA zone of the `*_time` strings (§12.5). Default 'UTC'. */
  timeZone?: string;
  /** What `GET /v1/leads/{missing}` answers (§12.2). Default 'validation-400'. */
  notFound?: NotFoundShape;
  /** Whether `filter[id][$gt]` and the other range operators on `id` work (§12.6). Default true. */
  supportsIdGt?: boolean;
  /** Serves the `/_sim/` control endpoints. Default false. */
  control?: boolean;
  /** The account's name, as `GET /v1/settings` answers it. */
  accountName?: string;
  /** False answers `GET /v1/settings` with 404, as an Envoke without that route would. Default true. */
  serveSettings?: boolean;
  /**
   * A file that keeps every write across restarts (the app's demo keeps its Envoke beside its
   * cache). Read at start when it exists, written shortly after each write and on stop. Its seed
   * and lead count win over `seed` and `leads`: its leads are those the state was written over.
   */
  stateFile?: string | null;
  /** The clock behind `create_time`, `*_time` and the journal. Default: the system clock. */
  now?: Clock;
}

export type ResolvedOptions = Required<SimulatorOptions>;

const DEFAULT_OPTIONS: ResolvedOptions = {
  port: 0,
  host: '127.0.0.1',
  leads: 5000,
  seed: 1,
  apiId: 'demo',
  apiKey: 'demo',
  latencyMs: 0,
  failRate: 0,
  pageCap: 100,
  enumSpelling: 'display',
  timeZone: 'UTC',
  notFound: 'validation-400',
  supportsIdGt: true,
  control: false,
  accountName: 'Envoke demo account',
  serveSettings: true,
  stateFile: null,
  now: systemClock,
};

const LOOPBACK = /^(127(\.\d{1,3}){3}|::1|localhost)$/;

function wholeNumber(option: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SimConfigError(
      option,
      `${option} must be a whole number from ${min} to ${max}, not ${String(value)}`,
    );
  }
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = { ...DEFAULT_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (resolved as Record<string, unknown>)[key] = value;
  }
  wholeNumber('port', resolved.port, 0, 65_535);
  wholeNumber('leads', resolved.leads, 0, MAX_LEADS);
  wholeNumber('seed', resolved.seed, 0, 0xffffffff);
  wholeNumber('pageCap', resolved.pageCap, 1, 100_000);
  if (!LOOPBACK.test(resolved.host)) {
    throw new SimConfigError(
      'host',
      `host must be a loopback address such as 127.0.0.1, not "${resolved.host}"`,
    );
  }
  for (const option of ['apiId', 'apiKey'] as const) {
    if (typeof resolved[option] !== 'string' || resolved[option] === '') {
      throw new SimConfigError(option, `${option} must be a non-empty string`);
    }
  }
  if (resolved.apiId.includes(':'))
    throw new SimConfigError('apiId', 'apiId cannot contain ":" (HTTP Basic uses it)');
  if (!(Number.isFinite(resolved.latencyMs) && resolved.latencyMs >= 0)) {
    throw new SimConfigError(
      'latencyMs',
      `latencyMs must be 0 or more, not ${String(resolved.latencyMs)}`,
    );
  }
  if (!(resolved.failRate >= 0 && resolved.failRate <= 1)) {
    throw new SimConfigError(
      'failRate',
      `failRate must be between 0 and 1, not ${String(resolved.failRate)}`,
    );
  }
  if (!(ENUM_SPELLINGS as readonly string[]).includes(resolved.enumSpelling)) {
    throw new SimConfigError(
      'enumSpelling',
      `enumSpelling must be one of ${ENUM_SPELLINGS.join(', ')}`,
    );
  }
  if (!(NOT_FOUND_SHAPES as readonly string[]).includes(resolved.notFound)) {
    throw new SimConfigError('notFound', `notFound must be one of ${NOT_FOUND_SHAPES.join(', ')}`);
  }
  assertTimeZone(resolved.timeZone);
  if (typeof resolved.accountName !== 'string' || resolved.accountName.trim() === '')
    throw new SimConfigError('accountName', 'accountName must be a non-empty string');
  return resolved;
}
