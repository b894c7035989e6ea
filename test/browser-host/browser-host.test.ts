// The browser host over real HTTP on 127.0.0.1, with the real core on a real SQLite file syncing
// from the real simulator (demo mode), and a second simulator standing in for a real account.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SyncStatusSchema,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type SyncStatus,
} from '#contract';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import { RESTARTING_SENTENCE } from '../../src-main/session/core-worker/core-worker';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell-kit/csp';
import { databaseFileName } from '../../src-main/shell-kit/database-files';
import { startSimulator, type RunningSimulator } from '../../src-main/sim';
import { recordingLogger } from '../session/fake-handlers';

const DEMO_LEADS = 120;
const PAGE =
  '<!doctype html><title>Lead Triage</title><script type="module" src="./assets/app.js"></script>';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

let dir: string;
let host: BrowserHost;
const log = recordingLogger();

function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        // A fresh connection each time: what the server does is then what the test sees.
        agent: false,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

interface ResultJson {
  ok: boolean;
  value?: unknown;
  error?: { code: string; message: string };
}

async function invoke(
  name: string,
  input?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply & { json: ResultJson | null }> {
  const reply = await send({
    method: 'POST',
    path: `/api/invoke/${encodeURIComponent(name)}`,
    headers: { 'content-type': 'application/json', 'x-lead-triage-token': host.token, ...headers },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return {
    ...reply,
    json: reply.headers['content-type']?.startsWith('application/json')
      ? JSON.parse(reply.body)
      : null,
  };
}

async function value<N extends CommandName>(
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const reply = await invoke(name, input);
  expect(reply.json, `${name}: ${reply.body}`).toMatchObject({ ok: true });
  return reply.json?.value as CommandOutput<N>;
}

/** Waits for the core's background sync, which runs on its own after start or a switch. */
async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await read();
    if (done(current)) return current;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(current)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const synced = (status: SyncStatus): boolean =>
  status.lastSyncAt !== null && status.state === 'idle';

/** Reads Server-Sent Events until `enough` says so; returns the events and the raw text. */
function readEvents(
  path: string,
  enough: (events: Array<{ event: string; data: unknown }>, raw: string) => boolean,
  act?: () => void,
) {
  return new Promise<{
    status: number;
    headers: IncomingHttpHeaders;
    events: Array<{ event: string; data: unknown }>;
    raw: string;
  }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, headers: { host: `127.0.0.1:${host.port}` } },
      (res) => {
        let raw = '';
        const events: Array<{ event: string; data: unknown }> = [];
        const finish = () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, events, raw });
        };
        if (res.statusCode !== 200) {
          res.resume();
          res.on('end', finish);
          return;
        }
        let acted = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          raw += chunk;
          events.length = 0;
          for (const block of raw.split('\n\n').slice(0, -1)) {
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name && data) events.push({ event: name, data: JSON.parse(data) });
          }
          if (!acted && events.length > 0 && act) {
            acted = true;
            act();
          }
          if (enough(events, raw)) finish();
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(15_000, () => reject(new Error('event stream timed out')));
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-host-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  host = await startBrowserHost({
    port: 0,
    dbPath: join(dir, 'data', 'demo.db'),
    demoLeads: DEMO_LEADS,
    rendererDir,
    logger: log.logger,
    heartbeatMs: 100,
  });
});

