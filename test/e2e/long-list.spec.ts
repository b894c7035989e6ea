/**
 * A view longer than one page of ids: the list holds the first page, reads the next as the person
 * nears its end, and never asks for every id of the view.
 */
import { expect, test } from '@playwright/test';
import { currentLead, leadList, openApp, press, SCREENSHOTS, startApp } from './support/app';

test('the list reads a long view page by page as the person moves down it', async ({ page }) => {
  const app = await startApp(2_500);
  try {
    const asked: string[] = [];
    page.on('request', (request) => {
      const name = decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? '');
      if (name.startsWith('leads:')) asked.push(name);
    });
    await openApp(page, app);
    // Once the first pull is over: leads it brings join the list while it runs.
    await expect(page.getByRole('button', { name: /^All leads/ })).toContainText(/2,?500/, {
      timeout: 30_000,
    });
    const held = () => leadList(page).locator('[role=option]').first().getAttribute('aria-setsize');
    await expect.poll(held).toBe('1000');

    // The last lead held: the next page joins the list, and End goes on down it.
    await press(page, 'End');
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '1000');
    await expect.poll(held).toBe('2000');
    await press(page, 'End');
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '2000');
    await expect.poll(held).toBe('2500');
    await page.screenshot({ path: `${SCREENSHOTS}/long-list-paged.png` });

    // A status key on a lead deep in the list keeps the person on that lead.
    await press(page, 'k', 'm', '4');
    await expect(currentLead(page)).toHaveAttribute('aria-posinset', '1999');
    expect(asked).not.toContain('leads:ids');
    expect(asked).toContain('leads:id-page');
  } finally {
    await app.stop();
  }
});
