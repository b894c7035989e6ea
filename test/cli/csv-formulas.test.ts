/**
 * CSV exports are safe to open in a spreadsheet (OWASP's CSV injection advice): a cell that a
 * spreadsheet would run as a formula gets a leading ', also when the sign follows spaces, a
 * no-break or ideographic space, a line break or an invisible character, or is written full-width.
 * Checked on the cells themselves and on real exports of leads Envoke (the simulator, over HTTP)
 * holds with such names: the CLI's `export` and the browser host's download.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../src-main/browser-host/browser-host';
import { csvCell } from '../../src-main/core/export/csv';
import type { RunningSimulator } from '../../src-main/sim';
import { API_ID, API_KEY, clientFor, openCore, startSim, tempDir } from '../core/helpers';
import { startTestHost } from '../browser-host/test-host';
import { cli } from './cli-process';

/** Company names that would run as formulas, each as Envoke may hold it. */
const FORMULAS = [
  '=1+1',
  ' =1+1',
  '   +1',
  "\u00a0=cmd|' /C calc'!A0",
  '\u3000@SUM(A1)',
  '\u2003-2+3',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
  '﹦1',
  '\n=1+1',
  '\r\n-1',
  '\t=1',
  '\tplain',
  '\rplain',
  '\u200b=1',
  '\ufeff@x',
  ' \n\u00a0=1',
];
/** Names that look close but are no formula: written as they are. */
const PLAIN = ['Plain Ltd', ' Spaced Ltd', 'a=1', '\u00a0Ñandú', 'Minus-Sign Co', '“=quoted”'];

describe('a cell that starts like a formula', () => {
  it.each(FORMULAS)('%j gets a leading quote', (text) => {
    const cell = csvCell(text);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted).toBe(`'${text}`);
  });

  it.each(PLAIN)('%j is written as it is', (text) => {
    expect(csvCell(text)).toBe(text);
  });
});

let sim: RunningSimulator;
const dir = tempDir();
const db = dir.db();
let host: BrowserHost;

beforeAll(async () => {
  sim = await startSim({ leads: 10, seed: 4 });
  const auth = `Basic ${Buffer.from(`${API_ID}:${API_KEY}`).toString('base64')}`;
  for (const [index, company] of [...FORMULAS, ...PLAIN].entries()) {
    const reply = await fetch(`${sim.url}/v1/leads`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        remote_id: `csv-${index}`,
        contact: { email: `c${index}@csv.example`, first_name: 'Cell', company },
      }),
    });
    expect(reply.status).toBe(200);
  }
  const core = openCore(db, clientFor(sim));
  await core.syncOnce('pull');
  await core.close();
  host = await startTestHost(dir.dir, {
    dbPath: dir.db('host.db'),
    account: { baseUrl: sim.url, apiId: API_ID, apiKey: API_KEY },
  });
  await host.core.syncOnce('pull');
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await sim.stop();
  dir.cleanup();
});

/** Company cells of an export by the lead's email, as a CSV parser reads them. */
function companies(csv: string): Map<string, string> {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const records = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  return new Map(records.map((record) => [record.email!, record.company!]));
}

function expectDefused(cells: Map<string, string>): void {
  FORMULAS.forEach((company, index) =>
    expect(cells.get(`c${index}@csv.example`), JSON.stringify(company)).toBe(`'${company}`),
  );
  PLAIN.forEach((company, index) =>
    expect(cells.get(`c${FORMULAS.length + index}@csv.example`)).toBe(company),
  );
}

describe('real exports', () => {
  it('the CLI’s export --format csv', async () => {
    const run = await cli(['export', '--format', 'csv', '--db', db]);
    expect(run.code).toBe(0);
    expectDefused(companies(run.stdout));
  }, 60_000);

  it('the browser host’s download', async () => {
    const params = new URLSearchParams({
      format: 'csv',
      query: 'email:csv.example',
      token: host.token,
    });
    const reply = await fetch(`http://127.0.0.1:${host.port}/api/export?${params}`);
    expect(reply.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await reply.arrayBuffer());
    expectDefused(companies(text));
  });
});
