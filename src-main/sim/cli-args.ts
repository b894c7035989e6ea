/** Reads `npm run sim -- [flags]` into simulator options, with a clear message per bad flag. */
import { parseArgs } from 'node:util';
import { MAX_LEADS, NOT_FOUND_SHAPES, type NotFoundShape, type SimulatorOptions } from './options';
import { ENUM_SPELLINGS, type EnumSpelling } from './spelling';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const USAGE = `Usage: npm run sim -- [options]

  --port N             port to listen on (default 8787; 0 picks a free one)
  --leads N            seeded leads, 0 to ${MAX_LEADS.toLocaleString('en-US')} (default 5000)
  --seed N             data seed; the same seed gives the same leads (default 1)
  --api-id ID          HTTP Basic user name (default demo)
  --api-key KEY        HTTP Basic password (default demo)
  --latency MS         delay before every answer (default 0)
  --fail-rate R        share of requests answered 500, 0 to 1 (default 0)
  --page-cap N         largest limit honoured (default 100)
  --enum-spelling S    ${ENUM_SPELLINGS.join(' | ')}: how statuses come back (default display)
  --time-zone TZ       IANA zone of create_time and *_time (default UTC)
  --not-found SHAPE    ${NOT_FOUND_SHAPES.join(' | ')}: GET of a missing lead (default validation-400)
  --no-id-gt           reject filter[id][$gt] and other range operators on id
  --control            serve the /_sim/ control endpoints (faults, journal, edits)
  --account-name NAME  the account's name, as GET /v1/settings answers it
  --no-settings        answer GET /v1/settings with 404
  --state FILE         keep every write in FILE and read it back at start
  --help               show this text`;

export type CliCommand = { kind: 'help' } | { kind: 'run'; options: SimulatorOptions };

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliUsageError(
      `--${flag} must be a whole number from ${min} to ${max}, not "${text}"`,
    );
  }
  return Number(text);
}

function oneOf<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const choice = choices.find((candidate) => candidate === text);
  if (choice === undefined)
    throw new CliUsageError(`--${flag} must be one of ${choices.join(', ')}, not "${text}"`);
  return choice;
}

export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        leads: { type: 'string' },
        seed: { type: 'string' },
        'api-id': { type: 'string' },
        'api-key': { type: 'string' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        'page-cap': { type: 'string' },
        'enum-spelling': { type: 'string' },
        'time-zone': { type: 'string' },
        'not-found': { type: 'string' },
        'no-id-gt': { type: 'boolean' },
        control: { type: 'boolean' },
        'account-name': { type: 'string' },
        'no-settings': { type: 'boolean' },
        state: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: 'help' };
  const options: SimulatorOptions = { port: 8787, leads: 5000 };
  if (values.port !== undefined) options.port = wholeNumber('port', values.port, 0, 65_535);
  if (values.leads !== undefined) options.leads = wholeNumber('leads', values.leads, 0, MAX_LEADS);
  if (values.seed !== undefined) options.seed = wholeNumber('seed', values.seed, 0, 0xffffffff);
  if (values['api-id'] !== undefined) options.apiId = values['api-id'];
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  if (values.latency !== undefined)
    options.latencyMs = wholeNumber('latency', values.latency, 0, 600_000);
  if (values['fail-rate'] !== undefined) {
    const rate = values['fail-rate'];
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(rate)) {
      throw new CliUsageError(`--fail-rate must be a number from 0 to 1, not "${rate}"`);
    }
    options.failRate = Number(rate);
  }
  if (values['page-cap'] !== undefined)
    options.pageCap = wholeNumber('page-cap', values['page-cap'], 1, 100_000);
  if (values['enum-spelling'] !== undefined) {
    options.enumSpelling = oneOf<EnumSpelling>(
      'enum-spelling',
      values['enum-spelling'],
      ENUM_SPELLINGS,
    );
  }
  if (values['time-zone'] !== undefined) options.timeZone = values['time-zone'];
  if (values['not-found'] !== undefined) {
    options.notFound = oneOf<NotFoundShape>('not-found', values['not-found'], NOT_FOUND_SHAPES);
  }
  if (values['no-id-gt'] === true) options.supportsIdGt = false;
  if (values.control === true) options.control = true;
  if (values['account-name'] !== undefined) {
    if (values['account-name'].trim() === '')
      throw new CliUsageError('--account-name needs a name');
    options.accountName = values['account-name'];
  }
  if (values['no-settings'] === true) options.serveSettings = false;
  if (values.state !== undefined) options.stateFile = values.state;
  return { kind: 'run', options };
}
