/**
 * The browser host's command line as a person runs it (`npm run start:browser`, and `npm start`
 * where no Electron binary exists): issue 8, points 5 and 11.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { itWithUnixModes } from '../support/owner-only';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lead-triage-host-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the host until it exits, or until `until` matches its stdout (then stops it). */
function host(args: string[], env: NodeJS.ProcessEnv = {}, until?: RegExp): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src-main/browser-host/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ENVOKE_URL: '', ENVOKE_API_ID: '', ENVOKE_API_KEY: '', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('browser host command line', () => {
  it.each(['htp:/bad', 'e1.envoke.com', 'ftp://e1.envoke.com'])(
    'refuses the malformed URL %s in one sentence, without a stack trace',
    async (url) => {
      const run = await host([
        '--url',
        url,
        '--api-id',
        'a',
        '--api-key',
        'b',
        '--db',
        join(dir, 'x.db'),
      ]);
      expect(run.code).toBe(2);
      const [first] = run.stderr.split('\n');
      expect(first).toBe(`--url "${url}" is not a valid URL such as https://e1.envoke.com`);
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stderr).not.toMatch(/EnvokeError/);
    },
  );

  it('refuses plain http to another computer, saying why the key must not travel in clear', async () => {
    const run = await host([
      '--url',
      'http://envoke.invalid',
      '--api-id',
      'a',
      '--api-key',
      'b',
      '--db',
      join(dir, 'clear.db'),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(
      /^Use an https:\/\/ address for envoke\.invalid: Lead Triage sends the API key with every request, and over plain http:\/\/ anyone on the network .* could read it\./,
    );
  });

  itWithUnixModes("keeps the app's own data folder owner-only, even one made before", async () => {
    const config = join(dir, 'config');
    const data = join(config, 'Lead Triage', 'browser');
    mkdirSync(data, { recursive: true });
    chmodSync(join(config, 'Lead Triage'), 0o755);
    chmodSync(data, 0o755);
    const run = await host(
      ['--leads', '5', '--port', '0'],
      { XDG_CONFIG_HOME: config },
      /running at/,
    );
    expect(run.stdout).toMatch(/Lead Triage is running at/);
    expect((statSync(join(config, 'Lead Triage')).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(data).mode & 0o777).toString(8)).toBe('700');
    expect((statSync(join(data, 'demo.db')).mode & 0o777).toString(8)).toBe('600');
  });
});
