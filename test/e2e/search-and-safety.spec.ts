/** Search as you type, and lead data shown as text whatever it holds. */
import { expect } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  statusBar,
  test,
} from './support/app';

const HOSTILE = '<img src=x onerror=alert(1)>';

test('a company that looks like HTML is shown as text and runs nothing', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page, app);
  const lead = await app.envoke.insert({
    contact: { email: 'mallory@hostile.example', first_name: 'Mallory', company: HOSTILE },
    marketing_rating_status: 'Unprocessed',
  });

  // Fetch the new lead now, then find it by its company.
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Online', { timeout: 20_000 });
  await press(page, '/');
  await page.keyboard.type('onerror');
  const row = leadList(page).locator(`[data-envoke-id="${lead.id}"]`);
  await expect(row).toContainText(HOSTILE);
  await press(page, 'Enter');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', lead.id);
  await expect(
    page.getByRole('complementary', { name: 'Lead details' }).getByRole('heading', { level: 2 }),
  ).toContainText(HOSTILE);

  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('search finds a lead by company as the person types, and Escape clears it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const options = leadList(page).getByRole('option');
  // A full list fills the screen with rows.
  await expect.poll(() => options.count()).toBeGreaterThan(15);
  // A lead deep in the list, so the match is not simply the first row.
  await press(page, 'End');
  const id = await currentEnvokeId(page);
  const company = (await app.envoke.lead(id))?.contact.company ?? '';
  expect(company).not.toBe('');

  await press(page, 'Home', '/');
  await page.keyboard.type(company, { delay: 20 });
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toBeVisible();
  await expect.poll(() => options.count()).toBeLessThan(10);
  for (const text of await options.allTextContents()) expect(text).toContain(company);

  // The letters typed into the search box (h, w, c, s, m ...) never acted on a lead.
  await expect(page.getByRole('searchbox', { name: 'Search leads' })).toHaveValue(company);
  await expect(leadList(page).locator('[data-sync=pending]')).toHaveCount(0);
  await expectPending(page, 0);
  expect(await app.envoke.journal()).toEqual([]);

  await press(page, 'Escape');
  await expect(page.getByRole('searchbox', { name: 'Search leads' })).toHaveValue('');
  await expect.poll(() => options.count()).toBeGreaterThan(15);
});

test('a lead just passed to sales is found from "Marketing: new" through the offer of other matches', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  const id = await currentEnvokeId(page);
  const email = (await app.envoke.lead(id))?.contact.email ?? '';
  expect(email).not.toBe('');

  // Passed to sales: the lead leaves "Marketing: new" as the person moves on.
  await press(page, 'm', '3', 'Space');
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveCount(0);

  await press(page, '/');
  await page.keyboard.type(email);
  const offer = page.locator('.search-offer');
  await expect(page.getByText(`No lead in Marketing: new matches “${email}”.`)).toBeVisible();
  await expect(offer).toContainText('1 in All leads · Enter to show');
  await page.screenshot({ path: `${SCREENSHOTS}/search-offer-none-here.png` });

  await press(page, 'Enter');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: All leads');
  await expect(page.getByRole('searchbox', { name: 'Search leads' })).toHaveValue(email);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
  await expect(offer).toHaveCount(0);
});

test('matches in the view come first, and the others are offered beside them', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  const id = await currentEnvokeId(page);
  const company = (await app.envoke.lead(id))?.contact.company ?? '';
  const first = company.split(/\s+/)[0] ?? '';
  expect(first).not.toBe('');

  await press(page, '/');
  await page.keyboard.type(first);
  const offer = page.locator('.search-offer');
  await expect(offer).toContainText(/\d+ more in All leads · Shift\+Enter to show/);
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toBeVisible();
  const here = await leadList(page).getByRole('option').count();
  const more = Number((await offer.textContent())?.match(/(\d+) more/)?.[1]);
  await page.screenshot({ path: `${SCREENSHOTS}/search-offer-more.png` });

  // Plain Enter goes to the view's own matches; Shift+Enter shows all of them.
  await press(page, 'Enter');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await press(page, '/', 'Shift+Enter');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: All leads');
  await expect.poll(() => leadList(page).getByRole('option').count()).toBe(here + more);
});
