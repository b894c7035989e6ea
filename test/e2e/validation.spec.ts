/** Forms say what is wrong in a person's words, show length limits as the person types, never cut. */
import { expect, type Page } from '@playwright/test';
import { currentLead, openApp, press, test } from './support/app';

const INTERNAL_NAME = /baseUrl|apiId|apiKey|contact\.email|firstName|patch\./;
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

test('new-lead form: empty and mistyped emails get their own sentences; limits count, never cut; an internationalised address is accepted', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, 'Shift+N');
  const form = dialog(page, 'New lead');
  const alert = form.getByRole('alert');

  await press(page, 'Enter');
  await expect(alert).toHaveText('Enter the contact’s email address.');
  await page.keyboard.type('ann.example.com');
  await press(page, 'Enter');
  await expect(alert).toHaveText(
    '“ann.example.com” is not an email address: it needs a name, an @ and a domain, such as ann@example.com.',
  );

  await press(page, 'Control+a');
  await page.keyboard.type('zoë.ñandú@exämple.com');
  await press(page, 'Tab');
  const firstName = form.getByRole('textbox', { name: 'First name' });
  await expect(firstName).toBeFocused();
  const long = 'Maximiliana-Josephine Q';
  await page.keyboard.type(long);
  // Every character typed is kept; the counter says how far past the limit the name is.
  await expect(firstName).toHaveValue(long);
  await expect(form.getByText('23/20 · 3 too many')).toBeVisible();
  await press(page, 'Enter');
  await expect(alert).toHaveText('First name is limited to 20 characters.');
  await expect(alert).not.toContainText(INTERNAL_NAME);

  await press(page, 'Control+a');
  await page.keyboard.type('Zoë');
  await expect(form.getByText('3/20', { exact: true })).toBeVisible();
  await press(page, 'Enter');
  await expect(form).toBeHidden();
  await expect(currentLead(page)).toContainText('Zoë');
  await expect(page.getByRole('complementary').or(page.locator('.detail-pane'))).toContainText(
    'zoë.ñandú@exämple.com',
  );
});

test('account settings: problems are named by the labels on screen, not by internal names', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ',');
  const settings = dialog(page, 'Settings');
  await settings.getByRole('textbox', { name: 'Envoke address' }).fill('htp:/bad');
  await settings.getByRole('button', { name: 'Test connection' }).click();
  const alert = settings.getByRole('alert');
  await expect(alert).toHaveText(
    'Enter the Envoke address as a web address, such as https://e1.envoke.com. Enter the API ID. Enter the API key.',
  );
  await expect(alert).not.toContainText(INTERNAL_NAME);
});

test('account settings: plain http to another computer is refused, saying why the key must not travel in clear', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ',');
  const settings = dialog(page, 'Settings');
  await settings.getByRole('textbox', { name: 'API ID' }).fill('acme-sales');
  await settings.getByLabel('API key').fill('sk_live_1234');
  await settings.getByRole('textbox', { name: 'Envoke address' }).fill('http://envoke.invalid');
  await settings.getByRole('button', { name: 'Save and use this account' }).click();
  await expect(settings.getByRole('alert')).toHaveText(
    'Use an https:// address for envoke.invalid: Lead Triage sends the API key with every request, and over plain http:// anyone on the network between this computer and Envoke could read it. Plain http:// is only for this computer itself, as with the simulator.',
  );
  // Nothing changed: still on demo data.
  await expect(settings.getByText('You are looking at demo data', { exact: false })).toBeVisible();
});
