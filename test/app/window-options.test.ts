// The window against Electron's security checklist (electronjs.org/docs/latest/tutorial/security),
// as written in the source and as it comes out of the build.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../src-main/app/window-options';
import { DEFAULT_WINDOW_SIZE, restoreBounds } from '../../src-main/app/window-bounds';

const preload = '/opt/lead-triage/out/preload/index.cjs';

describe('window options', () => {
  const { webPreferences = {} } = buildWindowOptions(preload, DEFAULT_WINDOW_SIZE);

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental or insecure features off', () => {
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.experimentalFeatures).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.enableBlinkFeatures).toBeUndefined();
    expect(webPreferences.navigateOnDragDrop).toBe(false);
  });

  it('loads the CommonJS preload by absolute path', () => {
    expect(webPreferences.preload).toBe(preload);
  });

  it('opens where it was last, or at the default size when that is off every screen', () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    const saved = { x: 100, y: 80, width: 1400, height: 900 };
    expect(restoreBounds(saved, [screen])).toEqual(saved);
    expect(buildWindowOptions(preload, restoreBounds(saved, [screen]))).toMatchObject(saved);
    // The monitor it was on is gone.
    expect(restoreBounds({ ...saved, x: 2500 }, [screen])).toEqual(DEFAULT_WINDOW_SIZE);
    // Larger than the screen now: shrunk to fit.
    expect(restoreBounds({ ...saved, width: 3000, height: 2000 }, [screen])).toEqual({ ...saved, width: 1920, height: 1080 });
    expect(restoreBounds({ width: 'wide' }, [screen])).toEqual(DEFAULT_WINDOW_SIZE);
    expect(restoreBounds(undefined, [screen])).toEqual(DEFAULT_WINDOW_SIZE);
  });
});

describe('built bundles (npm run build runs before the tests)', () => {
  const out = (path: string): string => {
    const file = resolve(import.meta.dirname, '../../out', path);
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true);
    return readFileSync(file, 'utf8');
  };

  it('the main bundle creates the window with isolation, sandbox and no Node', () => {
    const main = out('main/index.js');
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
  });

  it('the preload bundle is CommonJS and speaks only on the two bridge channels', () => {
    const preloadBundle = out('preload/index.cjs');
    expect(preloadBundle).toMatch(/require\(["']electron["']\)/);
    expect(preloadBundle).not.toMatch(/^\s*import\s/m);
    expect(preloadBundle).toContain('lead-triage:invoke');
    expect(preloadBundle).toContain('lead-triage:event');
    expect(preloadBundle).toMatch(/exposeInMainWorld\(\s*["']leadTriage["']/);
  });
});
