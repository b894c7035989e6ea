/**
 * The desktop app's export: the save dialog (a stand-in for Electron's), then the leads written to
 * the chosen file as CSV with a byte order mark, progress on the window's bar and the bar removed
 * after; cancelling writes nothing, and a failure leaves no partial file.
 */
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExportSaver, type SaveDialogLike } from '../../src-main/app/export-dialog';
import type { Core } from '../../src-main/core/api';
import type { CoreHandlers } from '#contract';
import { clientFor, openCore, startSim, tempDir } from '../core/helpers';

const dir = tempDir();
let core: Core;

beforeAll(async () => {
  const sim = await startSim({ leads: 1200, seed: 9 });
  core = openCore(dir.db(), clientFor(sim));
  await core.syncOnce('pull');
  await sim.stop();
}, 60_000);
afterAll(async () => {
  await core.close();
  dir.cleanup();
});

function dialogAnswering(filePath: string | null, asked: unknown[] = []): SaveDialogLike {
  return {
    showSaveDialog: async (options) => {
      asked.push(options);
      return filePath === null ? { canceled: true } : { canceled: false, filePath };
    },
  };
}

describe('export:save in the desktop app', () => {
  it('writes the chosen file with progress on the window’s bar', async () => {
    const path = join(dir.dir, 'out.csv');
    const bar: number[] = [];
    const asked: { defaultPath: string }[] = [];
    const save = createExportSaver({
      dialog: dialogAnswering(path, asked),
      window: { setProgressBar: (value) => bar.push(value) },
      handlers: core,
      now: () => Date.UTC(2026, 10, 27),
    });
    const result = await save({
      format: 'csv',
      query: '-status:"Not applicable"',
      sort: 'company',
      name: 'New ones',
    });
    const { ids } = await core['query:ids']({ query: '-status:"Not applicable"', sort: 'company' });
    expect(result).toEqual({ path, count: ids.length });
    expect(asked[0]?.defaultPath).toBe('New-ones-2026-11-27.csv');
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = parse(text, { columns: true, bom: true }) as { id: string }[];
    expect(records.map((record) => Number(record.id))).toEqual(ids);
    // More than one page: the bar moved in steps, reached the end, then went away.
    expect(bar.length).toBeGreaterThan(2);
    expect(bar.slice(0, -1)).toEqual([...bar.slice(0, -1)].sort((a, b) => a - b));
    expect(bar.at(-2)).toBe(1);
    expect(bar.at(-1)).toBe(-1);
  });

  it('writes nothing when the person cancels', async () => {
    const save = createExportSaver({
      dialog: dialogAnswering(null),
      window: { setProgressBar: () => undefined },
      handlers: core,
      now: () => 0,
    });
    expect(await save({ format: 'json', view: 'all' })).toEqual({ path: null, count: 0 });
  });

  it('leaves no partial file when reading fails halfway', async () => {
    const path = join(dir.dir, 'broken.json');
    let calls = 0;
    const failing = {
      ...core,
      'leads:ids': core['leads:ids'],
      'leads:rows': async (input: { ids: number[] }) => {
        if (++calls > 1) throw new Error('disk went away');
        return core['leads:rows'](input);
      },
    } as unknown as CoreHandlers;
    const bar: number[] = [];
    const save = createExportSaver({
      dialog: dialogAnswering(path),
      window: { setProgressBar: (value) => bar.push(value) },
      handlers: failing,
      now: () => 0,
    });
    await expect(save({ format: 'json', view: 'all' })).rejects.toThrow('disk went away');
    expect(existsSync(path)).toBe(false);
    expect(bar.at(-1)).toBe(-1);
  });
});
