/** A colleague changed the same fields in Envoke while the person's change waited: they choose. */
import { expect } from '@playwright/test';
import {
  currentEnvokeId,
  expectPending,
  leadList,
  openApp,
  press,
  SCREENSHOTS,
  statusBar,
  test,
} from './support/app';

test('a conflict made on Envoke’s side is resolved field by field with the keyboard', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await app.envoke.setOffline(true);
  // Let the app find Envoke unreachable first, so both keys below make one queued change.
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('Offline', { timeout: 20_000 });
  const id = await currentEnvokeId(page);
  const base = await app.envoke.lead(id);
  const mineRating = base?.marketing_rating === 'Hot' ? 'Cold' : 'Hot';
  const mineStatus = base?.marketing_rating_status === 'Deferred' ? 'Lead updated' : 'Deferred';

  // Mine: a rating, then a status, on the same lead.
  await press(page, 'm', mineRating === 'Hot' ? 'h' : 'c', mineStatus === 'Deferred' ? '4' : '5');
  await expectPending(page, 1);

  // Theirs: a colleague sets both fields to something else in Envoke meanwhile.
  await app.envoke.edit(id, {
    marketing_rating: 'Warm',
    marketing_rating_status: 'Not applicable',
  });
  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expect(statusBar(page)).toContainText('1 conflict', { timeout: 20_000 });
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveAttribute(
    'data-sync',
    'conflict',
  );

  await press(page, 'r');
  const resolver = page.getByRole('dialog', { name: 'Resolve conflict' });
  await expect(resolver).toBeVisible();
  const ratingRow = resolver.getByRole('row', { name: /Marketing rating/ });
  await expect(ratingRow).toContainText(base?.marketing_rating || '–');
  await expect(ratingRow).toContainText('Warm');
  await expect(ratingRow).toContainText(mineRating);
  await page.screenshot({ path: `${SCREENSHOTS}/conflict-resolver.png` });

  // First field (status, in the order of the detail pane) keeps theirs, the rating keeps mine.
  const statusRow = resolver.getByRole('row', { name: /Marketing status/ });
  await expect(statusRow).toHaveAttribute('aria-selected', 'true');
  await press(page, 't');
  await expect(statusRow).toHaveCount(0);
  await press(page, 'm');
  await expect(resolver).toBeHidden();

  await expect(statusBar(page)).toContainText('0 conflicts');
  await expectPending(page, 0, 20_000);
  await expect
    .poll(
      async () => {
        const lead = await app.envoke.lead(id);
        return [lead?.marketing_rating, lead?.marketing_rating_status];
      },
      { timeout: 20_000 },
    )
    .toEqual([mineRating, 'Not applicable']);
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveAttribute(
    'data-sync',
    'synced',
  );
});
