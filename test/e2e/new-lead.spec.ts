/**
 * Issue 8, point 9 in the app: the new-lead form takes Envoke's rule rating beside the contact
 * fields, and both reach Envoke as typed.
 */
import { expect } from '@playwright/test';
import { currentLead, openApp, press, test } from './support/app';

test('a lead made in the form reaches Envoke with its rule rating and a UTF-8 name', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, 'Shift+N');
  const form = page.getByRole('dialog', { name: 'New lead' });
  await page.keyboard.type('zoe@new-contact.example');
  await press(page, 'Tab');
  await page.keyboard.type('Zoë');
  await form.getByLabel('Rule rating').fill('Hot');
  await press(page, 'Enter');
  await expect(form).toBeHidden();
  await expect(currentLead(page)).toContainText('Zoë');

  await expect
    .poll(async () => (await app.envoke.journal()).filter((entry) => entry.method === 'POST'))
    .toEqual([
      expect.objectContaining({
        body: expect.objectContaining({
          rule_rating: 'Hot',
          contact: expect.objectContaining({ email: 'zoe@new-contact.example', first_name: 'Zoë' }),
        }),
      }),
    ]);
});
