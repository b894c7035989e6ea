/**
 * The app window's options, held against Electron's security checklist: the page runs sandboxed
 * with context isolation and no Node, and can reach the main process only through the preload's
 * allowlisted bridge. A pure function so a test can check it without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowBounds } from './window-bounds';

export const WINDOW_TITLE = 'Lead Triage';

export function buildWindowOptions(preloadPath: string, bounds: WindowBounds): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 560,
    title: WINDOW_TITLE,
    // Shown once the first paint is ready, so it never flashes an empty frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
