/**
 * How the list and the editors look: readable statuses, names that keep their room at 1024 px,
 * and editors that are small keyboard pickers. Screenshots of each are saved for review.
 */
import { expect, type Page } from '@playwright/test';
import { currentEnvokeId, leadList, openApp, press, SCREENSHOTS, test } from './support/app';

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });

/** Companies on screen whose cell cuts them short. */
async function cutCompanies(page: Page): Promise<string[]> {
  const cells = leadList(page).locator('[role=option] .company');
  const cut: string[] = [];
  for (const cell of await cells.all()) {
    const [scroll, client, text] = await Promise.all([
      cell.evaluate((node) => node.scrollWidth),
      cell.evaluate((node) => node.clientWidth),
      cell.textContent(),
    ]);
    if (scroll > client + 1) cut.push(text ?? '');
  }
  return cut;
}

test('the list reads statuses in words and keeps names whole at 1440 and 1024 px', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, app);
  await page.screenshot({ path: `${SCREENSHOTS}/list-1440.png` });
  const rows = leadList(page);
  await page.setViewportSize({ width: 1024, height: 768 });
  await press(page, ']');
  await expect(rows).toHaveAccessibleName('Leads: Marketing: new');
  await page.screenshot({ path: `${SCREENSHOTS}/list-1024.png` });
  await expect(rows).not.toContainText(/Unproc(?!essed)|N\/A/);
  await expect(rows.locator('.status-pill').first()).toBeVisible();
  // No lead in this view has an outcome: its column gives its room to the names.
  await expect(page.locator('.list-columns .outcome')).toBeHidden();
  expect(await cutCompanies(page)).toEqual([]);
});

test('opportunity and sale editors are keyboard pickers: a number chooses, arrows move, Enter saves', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);

  await press(page, 'o');
  const opportunity = dialog(page, 'Opportunity');
  const picker = opportunity.getByRole('listbox', { name: 'Opportunity' });
  await expect(picker).toBeFocused();
  await expect(picker.getByRole('option')).toHaveText([/1\s*None/, /2\s*Yes/, /3\s*Cancelled/]);
  await expect(opportunity.getByRole('radio')).toHaveCount(0);
  await expect(opportunity.locator('button.primary')).toHaveText('Save');
  await press(page, '2');
  await expect(picker.getByRole('option', { selected: true })).toContainText('Yes');
  await page.screenshot({ path: `${SCREENSHOTS}/picker-opportunity.png` });
  await press(page, 'Enter');
  await expect(opportunity).toBeHidden();

  await press(page, '$');
  const sale = dialog(page, 'Sale');
  const salePicker = sale.getByRole('listbox', { name: 'Sale' });
  await expect(salePicker).toBeFocused();
  await press(page, 'Home', 'ArrowDown', 'ArrowDown', 'ArrowUp');
  await expect(salePicker.getByRole('option', { selected: true })).toContainText('Yes');
  await expect(sale.locator('button.primary')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/picker-sale.png` });
  await press(page, 'Enter');
  await expect(sale).toBeHidden();

  await expect
    .poll(
      async () => {
        const lead = await app.envoke.lead(id);
        return [lead?.opportunity, lead?.sale];
      },
      { timeout: 20_000 },
    )
    .toEqual(['Yes', 'Yes']);
});

test('the rating picker alone saves as soon as a number picks a value', async ({ page, app }) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  const before = (await app.envoke.lead(id))?.marketing_rating;
  await press(page, 'Shift+R');
  const rating = dialog(page, 'Marketing rating');
  const options = rating.getByRole('option');
  await expect(options).toHaveCount(3);
  await page.screenshot({ path: `${SCREENSHOTS}/picker-marketing-rating.png` });
  const values = await options.locator('.picker-value').allTextContents();
  const index = values.findIndex((value) => value !== before);
  await press(page, String(index + 1));
  await expect(rating).toBeHidden();
  await expect
    .poll(async () => (await app.envoke.lead(id))?.marketing_rating, { timeout: 20_000 })
    .toBe(values[index]);
});
