// The desktop app itself, through Playwright's Electron driver. Runs only where an Electron binary
// is installed; elsewhere it is reported as not run, with the path that was checked.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary, projectRoot } from '../../scripts/electron-binary.mjs';

const binary = findElectronBinary();

test.skip(!binary.ok, binary.ok ? '' : `No Electron binary on this machine: ${binary.checked} (${binary.reason})`);

test('opens one isolated window on demo data and answers through the preload bridge', async () => {
  const { path: executablePath } = binary as { ok: true; path: string };
  const userData = mkdtempSync(join(tmpdir(), 'lead-triage-electron-'));
  const app = await electron.launch({
    executablePath,
    args: [projectRoot],
    env: { ...process.env, LEAD_TRIAGE_USER_DATA: userData },
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
    expect(globals).toEqual({ bridge: ['invoke', 'on'], process: 'undefined', require: 'undefined' });

    const info = await window.evaluate(() =>
      (window as unknown as { leadTriage: { invoke(n: string, i: unknown): Promise<unknown> } }).leadTriage.invoke('app:info', {}),
    );
    expect(info).toMatchObject({ ok: true, value: { demo: true, host: 'electron', account: null } });

    const refused = await window.evaluate(() =>
      (window as unknown as { leadTriage: { invoke(n: string, i: unknown): Promise<unknown> } }).leadTriage.invoke('shell:exec', {}),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'unknown-command' } });

    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
