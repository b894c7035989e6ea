/**
 * The window opens in steps (React, the contract's schemas, then the window), each a script chunk
 * beside the page: all from the page's own origin, allowed by its Content-Security-Policy, and a
 * chunk that cannot load leaves a sentence on the page instead of a blank window.
 */
import { expect } from '@playwright/test';
import { openApp, test } from './support/app';

test('the window opens from script chunks of its own origin, none refused by the page’s policy', async ({
  page,
  app,
}) => {
  const scripts: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') refused.push(message.text());
  });
  await openApp(page, app);
  const origin = new URL(app.url).origin;
  expect(scripts.length).toBeGreaterThan(1);
  for (const url of scripts) expect(url.startsWith(`${origin}/assets/`)).toBe(true);
  expect(refused.filter((text) => /Content.Security.Policy/i.test(text))).toEqual([]);
});

test('a part of the window that cannot load leaves a sentence, not a blank page', async ({
  page,
  app,
}) => {
  await page.route(/\/assets\/boot-[^/]*\.js$/, (route) => route.abort('connectionrefused'));
  await page.goto(app.url);
  await expect(page.locator('#root')).toContainText(
    /^Lead Triage could not load its window \(.+\)\. Reload the window to try again\.$/,
  );
});
