/**
 * The demo keeps what the person did: a change and a new lead, sent to the demo's Envoke, are
 * still there after the app restarts, and nothing comes back reverted or "no longer on Envoke".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  startApp,
  statusBar,
  test,
  type TestApp,
} from './support/app';

const details = (page: Page) => page.getByRole('complementary', { name: 'Lead details' });

/** Opens a lead by a word of its company in the search box. */
async function openByCompany(page: Page, company: string, envokeId: string): Promise<void> {
  await press(page, '/');
  await page.keyboard.type(company);
  await expect(leadList(page).locator(`[data-envoke-id="${envokeId}"]`)).toBeVisible();
  await press(page, 'Enter');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', envokeId);
}

test('a change and a new lead in the demo are still there after a restart', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'lead-triage-demo-restart-'));
  let app: TestApp | null = await startApp(150, dir);
  try {
    await openApp(page, app);
    // Sale: Yes on the current lead, as a salesperson closes one.
    const id = await currentEnvokeId(page);
    const company = (await app.envoke.lead(id))?.contact.company ?? '';
    await press(page, '$');
    const sale = page.getByRole('dialog', { name: 'Sale' });
    await expect(sale.getByRole('listbox', { name: 'Sale' })).toBeFocused();
    await press(page, '2', 'Enter');
    await expect(sale).toBeHidden();
    // A new lead, made in the form.
    await press(page, 'Shift+N');
    const form = page.getByRole('dialog', { name: 'New lead' });
    await page.keyboard.type('kept@restart.example');
    await form.getByLabel('Company').fill('Kept After Restart');
    await press(page, 'Enter');
    await expect(form).toBeHidden();
    await expectPending(page, 0, 20_000);
    await expect.poll(async () => (await app!.envoke.lead(id))?.sale).toBe('Yes');
    const created = (await app.envoke.journal()).find((entry) => entry.method === 'POST')!;
    expect(created).toBeDefined();

    await app.stop();
    app = await startApp(150, dir);
    await openApp(page, app);
    // Envoke's side kept both.
    expect((await app.envoke.lead(id))?.sale).toBe('Yes');
    expect((await app.envoke.lead(created.leadId))?.contact.company).toBe('Kept After Restart');

    await openByCompany(page, company, id);
    const pane = details(page);
    await expect(pane.getByRole('region', { name: 'Opportunity and sale' })).toContainText(
      /Sale\s*\$?\s*Yes/,
    );
    await expect(pane).toContainText('In step with Envoke.');
    await expect(pane.getByRole('region', { name: 'Activity' })).not.toContainText('In Envoke');
    await press(page, 'Escape', 'Escape');
    await openByCompany(page, 'Kept After Restart', created.leadId);
    await expect(details(page)).toContainText('In step with Envoke.');
    await expect(details(page)).not.toContainText('no longer on Envoke');
    await expect(statusBar(page)).toContainText(/0 pending\W+0 failed\W+0 conflicts/);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-after-restart.png` });
  } finally {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
