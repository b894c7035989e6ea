import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../src-main/sim/cli-args';
import { listeningUrl, runCli } from './cli-process';

describe('sim CLI flags', () => {
  it('default to port 8787 and 5000 leads, and map every flag to an option', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'run', options: { port: 8787, leads: 5000 } });
    expect(
      parseCliArgs([
        '--port',
        '9000',
        '--leads',
        '1000',
        '--seed',
        '42',
        '--api-id',
        'acct',
        '--api-key',
        'k',
        '--latency',
        '250',
        '--fail-rate',
        '0.25',
        '--page-cap',
        '50',
        '--enum-spelling',
        'upper',
        '--time-zone',
        'America/Toronto',
        '--not-found',
        'http-404',
        '--no-id-gt',
        '--control',
        '--account-name',
        'Widgets Inc.',
        '--no-settings',
        '--state',
        '/tmp/envoke.json',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        port: 9000,
        leads: 1000,
        seed: 42,
        apiId: 'acct',
        apiKey: 'k',
        latencyMs: 250,
        failRate: 0.25,
        pageCap: 50,
        enumSpelling: 'upper',
        timeZone: 'America/Toronto',
        notFound: 'http-404',
        supportsIdGt: false,
        control: true,
        accountName: 'Widgets Inc.',
        serveSettings: false,
        stateFile: '/tmp/envoke.json',
      },
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, not "eighty"/],
    [['--leads', '2000000'], /--leads must be a whole number from 0 to 1000000/],
    [['--fail-rate', '1.5'], /--fail-rate must be a number from 0 to 1, not "1.5"/],
    [
      ['--enum-spelling', 'lower'],
      /--enum-spelling must be one of display, upper, open, not "lower"/,
    ],
    [
      ['--not-found', '410'],
      /--not-found must be one of null, empty-array, validation-400, http-404/,
    ],
    [['--colour', 'red'], /Unknown option '--colour'/],
    [['--port'], /argument missing/],
  ])('%j is refused with a clear message', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });
});

describe.concurrent('npm run sim', () => {
  it('prints its URL, serves the API and stops cleanly on SIGINT', async () => {
    const run = runCli(['--port', '0', '--leads', '250', '--api-id', 'acct', '--api-key', 'key']);
    const url = await listeningUrl(run);
    expect(run.output()).toMatch(
      /^Envoke simulator listening on http:\/\/127\.0\.0\.1:\d+ \(250 leads, API ID acct\)$/m,
    );
    const auth = `Basic ${Buffer.from('acct:key').toString('base64')}`;
    const response = await fetch(`${url}/v1/leads?limit=3`, { headers: { authorization: auth } });
    expect(((await response.json()) as unknown[]).length).toBe(3);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('exits with status 2 and the reason on a bad flag or option', async () => {
    const badFlag = runCli(['--leads', 'many']);
    const badZone = runCli(['--port', '0', '--time-zone', 'Nowhere/Land']);
    expect(await badFlag.exited).toBe(2);
    expect(badFlag.output()).toMatch(/--leads must be a whole number/);
    expect(badFlag.output()).toMatch(/Usage: npm run sim/);
    expect(await badZone.exited).toBe(2);
    expect(badZone.output()).toMatch(/Unknown time zone "Nowhere\/Land"/);
  });
});
