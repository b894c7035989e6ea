/**
 * The demo keeps what the person did across restarts, on both sides: the cache, and the demo's
 * Envoke (its state beside the cache). `--fresh-demo` starts it afresh, and only then.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostArgs } from '../../src-main/browser-host/args';
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/browser-host';
import { demoEnvokeStatePath } from '../../src-main/shell-kit/demo-files';
import type { SimLead } from '../../src-main/sim';

let dir: string;
let rendererDir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lead-triage-demo-'));
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Lead Triage</title>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const silent = { info() {}, warn() {}, error() {} };

function start(dbPath: string, freshDemo = false): Promise<BrowserHost> {
  return startBrowserHost({
    port: 0,
    dbPath,
    rendererDir,
    account: null,
    demoLeads: 40,
    simulatorControl: true,
    coreIn: 'process',
    freshDemo,
    logger: silent,
  });
}

/** The lead as the demo's Envoke holds it, through its control route. */
async function envokeCopy(host: BrowserHost, id: string): Promise<SimLead> {
  const sim = host.simulator!;
  const response = await fetch(`${sim.url}/_sim/leads/${id}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${sim.apiId}:${sim.apiKey}`).toString('base64')}`,
    },
  });
  return (await response.json()) as SimLead;
}

describe('the demo across restarts', () => {
  it('keeps a change and a created lead on both sides, until --fresh-demo', async () => {
    const dbPath = join(dir, 'demo.db');
    const first = await start(dbPath);
    await first.core.syncOnce('pull');
    const { rows } = await first.core['leads:list']({ view: 'all', limit: 1 });
    const lead = rows[0]!;
    await first.core['leads:update']({
      ids: [lead.id],
      patch: { sale: 'Yes', sale_note: 'Signed' },
    });
    const created = await first.core['leads:create']({
      email: 'made@demo.example',
      company: 'Made Here',
    });
    await first.core.syncOnce('push');
    const createdEnvokeId = (await first.core['leads:get']({ id: created.id })).envokeId!;
    await first.stop();
    expect(existsSync(demoEnvokeStatePath(dbPath))).toBe(true);

    const second = await start(dbPath);
    await second.core.syncOnce('pull');
    expect(await envokeCopy(second, lead.envokeId!)).toMatchObject({
      sale: 'Yes',
      sale_note: 'Signed',
    });
    const detail = await second.core['leads:get']({ id: lead.id });
    expect(detail).toMatchObject({ sale: 'Yes', syncState: 'synced', goneFromEnvoke: false });
    // Nothing came back reverted: no change of Envoke's in the lead's activity.
    expect(detail.activity.map((entry) => entry.message).join(' ')).not.toMatch(/In Envoke/);
    const made = await second.core['leads:get']({ id: created.id });
    expect(made).toMatchObject({
      envokeId: createdEnvokeId,
      goneFromEnvoke: false,
      company: 'Made Here',
    });
    await second.stop();

    const fresh = await start(dbPath, true);
    await fresh.core.syncOnce('pull');
    expect((await envokeCopy(fresh, lead.envokeId!)).sale_note).toBe('');
    const list = await fresh.core['leads:list']({ view: 'all', limit: 500 });
    expect(list.rows.map((row) => row.company)).not.toContain('Made Here');
    expect(list.rows).toHaveLength(40);
    await fresh.stop();
  }, 120_000);

  it('npm start -- --fresh-demo is read from the command line', () => {
    expect(parseHostArgs(['--fresh-demo'], {}).freshDemo).toBe(true);
    expect(parseHostArgs([], {}).freshDemo).toBe(false);
  });
});
