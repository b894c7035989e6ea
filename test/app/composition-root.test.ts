// The Electron composition root (src-main/index.ts) loaded with `electron` replaced: what it does
// before the app is ready. A second instance quits at once, so nothing after that runs here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const state = {
    isPackaged: false,
    setPath: [] as Array<[string, string]>,
    schemes: [] as unknown[],
    crashOptions: [] as unknown[],
    quit: 0,
    singleInstance: false,
    handlers: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as unknown[],
  };
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    setPath: (name: string, path: string) => void state.setPath.push([name, path]),
    getPath: (name: string) => `/profile/${name}`,
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => state.singleInstance,
    quit: () => void (state.quit += 1),
    on: (event: string, handler: (...args: unknown[]) => void) => {
      state.handlers.set(event, handler);
      return app;
    },
    whenReady: () => new Promise(() => {}),
  };
  return {
    state,
    module: {
      app,
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => void state.schemes.push(...schemes),
      },
      crashReporter: { start: (options: unknown) => void state.crashOptions.push(options) },
      BrowserWindow: { getAllWindows: () => state.windows },
      dialog: {},
      ipcMain: {},
      Menu: {},
      net: {},
      Notification: {},
      powerMonitor: {},
      safeStorage: {},
      session: {},
      shell: {},
    },
  };
});

vi.mock('electron', () => ({ default: electron.module, ...electron.module }));
vi.mock('electron-log/main', () => ({
  default: {
    transports: { file: {} },
    hooks: [],
    errorHandler: { startCatching: () => {} },
    info: () => {},
    warn: () => {},
    error: () => {},
  },
}));
vi.mock('electron-updater', () => ({ default: { autoUpdater: {} } }));

const saved = { ...process.env };
beforeEach(() => {
  vi.resetModules();
  Object.assign(electron.state, {
    setPath: [],
    schemes: [],
    crashOptions: [],
    quit: 0,
    singleInstance: false,
    handlers: new Map(),
    windows: [],
  });
  process.env.LEAD_TRIAGE_USER_DATA = '/tmp/throwaway-profile';
  process.env.LEAD_TRIAGE_SQLITE_BINDING = '/tmp/any.node';
});
afterEach(() => {
  process.env = { ...saved };
});

describe('the desktop app before it is ready', () => {
  it('in development: uses the throwaway profile, registers app:// as privileged, keeps crash dumps local', async () => {
    electron.state.isPackaged = false;
    await import('../../src-main/index');
    expect(electron.state.setPath).toEqual([['userData', '/tmp/throwaway-profile']]);
    expect(electron.state.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(electron.state.crashOptions).toEqual([
      expect.objectContaining({ uploadToServer: false }),
    ]);
    // Another instance holds the lock: this one leaves.
    expect(electron.state.quit).toBe(1);
  });

  it('installed: ignores the development profile folder', async () => {
    electron.state.isPackaged = true;
    await import('../../src-main/index');
    expect(electron.state.setPath).toEqual([]);
    expect(electron.state.schemes).toHaveLength(1);
  });

  it('the first instance holds the lock: a second launch brings its window forward', async () => {
    electron.state.singleInstance = true;
    await import('../../src-main/index');
    expect(electron.state.quit).toBe(0);
    const calls: string[] = [];
    electron.state.windows = [
      {
        isMinimized: () => true,
        restore: () => calls.push('restore'),
        focus: () => calls.push('focus'),
      },
    ];
    electron.state.handlers.get('second-instance')?.();
    expect(calls).toEqual(['restore', 'focus']);
  });
});
