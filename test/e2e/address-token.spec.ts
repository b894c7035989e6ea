/**
 * Issue 8, point 6: the browser host's token leaves the address bar (and so the browser's
 * history) once the page has its cookie; a reload still works; an old or missing token gets a
 * page saying which address to open instead of a bare "Forbidden".
 */
import { expect } from '@playwright/test';
import { leadList, openApp, statusBar, test } from './support/app';

test('the token leaves the address bar, and a reload still works', async ({ page, app }) => {
  expect(app.url).toContain('?token=');
  await openApp(page, app);
  expect(page.url()).not.toContain('token');
  expect(new URL(page.url()).pathname).toBe('/');

  await page.reload();
  await expect(leadList(page).getByRole('option').first()).toBeVisible();
  await expect(statusBar(page)).toContainText(/^Online/);
  expect(page.url()).not.toContain('token');
  // Commands still carry the token after the reload: a change is taken and reaches Envoke.
  // (Warm, then Cold: whatever the lead's rating was, one of them changes it.)
  await page.keyboard.type('mw');
  await page.keyboard.type('mc');
  await expect.poll(async () => (await app.envoke.journal()).length).toBeGreaterThan(0);
});

test('an old or missing token gets a page that says which address to open', async ({
  browser,
  app,
}) => {
  const origin = new URL(app.url).origin;
  // A fresh browser profile: no cookie from an earlier visit.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    for (const address of [`${origin}/?token=from-an-earlier-run`, `${origin}/`]) {
      const response = await page.goto(address);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'This address is out of date',
      );
      await expect(page.getByRole('main')).toContainText(
        'Open the URL printed by npm start (or npm run start:browser) in the terminal',
      );
    }
  } finally {
    await context.close();
  }
});

test('a second tab opened from the address bar of a live run works as the first does', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const second = await page.context().newPage();
  await second.goto(new URL('/', app.url).toString());
  await expect(leadList(second).getByRole('option').first()).toBeVisible();
  await expect(statusBar(second)).toContainText(/^Online\W/, { timeout: 20_000 });
  await expect(second.locator('.toast')).toHaveCount(0);
  await expect(second.getByText(/earlier run/)).toHaveCount(0);

  // A key in the second tab reaches Envoke, and the first tab shows the change.
  const row = leadList(second).locator('[role=option][aria-selected=true]');
  const id = (await row.getAttribute('data-envoke-id')) ?? '';
  const before = (await app.envoke.lead(id))?.marketing_rating_status;
  const [key, status] = before === 'Deferred' ? ['5', 'Lead updated'] : ['4', 'Deferred'];
  await second.keyboard.press(key);
  await expect
    .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status, { timeout: 20_000 })
    .toBe(status);
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toContainText(status);
  await second.close();
});
