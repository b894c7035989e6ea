/** "Start demo afresh" in the desktop app's File menu: asked first, then the demo's files go. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoAfresh, type FreshDemoDeps } from '../../src-main/app/fresh-demo';
import { buildMenuTemplate } from '../../src-main/app/menu';
import { demoEnvokeStatePath } from '../../src-main/shell-kit/demo-files';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A demo database, its -wal and its Envoke's state, in a folder of their own. */
function demoFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fresh-demo-'));
  dirs.push(dir);
  const demoPath = join(dir, 'demo.db');
  for (const path of [demoPath, `${demoPath}-wal`, demoEnvokeStatePath(demoPath)])
    writeFileSync(path, 'x');
  return demoPath;
}

function deps(demoPath: string, answer: boolean, demo: boolean) {
  const calls: string[] = [];
  const asked: string[] = [];
  const fake: FreshDemoDeps = {
    demoPath,
    showingDemo: async () => demo,
    confirm: async ({ message, detail }) => {
      asked.push(`${message} ${detail}`);
      return answer;
    },
    reopenDemo: async (discard) => {
      calls.push('close');
      discard();
      calls.push('open');
    },
    reload: () => calls.push('reload'),
  };
  return { fake, calls, asked };
}

const gone = (demoPath: string) =>
  [demoPath, `${demoPath}-wal`, demoEnvokeStatePath(demoPath)].every((path) => !existsSync(path));

describe('start demo afresh', () => {
  it('asks, then closes the demo, discards its cache and its Envoke, opens it and redraws', async () => {
    const demoPath = demoFiles();
    const { fake, calls, asked } = deps(demoPath, true, true);
    expect(await startDemoAfresh(fake)).toBe(true);
    expect(asked[0]).toMatch(
      /^Start the demo afresh\? Everything done in the demo data is discarded/,
    );
    expect(calls).toEqual(['close', 'open', 'reload']);
    expect(gone(demoPath)).toBe(true);
  });

  it('does nothing when the person says no', async () => {
    const demoPath = demoFiles();
    const { fake, calls } = deps(demoPath, false, true);
    expect(await startDemoAfresh(fake)).toBe(false);
    expect(calls).toEqual([]);
    expect(existsSync(demoEnvokeStatePath(demoPath))).toBe(true);
  });

  it('on an account, discards only the demo files and leaves the open account alone', async () => {
    const demoPath = demoFiles();
    const { fake, calls, asked } = deps(demoPath, true, false);
    expect(await startDemoAfresh(fake)).toBe(true);
    expect(asked[0]).toMatch(/Your Envoke account is not touched/);
    expect(calls).toEqual([]);
    expect(gone(demoPath)).toBe(true);
  });

  it('is an item of the File menu', () => {
    let started = 0;
    for (const platform of ['darwin', 'linux'] as const) {
      const file = buildMenuTemplate({
        platform,
        development: false,
        onAction: () => {},
        onFreshDemo: () => (started += 1),
      }).find((menu) => menu.role === 'fileMenu');
      const item = (file?.submenu as MenuItemConstructorOptions[]).find((entry) =>
        /demo afresh/i.test(entry.label ?? ''),
      );
      item?.click?.({} as never, undefined, {} as never);
    }
    expect(started).toBe(2);
  });
});
