// The small pieces of the desktop shell that decide behaviour: menu, navigation and permission
// guards, and the network watch, driven through the few Electron methods they use.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, MENU_ACCELERATORS, type MenuAction } from '../../src-main/app/menu';
import { watchNetwork } from '../../src-main/app/network-watch';
import {
  guardNavigation,
  isAppUrl,
  lockDownSession,
  type WebContentsLike,
} from '../../src-main/app/web-security';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shell-kit/csp';
import type { Clock } from '../../src-main/core/api';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'on %s offers every app command once, with its accelerator',
    (platform) => {
      const sent: MenuAction[] = [];
      const items = flatten(
        buildMenuTemplate({
          platform,
          development: false,
          onAction: (action) => sent.push(action),
        }),
      );
      const commands = items.filter((item) => item.click !== undefined);
      expect(commands.map((item) => item.accelerator).sort()).toEqual(
        Object.values(MENU_ACCELERATORS).sort(),
      );
      for (const item of commands) item.click?.({} as never, undefined, {} as never);
      expect(sent.sort()).toEqual(['help', 'preferences', 'shortcuts', 'sync-now']);
      const roles = items.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(
        expect.arrayContaining([
          'editMenu',
          'windowMenu',
          platform === 'darwin' ? 'appMenu' : 'fileMenu',
        ]),
      );
      expect(roles).not.toContain('toggleDevTools');
    },
  );

  it('never binds a bare key that would fire while typing', () => {
    for (const accelerator of Object.values(MENU_ACCELERATORS)) {
      expect(accelerator).toMatch(/^(CmdOrCtrl\+|F\d+$)/);
    }
  });

  it('adds reload and developer tools only while developing', () => {
    const roles = flatten(
      buildMenuTemplate({ platform: 'linux', development: true, onAction: () => {} }),
    ).map((item) => item.role);
    expect(roles).toContain('toggleDevTools');
    expect(roles).toContain('reload');
  });
});

describe('navigation and permission guards', () => {
  const appUrl = new URL('file:///opt/lead-triage/out/renderer/index.html');

  it('recognises the app page with a hash or query, and nothing else', () => {
    expect(isAppUrl(`${appUrl.href}#/conflicts`, appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl.href}?x=1`, appUrl)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', appUrl)).toBe(false);
    expect(isAppUrl('https://opt/lead-triage/out/renderer/index.html', appUrl)).toBe(false);
    expect(isAppUrl('not a url', appUrl)).toBe(false);
  });

  it('denies new windows, navigation away and webviews', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) =>
        listeners.set(event, listener),
    };
    guardNavigation(contents as WebContentsLike, appUrl);
    expect(openHandler?.()).toEqual({ action: 'deny' });
    const attempt = (event: string, url?: string): boolean => {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(attempt('will-redirect', 'file:///tmp/x.html')).toBe(true);
    expect(attempt('will-navigate', `${appUrl.href}#/outbox`)).toBe(false);
    expect(attempt('will-attach-webview')).toBe(true);
  });

  it('denies every permission and puts the app CSP on every response', () => {
    let request:
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void)
      | undefined;
    let check: (() => boolean) | undefined;
    let headers:
      | ((
          details: { responseHeaders?: Record<string, string[]> },
          callback: (r: { responseHeaders: Record<string, string[]> }) => void,
        ) => void)
      | undefined;
    lockDownSession({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
      webRequest: { onHeadersReceived: (listener) => (headers = listener) },
    });
    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      request?.({}, permission, (answer) => granted.push(answer));
    }
    expect(granted).toEqual([false, false, false, false]);
    expect(check?.()).toBe(false);

    let answered: Record<string, string[]> = {};
    headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      ({ responseHeaders }) => (answered = responseHeaders),
    );
    expect(answered).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('network watch', () => {
  function fakeClock() {
    let now = 0;
    const timers = new Map<number, { at: number; run: () => void }>();
    let next = 1;
    const clock: Clock = {
      now: () => now,
      setTimeout: (run, ms) => {
        timers.set(next, { at: now + ms, run });
        return next++;
      },
      clearTimeout: (handle) => timers.delete(handle as number),
    };
    const advance = (ms: number): void => {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    };
    return { clock, advance, pending: () => timers.size };
  }

  it('reports a change of connectivity once, and a wake from sleep always', () => {
    const { clock, advance, pending } = fakeClock();
    let online = false;
    let resume: (() => void) | undefined;
    const notified: boolean[] = [];
    const stop = watchNetwork({
      isOnline: () => online,
      onResume: (listener) => {
        resume = listener;
        return () => (resume = undefined);
      },
      notify: (value) => notified.push(value),
      clock,
      pollMs: 1000,
    });
    advance(3000);
    expect(notified).toEqual([]);
    online = true;
    advance(1000);
    expect(notified).toEqual([true]);
    advance(5000);
    expect(notified).toEqual([true]);
    online = false;
    advance(1000);
    expect(notified).toEqual([true, false]);
    online = true;
    resume?.();
    expect(notified).toEqual([true, false, true]);

    stop();
    expect(pending()).toBe(0);
    expect(resume).toBeUndefined();
  });
});
