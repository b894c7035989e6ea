/** Undo and redo by keyboard, before a change was sent and after Envoke has it. */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  openApp,
  press,
  test,
  writesTo,
  type TestApp,
} from './support/app';

const marketingSection = (page: Page) => page.getByRole('region', { name: 'Marketing stage' });

/** A marketing status key and its value that differ from what the lead has on Envoke now. */
async function newStatusFor(app: TestApp, id: string): Promise<[string, string, string]> {
  const current = (await app.envoke.lead(id))?.marketing_rating_status ?? '';
  return current === 'Deferred' ? ['5', 'Lead updated', current] : ['4', 'Deferred', current];
}

test('undo before a sync: the change never reaches Envoke', async ({ page, app }) => {
  await openApp(page, app);
  await app.envoke.setOffline(true);
  // A first change tells the app Envoke is unreachable; it stays queued throughout.
  const first = await currentEnvokeId(page);
  const [firstKey, firstStatus] = await newStatusFor(app, first);
  await press(page, 'm', firstKey, 'Space');
  await expect(page.getByRole('status')).toContainText('Offline', { timeout: 20_000 });

  const id = await currentEnvokeId(page);
  const [key, status, before] = await newStatusFor(app, id);
  await press(page, key);
  await expectPending(page, 2);
  await press(page, 'z');
  await expect(page.getByText(/^Undone:/)).toBeVisible();
  // Undo brought the keyboard back to the lead, showing its old status.
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
  await expect(marketingSection(page)).toContainText(before || '–');
  await expect(marketingSection(page)).not.toContainText(status);
  await expectPending(page, 1);

  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expectPending(page, 0, 20_000);
  expect((await writesTo(app, first)).map((write) => write.body)).toEqual([
    { marketing_rating_status: firstStatus },
  ]);
  expect(await writesTo(app, id)).toEqual([]);
  expect((await app.envoke.lead(id))?.marketing_rating_status).toBe(before);
});

test('undo after a sync puts the old value back on Envoke; redo sets it again', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  const [key, status, before] = await newStatusFor(app, id);

  await press(page, 'm', key);
  await expectPending(page, 0, 20_000);
  await expect.poll(async () => (await app.envoke.lead(id))?.marketing_rating_status).toBe(status);

  await press(page, 'Control+z');
  // The message says which value came back, not the one that was set.
  await expect(
    page.getByText(
      before ? `Undone: marketing status back to ${before}` : 'Undone: marketing status cleared',
    ),
  ).toBeVisible();
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
  await expect(marketingSection(page)).not.toContainText(status);
  await expect
    .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status, { timeout: 20_000 })
    .toBe(before);

  await press(page, 'Control+Shift+Z');
  await expect(page.getByText(`Redone: marketing status set to ${status}`)).toBeVisible();
  await expect(marketingSection(page)).toContainText(status);
  await expect
    .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status, { timeout: 20_000 })
    .toBe(status);
});

test('a deleted saved view comes back with z; undo then says what it would undo before reaching back', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const savedViews = page.getByRole('list', { name: 'Saved views' });
  const queryBar = page.getByRole('region', { name: 'Query' });
  const names = () => savedViews.locator('.view-label').allTextContents();
  const first = await currentEnvokeId(page);
  await press(page, 'x', 'j', 'x');
  const second = await currentEnvokeId(page);
  const before = await Promise.all([first, second].map((id) => app.envoke.lead(id)));
  const [key, status] = await newStatusFor(app, first);
  // A bulk change, then two views saved (undo does not cover saving).
  await press(page, 'm', key);
  await expect(page.getByText(/^Marked 2 leads/)).toBeVisible();
  await expectPending(page, 0, 20_000);
  for (const [query, name] of [
    ['rating:hot', 'Hot'],
    ['rating:cold', 'Cold'],
  ] as const) {
    await press(page, 'Control+k');
    await page.keyboard.type(query);
    await press(page, 'Enter');
    await queryBar.getByRole('textbox', { name: 'View name' }).fill(name);
    await press(page, 'Enter');
    await expect(page.getByText(`Saved the view “${name}”.`)).toBeVisible();
  }
  await press(page, 'g', '1');
  await expect(queryBar.locator('.query-name')).toHaveText('Hot');
  await queryBar.getByRole('button', { name: 'Delete view' }).click();
  await expect(page.getByText('Deleted the view “Hot”. Press z to bring it back.')).toBeVisible();
  await expect.poll(names).toEqual(['Cold']);

  await page.locator('#lead-list').focus();
  await press(page, 'z');
  await expect(page.getByText('Brought back the view “Hot”.')).toBeVisible();
  await expect.poll(names).toEqual(['Hot', 'Cold']);
  await expect(queryBar.locator('.query-name')).toHaveText('Hot');

  // The bulk change is older than the views: z says what it would undo, and only z again does.
  await press(page, 'z');
  await expect(
    page.getByText(/^Press z again to undo: Marketing status → .* \(2 leads\), made just now\.$/),
  ).toBeVisible();
  expect((await app.envoke.lead(first))?.marketing_rating_status).toBe(status);
  await press(page, 'z');
  await expect(page.getByText(/^Undone: marketing status back to/)).toBeVisible();
  await expectPending(page, 0, 20_000);
  for (const [i, id] of [first, second].entries())
    await expect
      .poll(async () => (await app.envoke.lead(id))?.marketing_rating_status)
      .toBe(before[i]?.marketing_rating_status);
});
