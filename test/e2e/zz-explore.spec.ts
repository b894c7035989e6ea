import { expect } from '@playwright/test';
import { expectPending, leadList, openApp, press, test } from './support/app';

test('explore traffic', async ({ page, app }) => {
  await openApp(page, app);
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await page.waitForTimeout(1500);
  const log: string[] = [];
  const t0 = Date.now();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/invoke/')) log.push(`${Date.now() - t0} ${u.pathname.slice(12)} ${r.postData()?.slice(0, 80)}`);
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.eventSourceMessageReceived', (e) => log.push(`${Date.now() - t0} EVENT ${e.eventName} ${e.data.slice(0, 80)}`));
  for (let i = 0; i < 3; i++) {
    log.push(`${Date.now() - t0} ---- press 4`);
    await press(page, '4');
    await page.waitForTimeout(700);
    await press(page, 'j');
    await page.waitForTimeout(300);
  }
  await expectPending(page, 0, 20_000);
  await page.waitForTimeout(1500);
  console.log(log.join('\n'));
});
