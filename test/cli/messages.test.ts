/**
 * Issue 8, point 10: what the CLI says when the command line is wrong: one specific sentence on
 * stderr (exit 2), nothing opened or sent; `--help` is usage on stdout, once, exit 0.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';
import { cli } from './cli-process';

const dir = tempDir();
afterAll(() => dir.cleanup());

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('CLI messages', () => {
  it('names an unknown command and lists the commands', async () => {
    const run = await cli(['frobnicate', '--db', dir.db()]);
    expect(run.code).toBe(2);
    const line = oneLine(run.stderr);
    expect(line).toContain('Unknown command "frobnicate"');
    for (const command of ['sync', 'list', 'export', 'set', 'create', 'resolve'])
      expect(line).toContain(command);
  });

  it('prints usage once on --help and exits 0', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.match(/Usage:/g)).toHaveLength(1);
    const withCommand = await cli(['list', '--help']);
    expect(withCommand.code).toBe(0);
    expect(withCommand.stdout.match(/Usage:/g)).toHaveLength(1);
  });

  it('says a malformed --url is not a valid URL, and sends nothing', async () => {
    const run = await cli([
      'sync',
      '--db',
      dir.db('url.db'),
      '--url',
      'htp:/bad',
      '--api-id',
      'a',
      '--api-key',
      'b',
    ]);
    expect(run.code).toBe(2);
    const line = oneLine(run.stderr);
    expect(line).toMatch(/"htp:\/bad" is not a valid URL/);
    expect(line).toMatch(/nothing was sent/);
    expect(line).not.toMatch(/Envoke rejected/);
    expect(existsSync(dir.db('url.db'))).toBe(false);
  });

  it('refuses plain http to another computer, saying why the key must not travel in clear, and sends nothing', async () => {
    const run = await cli([
      'sync',
      '--db',
      dir.db('clear.db'),
      '--url',
      'http://envoke.invalid',
      '--api-id',
      'a',
      '--api-key',
      'b',
    ]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toBe(
      'lead-triage: Use an https:// address for envoke.invalid: Lead Triage sends the API key with every request, and over plain http:// anyone on the network between this computer and Envoke could read it. Plain http:// is only for this computer itself, as with the simulator. Nothing was sent.',
    );
    expect(existsSync(dir.db('clear.db'))).toBe(false);
  });

  it.each(['#0x10', '#1e1', '#1.0', '#-3', '#0', '# 4', '#12a'])(
    'refuses %s as a local id',
    async (word) => {
      const run = await cli(['show', word, '--db', dir.db('ids.db')]);
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toContain(`"${word}" is not a local lead id`);
    },
  );

  it('refuses an unknown view and an oversized --limit by name', async () => {
    const view = await cli(['list', '--view', 'hot', '--db', dir.db('v.db')]);
    expect(oneLine(view.stderr)).toMatch(/Unknown view "hot"; the views are: all, /);
    const limit = await cli(['list', '--limit', '501', '--db', dir.db('v.db')]);
    expect(oneLine(limit.stderr)).toMatch(/--limit takes a whole number from 1 to 500/);
  });
});
