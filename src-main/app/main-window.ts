/**
 * The one app window: opened where it was last, shown when its first paint is ready, its bounds
 * saved when it closes.
 */
import { BrowserWindow, screen } from 'electron';
import type { StoredValue } from './settings-store';
import { restoreBounds } from './window-bounds';
import { buildWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  /** The renderer's page on app:// (see app-protocol.ts). */
  pageUrl: URL;
  bounds: StoredValue;
}

export function openMainWindow({ preloadPath, pageUrl, bounds }: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const window = new BrowserWindow(buildWindowOptions(preloadPath, restoreBounds(bounds.read(), workAreas)));
  window.once('ready-to-show', () => window.show());
  // Normal bounds, not maximized ones: un-maximizing next time returns to the person's size.
  window.on('close', () => bounds.write(window.getNormalBounds()));
  void window.loadURL(pageUrl.href);
  return window;
}
