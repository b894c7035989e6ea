/** Settings stays a keyboard dialog whatever its buttons do: Esc closes it, focus stays inside. */
import { expect } from '@playwright/test';
import { leadList, openApp, press, test } from './support/app';

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
  await page.keyboard.type('http://127.0.0.1:9');
  await settings.getByRole('button', { name: 'Test connection' }).focus();
  await press(page, 'Enter');
  await expect(settings.getByRole('alert')).toBeVisible();

  // The pressed button kept the keyboard, inside the dialog.
  await expect(settings.locator(':focus')).toHaveCount(1);
  await press(page, 'Escape');
  await expect(settings).toBeHidden();
  await expect(leadList(page)).toBeFocused();
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
