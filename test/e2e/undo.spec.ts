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
