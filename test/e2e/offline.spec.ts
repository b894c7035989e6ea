/**
 * Offline work: with Envoke unreachable the person keeps triaging, a reload loses nothing, and when
 * Envoke is back every change arrives exactly once.
 */
import { expect } from '@playwright/test';
import {
  currentEnvokeId,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  startApp,
  statusBar,
  test,
  writesTo,
} from './support/app';

test('changes made offline survive a reload and reach Envoke once when it is back', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await app.envoke.setOffline(true);

  const changed = new Map<string, string>();
  for (let i = 0; i < 5; i++) {
    const id = await currentEnvokeId(page);
    const current = (await app.envoke.lead(id))?.marketing_rating_status;
    const [key, status] = current === 'Deferred' ? ['5', 'Lead updated'] : ['4', 'Deferred'];
    await press(page, 'm', key, 'Space');
    changed.set(id, status);
  }
  await expectPending(page, 5);
  await expect(statusBar(page)).toContainText('Offline', { timeout: 20_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/offline-pending.png` });

  // Back to the page without the token in the address: the tab's session still holds it.
  await page.goto(new URL('/', app.url).toString());
  await expect(leadList(page).getByRole('option').first()).toBeVisible();
  await expectPending(page, 5);
  for (const id of changed.keys()) {
    await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveAttribute(
      'data-sync',
      'pending',
    );
  }
  for (const id of changed.keys()) expect(await writesTo(app, id)).toEqual([]);

  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expectPending(page, 0, 20_000);
  await expect(statusBar(page)).toContainText('Online');
  for (const [id, status] of changed) {
    const writes = await writesTo(app, id);
    expect(writes, `writes to lead ${id}`).toHaveLength(1);
    expect(writes[0]?.body).toEqual({ marketing_rating_status: status });
    expect((await app.envoke.lead(id))?.marketing_rating_status).toBe(status);
    await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveAttribute(
      'data-sync',
      'synced',
    );
  }
});

test('the status bar never says Online while the computer is offline or Lead Triage is not answering', async ({
  page,
}) => {
  const app = await startApp();
  try {
    await openApp(page, app);
    await page.context().setOffline(true);
    await expect(statusBar(page)).not.toContainText('Online');
    await expect(statusBar(page)).toContainText(/Offline|not answering/);
    await page.screenshot({ path: `${SCREENSHOTS}/status-offline.png` });
    await page.context().setOffline(false);
    await expect(statusBar(page)).toContainText(/^Online\W/, { timeout: 20_000 });

    // Lead Triage itself stops: the window says so instead of its last word from the core.
    await app.stop();
    await expect(statusBar(page)).toContainText('Lead Triage is not answering', {
      timeout: 20_000,
    });
    await expect(statusBar(page)).not.toContainText('Online');
  } finally {
    await app.stop().catch(() => undefined);
  }
});
