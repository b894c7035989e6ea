// The desktop app's log file and crash reports, with electron-log replaced by a stand-in that
// keeps what the app configures (electron-log's main entry needs a running Electron).
import { describe, expect, it, vi } from 'vitest';

const fakeLog = vi.hoisted(() => {
  type Message = { data: unknown[]; level: string };
  const written: Message[] = [];
  const hooks: Array<(message: Message) => Message> = [];
  const write =
    (level: string) =>
    (...data: unknown[]) => {
      let message: Message = { data, level };
      for (const hook of hooks) message = hook(message);
      written.push(message);
    };
  return {
    written,
    hooks,
    transports: { file: { resolvePathFn: null as null | (() => string), maxSize: 1024 * 1024 } },
    errorHandler: { startCatching: vi.fn() },
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
});
vi.mock('electron-log/main', () => ({ default: fakeLog }));

const { openAppLog, LOG_FILE_MAX_BYTES } = await import('../../src-main/app/app-log');
const { startCrashReports } = await import('../../src-main/app/crash-reports');
const { buildMenuTemplate } = await import('../../src-main/app/menu');
const { createRedactor } = await import('../../src-main/shell-kit/log-redaction');

describe('the app log', () => {
  it('writes a rotating main.log in the logs folder, redacted, and catches uncaught errors', () => {
    const redact = createRedactor(['sk_live_9f8e7d6c5b4a']);
    const logger = openAppLog({ getPath: () => '/home/ana/.config/Lead Triage/logs' }, redact);
    expect(fakeLog.transports.file.resolvePathFn?.()).toBe(
      '/home/ana/.config/Lead Triage/logs/main.log',
    );
    expect(fakeLog.transports.file.maxSize).toBe(LOG_FILE_MAX_BYTES);
    expect(fakeLog.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });

    logger.warn('Envoke refused key sk_live_9f8e7d6c5b4a', {
      leadId: 4,
      email: 'ana@borealis.example',
    });
    // Lines written to electron-log directly (its error handler, other modules) pass the same hook.
    fakeLog.error('crash near bo@borealis.example');
    expect(fakeLog.written).toEqual([
      {
        level: 'warn',
        data: ['Envoke refused key [redacted]', { leadId: 4, email: '[lead data]' }],
      },
      { level: 'error', data: ['crash near [email]'] },
    ]);
  });
});

describe('crash reports', () => {
  it('stay on the computer unless a crash server was configured at build time', () => {
    const start = vi.fn();
    expect(startCrashReports({ start }, '')).toEqual({ uploading: false });
    expect(start).toHaveBeenLastCalledWith(
      expect.objectContaining({ uploadToServer: false, submitURL: '' }),
    );
    startCrashReports({ start }, 'http://crashes.example.com');
    expect(start).toHaveBeenLastCalledWith(expect.objectContaining({ uploadToServer: false }));
    expect(startCrashReports({ start }, 'https://crashes.example.com/submit')).toEqual({
      uploading: true,
    });
    expect(start).toHaveBeenLastCalledWith(
      expect.objectContaining({
        uploadToServer: true,
        submitURL: 'https://crashes.example.com/submit',
      }),
    );
  });
});

describe('Help menu', () => {
  it('has "Show logs folder", which opens it', () => {
    const onShowLogs = vi.fn();
    for (const platform of ['darwin', 'linux'] as const) {
      const help = buildMenuTemplate({
        platform,
        development: false,
        onAction: () => {},
        onShowLogs,
      }).find((menu) => menu.role === 'help');
      const items = help?.submenu as Array<{ label?: string; click?: () => void }>;
      const show = items.find((entry) => entry.label?.toLowerCase() === 'show logs folder');
      expect(show).toBeDefined();
      show?.click?.();
    }
    expect(onShowLogs).toHaveBeenCalledTimes(2);
  });
});
