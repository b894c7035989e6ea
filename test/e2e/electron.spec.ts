// The desktop app itself, through Playwright's Electron driver, started as `npm start` starts it
// (scripts/electron-launch.mjs: the Electron binary, and SQLite built for Electron's ABI). Runs
// only where an Electron binary is installed; elsewhere it is reported as not run, saying why.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';
import { electronLaunch } from '../../scripts/electron-launch.mjs';

const binary = findElectronBinary();
// Only where there is a binary: preparing SQLite for Electron builds it (once).
const launch = binary.ok ? electronLaunch(binary) : null;

test.skip(
  !binary.ok,
  binary.ok ? '' : `No Electron binary on this machine: ${binary.checked} (${binary.reason})`,
);

test.beforeAll(() => {
  if (launch && !launch.ok) throw new Error(launch.reason);
  // The main and preload bundles as npm start builds them (the renderer is built in global setup).
  const build = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0)
    throw new Error(`electron-vite build failed:\n${build.stdout}${build.stderr}`);
});

test('opens one isolated window on demo data and answers through the preload bridge', async () => {
  const { path: executablePath, env } = launch as {
    ok: true;
    path: string;
    env: Record<string, string>;
  };
  const userData = mkdtempSync(join(tmpdir(), 'lead-triage-electron-'));
  const app = await electron.launch({
    executablePath,
    args: [projectRoot],
    env: { ...env, LEAD_TRIAGE_USER_DATA: userData },
  });
  try {
    const window = await app.firstWindow();
    await expect(window).toHaveTitle('Lead Triage');

    // The page sees the bridge and nothing of Node or Electron.
    const globals = await window.evaluate(() => ({
      bridge: Object.keys((window as unknown as { leadTriage: object }).leadTriage).sort(),
      process: typeof (window as unknown as { process?: unknown }).process,
      require: typeof (window as unknown as { require?: unknown }).require,
    }));
    expect(globals).toEqual({
      bridge: ['invoke', 'on'],
      process: 'undefined',
      require: 'undefined',
    });

    const info = await window.evaluate(() =>
      (
        window as unknown as { leadTriage: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).leadTriage.invoke('app:info', {}),
    );
    expect(info).toMatchObject({
      ok: true,
      value: { demo: true, host: 'electron', account: null },
    });

    const refused = await window.evaluate(() =>
      (
        window as unknown as { leadTriage: { invoke(n: string, i: unknown): Promise<unknown> } }
      ).leadTriage.invoke('shell:exec', {}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-command' } });

    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
