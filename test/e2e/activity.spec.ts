/** The activity log: one entry per change, its delivery to Envoke updated in place. */
import { expect } from '@playwright/test';
import {
  currentEnvokeId,
  expectPending,
  openApp,
  press,
  SCREENSHOTS,
  statusBar,
  test,
} from './support/app';

test('a change is one activity entry that goes from waiting to sent', async ({ page, app }) => {
  await openApp(page, app);
  const id = await currentEnvokeId(page);
  const before = (await app.envoke.lead(id))?.marketing_rating ?? '';
  const [key, rating] = before === 'Hot' ? ['w', 'Warm'] : ['h', 'Hot'];
  await app.envoke.setOffline(true);

  await press(page, 'm', key);
  const activity = page
    .getByRole('complementary', { name: 'Lead details' })
    .getByRole('region', { name: 'Activity' });
  const entries = activity.getByRole('listitem');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(
    `Marketing rating: ${before || '(empty)'} → ${rating}`,
  );
  await expect(entries.first()).toContainText('Waiting to send');
  await expect(statusBar(page)).toContainText('Offline', { timeout: 20_000 });

  await app.envoke.setOffline(false);
  await press(page, 'Shift+S');
  await expectPending(page, 0, 20_000);
  await expect(entries.first()).toContainText('Sent to Envoke');
  await expect(entries).toHaveCount(1);
  await expect(activity).not.toContainText('Waiting to send');
  await page.screenshot({ path: `${SCREENSHOTS}/activity-sent.png` });
});
