/** An amount reads the same wherever it shows: the lead, its activity, and Envoke. */
import { expect } from '@playwright/test';
import { currentEnvokeId, expectPending, openApp, press, test } from './support/app';

test('revenue typed as 12500 shows as 12500.00 in the detail, the activity and on Envoke', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  await press(page, '$');
  const editor = page.getByRole('dialog', { name: 'Sale' });
  await press(page, 'Tab', 'Control+a');
  await page.keyboard.type('12500');
  await press(page, 'Tab', 'Control+a');
  await page.keyboard.type('7000.5');
  await press(page, 'Enter');
  await expect(editor).toBeHidden();

  const outcome = page.getByRole('region', { name: 'Opportunity and sale' });
  const activity = page.getByRole('region', { name: 'Activity' });
  await expect(outcome).toContainText('12500.00');
  await expect(outcome).toContainText('7000.50');
  await expect(activity).toContainText('Revenue: (empty) → 12500.00');
  await expect(activity).not.toContainText(/→ 12500(?!\.00)/);
  await expectPending(page, 0, 20_000);
  const lead = await app.envoke.lead(id);
  expect([lead?.revenue, lead?.cost_of_goods_sold]).toEqual(['12500.00', '7000.50']);
  // After the sync the lead still reads the same.
  await expect(outcome).toContainText('12500.00');
  await expect(activity).toContainText('Revenue: (empty) → 12500.00');
});
