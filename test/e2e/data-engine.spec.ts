/**
 * The data engine (the core's worker thread) stopping under the window: the person reads one
 * sentence, and triage goes on with the engine the app started in its place.
 */
import { expect } from '@playwright/test';
import { currentEnvokeId, expectPending, openApp, press, test, writesTo } from './support/app';

test('a crashed data engine is said in one sentence, restarted, and the next change reaches Envoke once', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await app.crashCore();
  await expect(page.getByRole('alert')).toHaveText(
    "Lead Triage's data engine stopped unexpectedly and is restarting; your saved changes are safe.",
  );

  const id = await currentEnvokeId(page);
  const current = (await app.envoke.lead(id))?.marketing_rating_status ?? '';
  const [key, status] = current === 'Deferred' ? ['5', 'Lead updated'] : ['4', 'Deferred'];
  await press(page, 'm', key);
  // The status bar said "0 pending" before the key too: wait for Envoke to have the change.
  await expect
    .poll(async () => (await writesTo(app, id)).map((write) => write.body), { timeout: 20_000 })
    .toEqual([{ marketing_rating_status: status }]);
  await expectPending(page, 0, 20_000);
  expect((await writesTo(app, id)).map((write) => write.body)).toEqual([
    { marketing_rating_status: status },
  ]);
});
