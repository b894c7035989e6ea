/**
 * The CLI takes its own documented spellings of values that begin with a dash (`--sort -company`,
 * `--query "-status:passed"`), for every option that takes a value, and refuses a control
 * character in a query with the parser's sentence (exit 2) before the database is opened.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError, type CliArgs } from '../../src-main/cli/args';
import { clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { cli } from './cli-process';

const dir = tempDir();
const db = dir.db();
let expected: number[] = [];

beforeAll(async () => {
  const sim = await startSim({ leads: 120, seed: 9 });
  const core = openCore(db, clientFor(sim));
  await core.syncOnce('pull');
  expected = (await core['query:ids']({ query: '-status:passed', sort: '-company' })).ids;
  await core.close();
  await sim.stop();
}, 60_000);
afterAll(() => dir.cleanup());

function parsed(...words: string[]): CliArgs {
  const args = parseCliArgs(['list', ...words, '--db', 'leads.db'], {});
  if (args.help) throw new Error('expected a command, not help');
  return args;
}

describe('values that begin with a dash', () => {
  it('--sort -company and --query "-status:passed" are read as written', () => {
    const args = parsed('--query', '-status:passed', '--sort', '-company');
    expect(args.query).toBe('-status:passed');
    expect(args.sort).toBe('-company');
    expect(parsed('--query', '-status:passed sort:-company').query).toBe(
      '-status:passed sort:-company',
    );
    // Written with = they always were.
    expect(parsed('--sort=-company').sort).toBe('-company');
  });

  it('every option that takes a value takes one beginning with a dash', () => {
    expect(parsed('--search', '-acme').search).toBe('-acme');
    expect(parseCliArgs(['list', '--db', '-leads.db'], {})).toMatchObject({ dbPath: '-leads.db' });
    expect(parseCliArgs(['create', '--email', '-x@example.com', '--db', 'a.db'], {})).toMatchObject(
      { email: '-x@example.com' },
    );
    const account = parseCliArgs(
      ['sync', '--url', 'http://127.0.0.1:1', '--api-id', '-id', '--api-key', '-key', '--db', 'a'],
      {},
    );
    expect(account).toMatchObject({ account: { apiId: '-id', apiKey: '-key' } });
    // Read as values, then refused for what they are, not as "ambiguous".
    const refusal = (words: string[]) => {
      try {
        parseCliArgs(['list', ...words, '--db', 'a.db'], {});
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`${words.join(' ')} was accepted`);
    };
    expect(refusal(['--limit', '-5'])).toMatch(/^--limit takes a whole number/);
    expect(refusal(['--after', '-abc'])).toMatch(/^--after takes the word printed/);
    // The view is checked by name later, before the database is opened.
    expect(parsed('--view', '-won').view).toBe('-won');
    expect(refusal(['--format', '-csv'])).toBe('--format takes json or csv, not "-csv"');
    expect(refusal(['--url', '-x', '--api-id', 'a', '--api-key', 'b'])).toMatch(
      /^"-x" is not a valid URL/,
    );
  });

  it('an option after an option still needs its value, and -h is still help', () => {
    expect(() => parsed('--query', '--sort', 'company')).toThrow(/--query/);
    expect(parseCliArgs(['list', '-h'], {})).toEqual({ help: true });
  });

  it('lists and exports through the real CLI with both spellings', async () => {
    const list = await cli([
      'list',
      '--query',
      '-status:passed',
      '--sort',
      '-company',
      '--limit',
      '500',
      '--db',
      db,
    ]);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: number; marketing_rating_status: string }[];
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.map((row) => row.id)).toEqual(expected);
    expect(rows.some((row) => row.marketing_rating_status === 'Passed to sales')).toBe(false);

    const exported = await cli(['export', '--query', '-status:passed sort:-company', '--db', db]);
    expect(exported.code).toBe(0);
    expect((JSON.parse(exported.stdout) as { id: number }[]).map((row) => row.id)).toEqual(
      expected,
    );
  }, 60_000);
});

describe('control characters on the command line', () => {
  it('a query holding one is refused with the parser’s sentence, nothing opened', async () => {
    const missing = dir.db('never-created.db');
    const run = await cli(['list', '--query', 'company:"a\u0001b"', '--db', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'lead-triage: --query: A query cannot contain control characters: remove U+0001 at character 11.',
    );
    expect(existsSync(missing)).toBe(false);
  });
});
