/**
 * Electron's security checklist applied to everything web in the app: the page may not open
 * windows, navigate away, embed webviews or get any permission (camera, notifications, ...), and
 * every response carries the renderer's Content-Security-Policy. Written against the few methods
 * used, so a test can drive them with fakes.
 */
import { CONTENT_SECURITY_POLICY } from '../shell-kit/csp';

/** The app page itself: its file URL, whatever hash or query it carries. */
export function isAppUrl(url: string, appUrl: URL): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === appUrl.protocol &&
    parsed.host === appUrl.host &&
    parsed.pathname === appUrl.pathname
  );
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export function guardNavigation(contents: WebContentsLike, appUrl: URL): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (event: PreventableEvent, url: string): void => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

type Headers = Record<string, string[]>;

export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Headers },
        callback: (response: { responseHeaders: Headers }) => void,
      ) => void,
    ): void;
  };
}

export function lockDownSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Headers = {};
    // Any CSP a response brings is replaced, whatever the case of its header name.
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}
