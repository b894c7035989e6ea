/** Settings stays a keyboard dialog whatever its buttons do: Esc closes it, focus stays inside. */
import { expect } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';
import { startSimulator } from '../../src-main/sim';
import { currentLead, leadList, openApp, press, SCREENSHOTS, statusBar, test } from './support/app';

/** A local port nothing listens on: one just opened and closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('Esc closes Settings after “Test connection”, and focus stayed inside the dialog', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ',');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await page.keyboard.type('my-api-id');
  await press(page, 'Tab');
  await page.keyboard.type('my-api-key');
  await press(page, 'Tab');
  await press(page, 'Control+a');
  // Nothing listens there: the test answers at once, and no request leaves this machine.
  await page.keyboard.type(`http://127.0.0.1:${await closedPort()}`);
  await settings.getByRole('button', { name: 'Test connection' }).focus();
  await press(page, 'Enter');
  // What failed, in words: nothing listens there (not "check the internet connection").
  await expect(settings.getByRole('alert')).toHaveText(
    'Nothing listens at the Envoke address (the connection was refused): check the address',
  );

  // The pressed button kept the keyboard, inside the dialog.
  await expect(settings.locator(':focus')).toHaveCount(1);
  // Typed details are not dropped by one Esc: it asks, and a second Esc drops them.
  await press(page, 'Escape');
  await expect(settings.getByRole('alert').filter({ hasText: 'not saved' })).toHaveText(
    /The account details you typed are not saved\. Esc again drops them\./,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/settings-drop-ask.png` });
  await press(page, 'Escape');
  await expect(settings).toBeHidden();
  await expect(leadList(page)).toBeFocused();

  // Nothing typed: one Esc closes.
  await press(page, ',');
  await expect(settings).toBeVisible();
  await press(page, 'Escape');
  await expect(settings).toBeHidden();
});

test('saving an account says what it is doing, then opens its leads at the top and says views are per account', async ({
  page,
  app,
}) => {
  const envoke = await startSimulator({
    port: 0,
    leads: 450,
    seed: 5,
    apiId: 'acme',
    apiKey: 'k-1',
    latencyMs: 300,
  });
  try {
    await openApp(page, app);
    await press(page, 'j', 'j', ',');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect(settings).toContainText('Each account keeps its own leads, saved views');
    await page.keyboard.type('acme');
    await press(page, 'Tab');
    await page.keyboard.type('k-1');
    await press(page, 'Tab', 'Control+a');
    await page.keyboard.type(envoke.url);
    await press(page, 'Enter');
    await expect(settings.getByRole('status')).toContainText(
      'Checking the API ID and key with Envoke, then opening this account',
    );
    await expect(
      page.getByText(
        /^Switched accounts\. Leads, saved views and unsent changes are kept per account/,
      ),
    ).toBeVisible({ timeout: 20_000 });
    await expect(statusBar(page)).not.toContainText('Demo data');
    await expect(statusBar(page)).toContainText(/(?<!not )synced/, { timeout: 20_000 });
    // Every page of the first download is in (the last may come after "synced"): still the top.
    await expect(currentLead(page)).toHaveAttribute('aria-setsize', '450', { timeout: 20_000 });
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '1');
    await expect(leadList(page).getByRole('option').first()).toHaveAttribute(
      'aria-selected',
      'true',
    );
  } finally {
    await envoke.stop();
  }
});

test('Settings says where the key of the local cache is kept', async ({ page, app }) => {
  await openApp(page, app);
  await press(page, ',');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const cache = settings.getByRole('region', { name: 'Local cache' });
  // The browser host keeps it in a key file beside the database, readable only by this user.
  await expect(cache).toContainText(
    'The cache’s key is stored in a file only you can read, beside the cache (its name ends in .key).',
  );
});
