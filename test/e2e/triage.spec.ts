/**
 * The salesperson's day: triage by keyboard alone, then find every change on Envoke's side.
 */
import { expect } from '@playwright/test';
import {
  currentEnvokeId,
  currentLead,
  expectPending,
  leadList,
  openApp,
  press,
  ratingOnKey,
  SCREENSHOTS,
  statusBar,
  test,
  writesTo,
} from './support/app';

test('20 leads triaged by keyboard alone reach Envoke, each change once', async ({ page, app }) => {
  await openApp(page, app);
  await expect(statusBar(page)).toContainText('Demo data');

  // h, w and c set the account's most used ratings of the active stage, as the legend shows.
  const [mktW, mktC] = [await ratingOnKey(page, 'w'), await ratingOnKey(page, 'c')];
  await press(page, 's');
  const [salesH, salesC] = [await ratingOnKey(page, 'h'), await ratingOnKey(page, 'c')];
  expect(salesH).toMatch(/^(Contacted: |Unable)/);
  await press(page, 'm');

  const expected = new Map<string, Record<string, string>>();
  for (let i = 0; i < 20; i++) {
    const id = await currentEnvokeId(page);
    const before = await app.envoke.lead(id);
    // Pick values this lead does not have yet, so every lead really changes. The three keys go
    // out one by one as one keyboard action, which keeps the test's trace short.
    if (i % 2 === 0) {
      const [ratingKey, rating] = before?.marketing_rating === mktW ? ['c', mktC] : ['w', mktW];
      const [statusKey, status] =
        before?.marketing_rating_status === 'Deferred' ? ['5', 'Lead updated'] : ['4', 'Deferred'];
      await page.keyboard.type(`m${ratingKey}${statusKey} `);
      expected.set(id, { marketing_rating: rating, marketing_rating_status: status });
    } else {
      const [ratingKey, rating] = before?.sales_rating === salesH ? ['c', salesC] : ['h', salesH];
      const [statusKey, status] =
        before?.sales_rating_status === 'Rated good' ? ['4', 'Rated bad'] : ['3', 'Rated good'];
      await page.keyboard.type(`s${ratingKey}${statusKey} `);
      expected.set(id, { sales_rating: rating, sales_rating_status: status });
    }
    // The advance key (Space) took the keyboard to the next lead.
    await expect(currentLead(page)).not.toHaveAttribute('data-envoke-id', id);
  }
  expect(expected.size).toBe(20);

  // Envoke ends up with every change...
  const onEnvoke = async () => {
    const leads = await Promise.all([...expected.keys()].map((id) => app.envoke.lead(id)));
    return leads.map(
      (lead) => lead && Object.keys(expected.get(lead.id) ?? {}).map((f) => lead[f as 'sale']),
    );
  };
  const wanted = [...expected.values()].map((fields) => Object.values(fields));
  await expect.poll(onEnvoke, { timeout: 20_000 }).toEqual(wanted);
  await expectPending(page, 0);
  // ...and each change was written exactly once.
  for (const [id, fields] of expected) {
    const bodies = (await writesTo(app, id)).map((entry) => entry.body as Record<string, string>);
    for (const [field, value] of Object.entries(fields)) {
      const writes = bodies.filter((body) => field in body);
      expect(writes, `writes of ${field} to lead ${id}`).toEqual([
        expect.objectContaining({ [field]: value }),
      ]);
    }
  }
  // Every sent change shows as synced on its row.
  await expect(page.locator('[role=option][data-sync=pending]')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/triage-after-sync.png` });
});

test('status keys follow the active stage and Envoke’s order', async ({ page, app }) => {
  await openApp(page, app);
  const expectations: [string[], string, string][] = [
    [['m', '1'], 'marketing_rating_status', 'Not applicable'],
    [['m', '2'], 'marketing_rating_status', 'Unprocessed'],
    [['m', '3'], 'marketing_rating_status', 'Passed to sales'],
    [['m', '5'], 'marketing_rating_status', 'Lead updated'],
    [['s', '4'], 'sales_rating_status', 'Rated bad'],
    [['s', '5'], 'sales_rating_status', 'Contact attempted'],
    [['s', '1'], 'sales_rating_status', 'Not applicable'],
  ];
  const ids: string[] = [];
  for (const [keys] of expectations) {
    const id = await currentEnvokeId(page);
    ids.push(id);
    await press(page, ...keys);
    // A status key stays on its lead; the advance key goes on.
    await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
    await press(page, 'Space');
    await expect(currentLead(page)).not.toHaveAttribute('data-envoke-id', id);
  }
  const onEnvoke = () =>
    Promise.all(
      expectations.map(
        async ([, field], i) => (await app.envoke.lead(ids[i] ?? ''))?.[field as 'sale'],
      ),
    );
  await expect
    .poll(onEnvoke, { timeout: 20_000 })
    .toEqual(expectations.map(([, , value]) => value));
  await expectPending(page, 0);
});

test('a lead leaving the view and coming back never makes the list read the whole view', async ({
  page,
  app,
}) => {
  await openApp(page, app);
  await press(page, ']');
  await expect(leadList(page)).toHaveAttribute('aria-label', 'Leads: Marketing: new');
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', /\d+/);
  await press(page, 'j', 'j');
  const id = await currentEnvokeId(page);
  const wholeView: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(encodeURIComponent('leads:ids'))) wholeView.push(request.url());
  });

  // Deferred: the lead leaves "Marketing: new" once the cursor moves on; undo brings it back to
  // its place.
  await press(page, 'm', '4');
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveAttribute(
    'data-moved',
    'true',
  );
  await press(page, 'j');
  await expect(leadList(page).locator(`[data-envoke-id="${id}"]`)).toHaveCount(0);
  await press(page, 'z');
  await expect(page.getByText(/^Undone:/)).toBeVisible();
  await expect(currentLead(page)).toHaveAttribute('data-envoke-id', id);
  await expectPending(page, 0, 20_000);
  expect(wholeView).toEqual([]);
});
