// The browser host's pure pieces: who may talk to it, which files it serves, its command line,
// its CSP, where it keeps preferences and databases.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostArgsError, parseHostArgs } from '../../src-main/browser-host/args';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell-kit/csp';
import { databaseFileName, DEMO_DATABASE_FILE } from '../../src-main/shell-kit/database-files';
import {
  isAllowedHost,
  isSameOrigin,
  readCookie,
  tokensMatch,
} from '../../src-main/browser-host/http/guard';
import { resolveStaticPath } from '../../src-main/shell-kit/renderer-files';
import { createJsonPreferences } from '../../src-main/browser-host/json-preferences';
import { recordingLogger } from '../session/fake-handlers';

const NO_RATINGS = { marketing: [], sales: [] };

describe('request guard', () => {
  it('accepts exactly this server by IP or localhost, with its port', () => {
    expect(isAllowedHost('127.0.0.1:4310', 4310)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4310', 4310)).toBe(true);
    for (const host of [
      '127.0.0.1',
      '127.0.0.1:4311',
      'evil.example:4310',
      '127.0.0.1.nip.io:4310',
      '[::1]:4310',
      undefined,
    ]) {
      expect(isAllowedHost(host, 4310)).toBe(false);
    }
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('abc', '')).toBe(false);
    expect(tokensMatch('abc', undefined)).toBe(false);
  });

  it('reads the session cookie among others', () => {
    expect(readCookie('a=1; lt_session=tok; b=2', 'lt_session')).toBe('tok');
    expect(readCookie('xlt_session=tok', 'lt_session')).toBeUndefined();
    expect(readCookie(undefined, 'lt_session')).toBeUndefined();
  });

  it('takes a POST without Origin or from this origin, and refuses other origins', () => {
    expect(isSameOrigin(undefined, '127.0.0.1:9')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:9', '127.0.0.1:9')).toBe(true);
    expect(isSameOrigin('http://evil.example', '127.0.0.1:9')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:9')).toBe(false);
    expect(isSameOrigin('http://localhost:9', '127.0.0.1:9')).toBe(false);
  });
});

describe('static paths', () => {
  const root = '/srv/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(
      '/srv/renderer/assets/index-abc.js',
    );
    for (const path of [
      '/../secret',
      '/assets/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/.env',
      '/assets/.hidden',
      '/a%00b',
      '/%E0%A4%A',
      '/..%5c..%5cwin.ini',
    ]) {
      expect(resolveStaticPath(root, path)).toBeNull();
    }
  });
});

describe('command line', () => {
  it('runs on demo data by default, on a free port, in its own data folder', () => {
    const args = parseHostArgs([], { XDG_CONFIG_HOME: '/home/x/.config' });
    expect(args).toMatchObject({
      help: false,
      port: 0,
      account: null,
      demoLeads: undefined,
      coreIn: 'worker',
    });
    expect(args.dbPath).toBe(resolve('/home/x/.config/Lead Triage/browser', DEMO_DATABASE_FILE));
  });

  it('takes the account from flags over ENVOKE_* variables', () => {
    const env = {
      ENVOKE_URL: 'https://e2.envoke.com',
      ENVOKE_API_ID: 'env-id',
      ENVOKE_API_KEY: 'env-key',
    };
    expect(parseHostArgs([], env).account).toEqual({
      baseUrl: 'https://e2.envoke.com',
      apiId: 'env-id',
      apiKey: 'env-key',
    });
    expect(
      parseHostArgs(['--api-id', 'flag-id', '--port=8123', '--db', 'x.db', '--leads', '50'], env),
    ).toMatchObject({
      account: { baseUrl: 'https://e2.envoke.com', apiId: 'flag-id', apiKey: 'env-key' },
      port: 8123,
      dbPath: 'x.db',
      demoLeads: 50,
    });
    expect(parseHostArgs(['--api-id', 'a', '--api-key', 'b'], {}).account?.baseUrl).toBe(
      'https://e1.envoke.com',
    );
  });

  it('runs the core in this thread only when asked, and names a wrong place', () => {
    expect(parseHostArgs(['--core', 'process'], {}).coreIn).toBe('process');
    expect(() => parseHostArgs(['--core', 'cloud'], {})).toThrow(
      '--core "cloud" is not a place the core runs: say worker or process',
    );
  });

  it.each([
    [['--port', 'eighty']],
    [['--port', '70000']],
    [['--api-id', 'only-id']],
    [['--url', 'https://e1.envoke.com']],
    [['--colour']],
    [['stray']],
  ])('refuses %j with a sentence', (argv) => {
    expect(() => parseHostArgs(argv, {})).toThrow(HostArgsError);
  });
});

describe('content security policy', () => {
  const directives = (policy: string): string[] =>
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean);

  it('carries every directive the renderer page declares, and forbids framing', () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../../src-renderer/index.html'),
      'utf8',
    );
    const declared = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(declared).toBeDefined();
    const page = directives(declared ?? '');
    // Only a header can forbid framing: browsers ignore frame-ancestors in a <meta> policy.
    const framing = "frame-ancestors 'none'";
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual(
      page.includes(framing) ? page : [...page, framing],
    );
  });
});

describe('database files', () => {
  it('gives the demo and each account their own file, the same account always the same one', () => {
    const a = databaseFileName({ baseUrl: 'https://e1.envoke.com', apiId: 'acme' });
    expect(a).toMatch(/^account-[0-9a-f]{16}\.db$/);
    expect(databaseFileName({ baseUrl: 'HTTPS://E1.envoke.com/', apiId: ' acme ' })).toBe(a);
    expect(databaseFileName({ baseUrl: 'https://e1.envoke.com', apiId: 'acme-2' })).not.toBe(a);
    expect(databaseFileName({ baseUrl: 'https://e2.envoke.com', apiId: 'acme' })).not.toBe(a);
    expect(databaseFileName(null)).toBe(DEMO_DATABASE_FILE);
  });
});

describe('browser host preferences file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps preferences across restarts and survives a damaged file', () => {
    dir = mkdtempSync(join(tmpdir(), 'lead-triage-prefs-'));
    const file = join(dir, 'nested', 'demo.settings.json');
    const { logger, lines } = recordingLogger();
    const first = createJsonPreferences(file, logger);
    expect(first.get()).toEqual({
      autoAdvance: true,
      theme: 'system',
      keymap: {},
      ratings: NO_RATINGS,
      notifyProblems: true,
    });
    first.update({ autoAdvance: false });
    expect(createJsonPreferences(file, logger).get()).toEqual({
      autoAdvance: false,
      theme: 'system',
      keymap: {},
      ratings: NO_RATINGS,
      notifyProblems: true,
    });

    writeFileSync(file, '{ not json');
    expect(createJsonPreferences(file, logger).get()).toEqual({
      autoAdvance: true,
      theme: 'system',
      keymap: {},
      ratings: NO_RATINGS,
      notifyProblems: true,
    });
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });
});
