/**
 * The application menu: the platform's standard roles plus the app's own commands, which are
 * sent to the window as `app:menu` events so the renderer runs them like their keyboard
 * shortcuts. Accelerators all carry a modifier (or are function keys): a bare letter here would
 * fire while the person types in a text field.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { EventPayload } from '#contract';

export type MenuAction = EventPayload<'app:menu'>['action'];

export const MENU_ACCELERATORS: Readonly<Record<MenuAction, string>> = {
  'sync-now': 'CmdOrCtrl+Shift+S',
  preferences: 'CmdOrCtrl+,',
  shortcuts: 'CmdOrCtrl+/',
  help: 'F1',
};

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and developer tools only while developing. */
  development: boolean;
  onAction(action: MenuAction): void;
  /** Opens the logs folder (Help menu), so a person can send the log with a report. */
  onShowLogs?: () => void;
  /** Starts the demo afresh (File menu), after asking. */
  onFreshDemo?: () => void;
}

export function buildMenuTemplate({
  platform,
  development,
  onAction,
  onShowLogs,
  onFreshDemo,
}: MenuOptions): MenuItemConstructorOptions[] {
  const item = (label: string, action: MenuAction): MenuItemConstructorOptions => ({
    label,
    accelerator: MENU_ACCELERATORS[action],
    click: () => onAction(action),
  });
  const mac = platform === 'darwin';
  const preferences = item(mac ? 'Settings…' : 'Preferences…', 'preferences');

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          role: 'appMenu',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            preferences,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const freshDemo: MenuItemConstructorOptions[] = onFreshDemo
    ? [{ label: mac ? 'Start Demo Afresh…' : 'Start demo afresh…', click: () => onFreshDemo() }]
    : [];
  const file: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: mac
      ? [item('Sync Now', 'sync-now'), ...freshDemo, { type: 'separator' }, { role: 'close' }]
      : [
          item('Sync now', 'sync-now'),
          ...freshDemo,
          { type: 'separator' },
          preferences,
          { type: 'separator' },
          { role: 'quit' },
        ],
  };
  const view: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      ...(development
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      item('Keyboard Shortcuts', 'shortcuts'),
      item('Lead Triage Help', 'help'),
      ...(onShowLogs
        ? ([
            { type: 'separator' },
            { label: mac ? 'Show Logs Folder' : 'Show logs folder', click: () => onShowLogs() },
          ] as MenuItemConstructorOptions[])
        : []),
    ],
  };
  return [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}
