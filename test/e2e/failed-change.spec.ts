/**
 * A change Envoke refuses (a 400 with its own reason) is shown as failed, with Envoke's words, and
 * the person fixes it by keyboard: edit it and send it again, or discard it.
 */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  statusBar,
  test,
  writesTo,
} from './support/app';

const LOCKED = 'Sale note is locked';
const outbox = (page: Page) => page.getByRole('dialog', { name: 'Outbox' });
const row = (page: Page, id: string) => leadList(page).locator(`[data-envoke-id="${id}"]`);

test('a refused change shows as failed with Envoke’s reason, and is edited and sent once', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  await app.envoke.fault({ kind: '400', match: { method: 'PATCH' }, message: LOCKED });

  // Sale note: the fourth field of the sale editor.
  await press(page, '$', 'Tab', 'Tab', 'Tab', 'Control+a');
  await page.keyboard.type('Signed on the 3rd');
  await press(page, 'Enter');

  await expect(row(page, id)).toHaveAttribute('data-sync', 'failed', { timeout: 20_000 });
  await expect(statusBar(page)).toContainText(/(^|\D)1 failed/);
  await expect(page.getByRole('complementary', { name: 'Lead details' })).toContainText(
    `Not sent: Sale note: Signed on the 3rd. Envoke rejected the request: ${LOCKED}.`,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/failed-change.png` });

  await press(page, 'p');
  const entry = outbox(page).getByRole('option');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Failed');
  await expect(entry).toContainText('Sale note: Signed on the 3rd');
  await expect(entry.locator('.outbox-error')).toHaveText(
    `Envoke rejected the request: ${LOCKED}.`,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/outbox-failed.png` });

  await press(page, 'e');
  const editor = page.getByRole('dialog', { name: /^Edit the change to / });
  await expect(editor.getByRole('textbox', { name: 'Sale note' })).toBeFocused();
  await press(page, 'Control+a');
  await page.keyboard.type('Signed on the 4th');
  await press(page, 'Enter');
  await expect(editor).toBeHidden();
  // Back in the outbox, which empties once Envoke has the edited change.
  await expect(outbox(page)).toContainText('Nothing waiting', { timeout: 20_000 });
  await press(page, 'Escape');
  await expect(outbox(page)).toBeHidden();
  await expect(leadList(page)).toBeFocused();

  await expectPending(page, 0);
  await expect(statusBar(page)).toContainText(/(^|\D)0 failed/);
  await expect(row(page, id)).toHaveAttribute('data-sync', 'synced');
  expect((await writesTo(app, id)).map((write) => write.body)).toEqual([
    { sale_note: 'Signed on the 4th' },
  ]);
  expect((await app.envoke.lead(id))?.sale_note).toBe('Signed on the 4th');
});

test('a refused change is discarded by keyboard: the lead shows Envoke’s value, nothing is written', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  const before = (await app.envoke.lead(id))?.marketing_rating ?? '';
  const [key, rating] = before === 'Hot' ? ['w', 'Warm'] : ['h', 'Hot'];
  await app.envoke.fault({
    kind: '400',
    match: { method: 'PATCH' },
    message: 'Marketing rating cannot change while the lead is in review',
  });

  await press(page, 'm', key);
  await expect(currentLead(page)).toHaveAttribute('data-sync', 'failed', { timeout: 20_000 });
  await expect(statusBar(page)).toContainText(/(^|\D)1 failed/);
  const shownRating = page
    .getByRole('region', { name: 'Marketing stage' })
    .locator('dt:text-is("Rating") + dd .value');
  await expect(shownRating).toHaveText(rating);

  await press(page, 'p');
  const entry = outbox(page).getByRole('option');
  await expect(entry).toContainText(`Marketing rating: ${rating}`);
  await expect(entry).toContainText('Marketing rating cannot change while the lead is in review');
  await press(page, 'd');
  await expect(outbox(page)).toContainText('Press d again');
  await press(page, 'd');
  await expect(outbox(page)).toContainText('Nothing waiting');
  await press(page, 'Escape');
  await expect(outbox(page)).toBeHidden();

  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
  await expect(currentLead(page)).toHaveAttribute('data-sync', 'synced');
  await expect(shownRating).toHaveText(before || '–');
  await expect(statusBar(page)).toContainText(/(^|\D)0 failed/);
  await expectPending(page, 0);

  // A later change on the next lead reaches Envoke; the discarded one never does.
  await press(page, 'j');
  await expect(currentLead(page)).not.toHaveAttribute('data-envoke-id', id);
  const next = await currentEnvokeId(page);
  const nextKey = (await app.envoke.lead(next))?.marketing_rating === 'Cold' ? 'w' : 'c';
  await press(page, nextKey);
  await expect.poll(async () => (await writesTo(app, next)).length, { timeout: 20_000 }).toBe(1);
  expect(await writesTo(app, id)).toEqual([]);
  expect((await app.envoke.lead(id))?.marketing_rating).toBe(before);
});
