/**
 * The person's own key never lands on a lead they did not mean: a lead that leaves the view by a
 * key stays in place, dimmed, "moved to …", until the cursor moves off it. Pass it, rate it.
 */
import { expect, type Page } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  ratingOnKey,
  SCREENSHOTS,
  test,
  writesTo,
} from './support/app';

const row = (page: Page, id: string) => leadList(page).locator(`[data-envoke-id="${id}"]`);

/** Opens "Marketing: new" at its first lead; returns the first two leads' Envoke ids. */
async function marketingNew(page: Page): Promise<[string, string]> {
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await press(page, 'Home');
  const first = await currentEnvokeId(page);
  const second = await leadList(page)
    .locator('[role=option]')
    .nth(1)
    .getAttribute('data-envoke-id');
  if (!second) throw new Error('Marketing: new has one lead only');
  return [first, second];
}

/** The view has caught up with a change: the lead is shown as moved, not as a member. */
async function expectMoved(page: Page, id: string, to: string): Promise<void> {
  await expect(row(page, id)).toHaveAttribute('data-moved', 'true');
  await expect(row(page, id)).toContainText(`moved to ${to}`);
}

test('status then rating: Hot lands on the lead just passed, which stays until the cursor moves', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const hot = await ratingOnKey(page, 'h');
  const [first, second] = await marketingNew(page);
  const secondBefore = await app.envoke.lead(second);

  await press(page, '3');
  // The view has dropped the lead by now; it stays where it was, and the keyboard on it.
  await expectMoved(page, first, 'Passed to sales');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);
  await page.screenshot({ path: `${SCREENSHOTS}/held-lead-moved.png` });
  await press(page, 'h');
  await expect(row(page, first)).toContainText(hot);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);

  await expectPending(page, 0, 20_000);
  await expect
    .poll(async () => {
      const lead = await app.envoke.lead(first);
      return [lead?.marketing_rating_status, lead?.marketing_rating];
    })
    .toEqual(['Passed to sales', hot]);
  expect(await writesTo(app, second)).toEqual([]);
  expect((await app.envoke.lead(second))?.marketing_rating).toBe(secondBefore?.marketing_rating);

  // Moving on lets it go: the cursor lands on the lead that followed it.
  await press(page, 'j');
  await expect(row(page, first)).toHaveCount(0);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', second);
});

test('the advance key goes on to the next lead; a status key alone never does', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const [first, second] = await marketingNew(page);
  await press(page, '4');
  await expectMoved(page, first, 'Deferred');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);
  await press(page, 'Space');
  await expect(row(page, first)).toHaveCount(0);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', second);

  // With auto-advance off, the advance key says so and stays.
  await press(page, 'Shift+A');
  await expect(page.getByText('Auto-advance is off.')).toBeVisible();
  await press(page, 'Space');
  await expect(page.getByText(/Auto-advance is off: j goes to the next lead/)).toBeVisible();
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', second);
});

test('bulk status then rating: both keys reach the whole selection, which leaves when the cursor moves', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const hot = await ratingOnKey(page, 'h');
  const [first, second] = await marketingNew(page);
  await press(page, 'x', 'j', 'x', 'j');
  const third = await currentEnvokeId(page);
  await press(page, '4');
  await expect(page.getByText('Marked 2 leads Deferred')).toBeVisible();
  await expectMoved(page, first, 'Deferred');
  await expectMoved(page, second, 'Deferred');
  await expect(page.locator('.bulk-note')).toContainText('2 leads selected');
  await press(page, 'h');
  await expect(page.getByText(`Marked 2 leads ${hot}`)).toBeVisible();
  await expectPending(page, 0, 20_000);
  for (const id of [first, second])
    await expect
      .poll(async () => {
        const lead = await app.envoke.lead(id);
        return [lead?.marketing_rating_status, lead?.marketing_rating];
      })
      .toEqual(['Deferred', hot]);
  expect(await writesTo(app, third)).toEqual([]);

  await press(page, 'k');
  await expect(page.getByText('2 leads left this view and the selection')).toBeVisible();
  await expect(row(page, first)).toHaveCount(0);
  await expect(row(page, second)).toHaveCount(0);
  await expect(page.locator('.bulk-note')).toHaveCount(0);
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', third);
});

test('undo after moving on brings the lead back to its place, with the cursor on it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const [first, second] = await marketingNew(page);
  await press(page, '3');
  await expectMoved(page, first, 'Passed to sales');
  await press(page, 'j');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', second);
  await press(page, 'z');
  await expect(page.getByText(/^Undone:/)).toBeVisible();
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);
  await expect(row(page, first)).not.toHaveAttribute('data-moved', 'true');
  await expect(leadList(page).locator('[role=option]').first()).toHaveAttribute(
    'data-envoke-id',
    first,
  );
  await expect
    .poll(async () => (await app.envoke.lead(first))?.marketing_rating_status, {
      timeout: 20_000,
    })
    .toBe('Unprocessed');
});

test('a sync arriving between the two keys keeps the held lead in place and the keyboard on it', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  const hot = await ratingOnKey(page, 'h');
  const [first, second] = await marketingNew(page);
  await press(page, '3');
  await expectMoved(page, first, 'Passed to sales');
  // Meanwhile a new lead comes into Envoke, and a sync brings it to the top of the view.
  const arrived = await app.envoke.insert({
    contact: { email: 'arrived-meanwhile@example.com', company: 'Meanwhile Ltd' },
    marketing_rating_status: 'Unprocessed',
  });
  await press(page, 'Shift+S');
  await expect(row(page, arrived.id)).toHaveCount(1, { timeout: 20_000 });
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', first);
  await expectMoved(page, first, 'Passed to sales');
  await press(page, 'h');
  await expect
    .poll(async () => (await app.envoke.lead(first))?.marketing_rating, { timeout: 20_000 })
    .toBe(hot);
  await expectPending(page, 0, 20_000);
  expect(await writesTo(app, arrived.id)).toEqual([]);
  expect(await writesTo(app, second)).toEqual([]);
});
