/**
 * "Restart to update" in the status bar, in Chromium. The desktop app's preload bridge is played
 * by a small stand-in that passes every command and event to the real browser host (as the
 * preload passes them to the main process) and lets the test deliver the one event only the
 * desktop app sends: an update was downloaded. The host then answers the restart command as the
 * browser host does, with its sentence, which the page shows.
 */
import { expect } from '@playwright/test';
import { leadList, statusBar, test } from './support/app';

/** Runs in the page before its scripts: the stand-in for the desktop app's preload bridge. */
const DESKTOP_BRIDGE = `
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const listeners = new Map();
  let source = null;
  const deliver = (event, payload) => {
    for (const callback of listeners.get(event) || []) callback(payload);
  };
  window.deliverDesktopEvent = deliver;
  window.leadTriage = {
    async invoke(name, input) {
      const response = await fetch('/api/invoke/' + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lead-triage-token': token },
        body: JSON.stringify(input || {}),
      });
      return response.json();
    },
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
      source = source || new EventSource('/api/events');
      source.addEventListener(event, (message) => deliver(event, JSON.parse(message.data)));
      return () => listeners.get(event).delete(callback);
    },
  };
})();
`;

test('an update downloaded in the background shows "Restart to update", which asks the app to restart', async ({
  page,
  app,
}) => {
  await page.addInitScript({ content: DESKTOP_BRIDGE });
  await page.goto(app.url);
  await expect(leadList(page).getByRole('option').first()).toBeVisible();
  await expect(statusBar(page)).toContainText(/synced/, { timeout: 20_000 });
  const restart = page.getByRole('button', { name: 'Restart to update' });
  await expect(restart).toHaveCount(0);

  await page.evaluate("window.deliverDesktopEvent('app:update', { version: '0.2.0' })");
  await expect(restart).toBeVisible();
  await expect(restart).toHaveAttribute('title', 'Version 0.2.0 is downloaded');

  await restart.click();
  // The browser host has nothing to install; the desktop app would ask first (see auto-update.ts).
  await expect(page.getByRole('alert')).toContainText('Updates are installed by the desktop app.');
});
