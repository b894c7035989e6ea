/**
 * The browser host's export download over real HTTP: refused without the token, a CSV (byte
 * order mark, RFC 4180) or JSON of a query's leads with the page's cookie or token, the count
 * announced up front, and a wrong query answered with the parser's sentence.
 */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../src-main/browser-host/browser-host';
import { startTestHost } from './test-host';

let dir: string;
let host: BrowserHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-export-'));
  host = await startTestHost(dir, { dbPath: join(dir, 'demo.db'), demoLeads: 80 });
  await host.core.syncOnce('pull');
});
afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

const url = (query: string, token: string | null = host.token) =>
  `http://127.0.0.1:${host.port}/api/export?${query}${token === null ? '' : `&token=${token}`}`;

describe('GET /api/export', () => {
  it('is refused without the token', async () => {
    const reply = await fetch(url('format=csv', null));
    expect(reply.status).toBe(403);
    expect(await fetch(url('format=csv', 'wrong'))).toHaveProperty('status', 403);
  });

  it('streams a query’s leads as CSV with a byte order mark, in the query’s order', async () => {
    const { ids } = await host.core['query:ids']({ query: 'status:passed', sort: 'company' });
    const reply = await fetch(
      url('format=csv&query=status%3Apassed&sort=company&name=Passed%20%C3%A9'),
    );
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(reply.headers.get('x-lead-count')).toBe(String(ids.length));
    expect(reply.headers.get('content-disposition')).toMatch(
      /^attachment; filename="Passed-_-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''Passed-%C3%A9-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await reply.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = parse(text, { columns: true, bom: true }) as { id: string }[];
    expect(records.map((record) => Number(record.id))).toEqual(ids);
  });

  it('exports a built-in view as JSON', async () => {
    const { ids } = await host.core['leads:ids']({ view: 'marketing-unprocessed' });
    const reply = await fetch(url('format=json&view=marketing-unprocessed'));
    const rows = (await reply.json()) as { id: number }[];
    expect(rows.map((row) => row.id)).toEqual(ids);
  });

  it('answers a wrong query or format with one sentence and no file', async () => {
    const wrong = await fetch(url('format=csv&query=staus%3Apassed'));
    expect(wrong.status).toBe(400);
    expect((await wrong.text()).trim()).toBe("Unknown field 'staus' — did you mean status?");
    const format = await fetch(url('format=xlsx'));
    expect(format.status).toBe(400);
    expect((await format.text()).trim()).toBe('The format is csv or json.');
  });
});