afterAll(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('refusals that reveal nothing', () => {
  const expectBareRefusal = (reply: Reply) => {
    expect(reply.status).toBe(403);
    expect(reply.body).toBe('Forbidden\n');
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.headers['set-cookie']).toBeUndefined();
  };

  it('answers the page without the token, or with an old one, with where to find the address', async () => {
    for (const reply of [
      await send({ path: '/' }),
      await send({ path: '/?token=wrong' }),
      await send({ path: `/?token=${host.token.slice(0, -1)}` }),
      await send({ path: '/index.html', headers: { cookie: 'lt_session=wrong' } }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.body).toContain('Open the URL printed by\n<code>npm start</code>');
      expect(reply.body).not.toContain(host.token);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses assets and the event stream without the token', async () => {
    expectBareRefusal(await send({ path: '/assets/app.js' }));
    expectBareRefusal(await send({ path: '/assets/missing.js' }));
    expectBareRefusal(await send({ path: '/api/events' }));
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding)', async () => {
    for (const foreign of [
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${host.port}`,
    ]) {
      expectBareRefusal(await send({ path: `/?token=${host.token}`, headers: { host: foreign } }));
      expectBareRefusal(
        await send({
          method: 'POST',
          path: '/api/invoke/app:info',
          headers: { host: foreign, 'x-lead-triage-token': host.token },
          body: '{}',
        }),
      );
    }
  });

  it('refuses commands without the token header, even with the session cookie, in a Result', async () => {
    for (const reply of [
      await invoke('app:info', {}, { 'x-lead-triage-token': '' }),
      await send({
        method: 'POST',
        path: '/api/invoke/app:info',
        headers: { cookie: `lt_session=${host.token}` },
        body: '{}',
      }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(reply.body)).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringMatching(/open the URL printed by npm start/),
        },
      });
    }
  });

  it('refuses a command posted from another origin', async () => {
    expectBareRefusal(await invoke('app:info', {}, { origin: 'http://evil.example' }));
    expectBareRefusal(await invoke('app:info', {}, { origin: 'null' }));
  });
});

describe('the page', () => {
  it('serves the page for the token and sets the session cookie, with the security headers', async () => {
    const reply = await send({ path: `/?token=${host.token}` });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(PAGE);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['set-cookie']).toEqual([
      `lt_session=${host.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with the cookie, and a plain 404 for what is not there', async () => {
    const cookie = { cookie: `lt_session=${host.token}` };
    const asset = await send({ path: '/assets/app.js', headers: cookie });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.body).toBe('console.log("app")');
    const missing = await send({ path: '/assets/missing.js', headers: cookie });
    expect(missing).toMatchObject({ status: 404, body: 'Not found\n' });
    expect((await send({ path: '/../data/demo.db', headers: cookie })).status).toBe(404);
  });

  it('gives the token to a page holding the cookie (a second tab), and to nothing else', async () => {
    const reply = await send({
      path: '/api/session-token',
      headers: { cookie: `lt_session=${host.token}` },
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString())).toEqual({ token: host.token });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send({ path: '/api/session-token' })).status).toBe(403);
    expect(
      (await send({ path: '/api/session-token', headers: { cookie: 'lt_session=wrong' } })).status,
    ).toBe(403);
  });

  it('says where it runs, in one line a person can open', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('commands', () => {
  it('answers app:info: demo data in the browser, key held for the session only', async () => {
    const reply = await invoke('app:info', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.json).toMatchObject({
      ok: true,
      value: {
        demo: true,
        account: null,
        host: 'browser',
        keyStorage: 'session-only',
        databaseKey: 'owner-only-file',
      },
    });
  });

  it('syncs the demo leads from the in-process simulator into the SQLite file', async () => {
    expect(host.simulator).not.toBeNull();
    await until(() => value('sync:status', {}), synced, 'the first demo sync');
    const counts = await value('leads:counts', {});
    expect(counts.all).toBe(DEMO_LEADS);
    const page = await value('leads:list', { view: 'all', limit: 5 });
    expect(page.rows).toHaveLength(5);
    expect(existsSync(join(dir, 'data', 'demo.db'))).toBe(true);
  });

  it('answers bad input with invalid-input naming the field', async () => {
    const reply = await invoke('leads:get', { id: 'seven' });
    expect(reply.status).toBe(200);
    expect(reply.json?.ok).toBe(false);
    expect(reply.json?.error?.code).toBe('invalid-input');
    expect(reply.json?.error?.message).toBe('Lead must be a number.');
  });

  it('answers a body that is not JSON, or too large, with invalid-input', async () => {
    const broken = await send({
      method: 'POST',
      path: '/api/invoke/leads:get',
      headers: { 'x-lead-triage-token': host.token },
      body: '{"id": 1',
    });
    expect(JSON.parse(broken.body)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The request body is not valid JSON' },
    });

    const huge = await invoke('leads:create', {
      email: 'a@b.example',
      firstName: 'x'.repeat(1_100_000),
    });
    expect(huge.json).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(huge.json?.error?.message).toMatch(/larger than/);
  });

  it('answers an unknown command with unknown-command', async () => {
    expect((await invoke('leads:drop-all', {})).json).toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
  });

  it('keeps preferences in a JSON file beside the database', async () => {
    expect(await value('settings:set', { theme: 'dark' })).toMatchObject({
      theme: 'dark',
      autoAdvance: true,
    });
    expect(await value('settings:get', {})).toMatchObject({ theme: 'dark' });
    const file = JSON.parse(readFileSync(join(dir, 'data', 'demo.settings.json'), 'utf8'));
    expect(file.theme).toBe('dark');
    expect((await invoke('settings:set', { theme: 'neon' })).json?.error?.code).toBe(
      'invalid-input',
    );
  });
});

describe('event stream', () => {
  it('sends the current sync status at once, heartbeats, and changes as they happen', async () => {
    const [first] = (await value('leads:list', { view: 'all', limit: 1 })).rows;
    if (!first) throw new Error('the demo has no leads');
    const stream = await readEvents(
      `/api/events?token=${host.token}`,
      (events, raw) =>
        raw.includes(': heartbeat') && events.some((e) => e.event === 'leads:changed'),
      () => void invoke('leads:update', { ids: [first.id], patch: { marketing_rating: 'Hot' } }),
    );
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.events[0]?.event).toBe('sync:status');
    expect(SyncStatusSchema.safeParse(stream.events[0]?.data).success).toBe(true);
    const changed = stream.events.find((e) => e.event === 'leads:changed');
    expect(changed?.data).toSatisfy(
      (data: { ids: number[] | null }) => data.ids === null || data.ids.includes(first.id),
    );
  });
});

describe('the data engine (core worker)', () => {
  it('says in one sentence on the event stream when it stopped, restarts, and answers again', async () => {
    const core = host.core;
    const crashed = core.thread();
    expect(crashed).not.toBeNull();
    const stream = await readEvents(
      `/api/events?token=${host.token}`,
      (events) => events.some((e) => e.event === 'app:notice'),
      () => void crashed?.terminate(),
    );
    expect(stream.events.filter((e) => e.event === 'app:notice').map((e) => e.data)).toEqual([
      { message: RESTARTING_SENTENCE },
    ]);
    expect(log.lines.filter((line) => line.message === RESTARTING_SENTENCE)).toHaveLength(1);
    // The one error this test causes; 'stopping' checks that nothing else was logged as one.
    log.lines.splice(
      log.lines.findIndex((line) => line.message === RESTARTING_SENTENCE),
      1,
    );
    // The next command waits for the new worker.
    expect((await value('leads:counts', {})).all).toBe(DEMO_LEADS);
    expect(core.thread()).not.toBe(crashed);
  });
});

describe('accounts', () => {
  let envoke: RunningSimulator;
  beforeAll(async () => {
    envoke = await startSimulator({
      port: 0,
      leads: 40,
      seed: 7,
      apiId: 'acme',
      apiKey: 'right-key',
    });
  });
  afterAll(async () => envoke?.stop());

  it('tests a connection and says what is wrong in words', async () => {
    const account = { baseUrl: envoke.url, apiId: 'acme' };
    expect(await value('account:test', { ...account, apiKey: 'right-key' })).toEqual({
      ok: true,
      message: 'Connected: Envoke accepted this API ID and key',
    });
    expect(await value('account:test', { ...account, apiKey: 'wrong-key' })).toEqual({
      ok: false,
      message: 'Envoke rejected the API ID or key',
    });
  });

  it('refuses plain http to another computer before sending anything, saying why', async () => {
    for (const name of ['account:test', 'account:save']) {
      const reply = await invoke(name, {
        baseUrl: 'http://envoke.invalid',
        apiId: 'acme',
        apiKey: 'right-key',
      });
      expect(reply.json).toMatchObject({
        ok: false,
        error: {
          code: 'invalid-input',
          message: expect.stringMatching(
            /^Use an https:\/\/ address for envoke\.invalid: Lead Triage sends the API key with every request/,
          ),
        },
      });
    }
    expect((await value('app:info', {})).demo).toBe(true);
  });

  it('says that nothing listens at an address whose port is closed', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const answer = await value('account:test', {
      baseUrl: `http://127.0.0.1:${closed}`,
      apiId: 'acme',
      apiKey: 'k',
    });
    expect(answer).toEqual({
      ok: false,
      message:
        'Nothing listens at the Envoke address (the connection was refused): check the address',
    });
  });

  it('does not switch when the test fails', async () => {
    const answer = await value('account:save', {
      baseUrl: envoke.url,
      apiId: 'acme',
      apiKey: 'wrong-key',
    });
    expect(answer.ok).toBe(false);
    expect((await value('app:info', {})).demo).toBe(true);
  });

  it('switches to the account and its own database, and back to demo data on clear', async () => {
    const account = { baseUrl: envoke.url, apiId: 'acme' };
    const saved = await value('account:save', { ...account, apiKey: 'right-key' });
    expect(saved.ok).toBe(true);
    expect(await value('app:info', {})).toMatchObject({ demo: false, account });
    await until(() => value('sync:status', {}), synced, 'the account sync');
    expect((await value('leads:counts', {})).all).toBe(40);
    expect(existsSync(join(dir, 'data', databaseFileName(account)))).toBe(true);

    expect(await value('account:clear', {})).toEqual({ ok: true });
    expect(await value('app:info', {})).toMatchObject({ demo: true, account: null });
    await until(() => value('sync:status', {}), synced, 'the demo sync after clearing');
    expect((await value('leads:counts', {})).all).toBe(DEMO_LEADS);
  });
});

describe('stopping', () => {
  it('frees the port and ends open event streams promptly', async () => {
    const { port } = host;
    let ended!: Promise<void>;
    await new Promise<void>((opened) => {
      httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: `/api/events?token=${host.token}`,
          headers: { host: `127.0.0.1:${port}` },
        },
        (res) => {
          ended = new Promise((resolve) => res.on('end', resolve));
          res.once('data', () => opened());
          res.resume();
        },
      ).end();
    });
    const started = Date.now();
    await host.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    await ended;
    await expect(send({ path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    expect(log.lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
